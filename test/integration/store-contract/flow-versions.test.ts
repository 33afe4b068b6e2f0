// The flow versions store's contract, run against both backends (JSON files, PostgreSQL).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEPT_VERSIONS } from '../../../runtime/shared/publishing';
import { storeBackends } from '../../helpers/store-backends';

const snapshot = () => ({
  publishedAt: new Date().toISOString(),
  graph: { nodes: [], edges: [], variables: [] },
});

for (const backend of storeBackends) {
  describe(`flow versions store contract (${backend.name})`, () => {
    it('numbers versions past the live one, lists them oldest first, keeps them', async () => {
      const { stores, reopen } = await backend.open();
      assert.deepEqual(await stores.versions.list('f_v'), []);
      assert.equal((await stores.versions.add('f_v', 0, snapshot())).version, 1);
      // The live version says 5 (the kept versions were lost): the next is 6.
      assert.equal((await stores.versions.add('f_v', 5, snapshot())).version, 6);
      assert.equal((await stores.versions.add('f_v', 0, snapshot())).version, 7);
      const listed = await stores.versions.list('f_v');
      assert.deepEqual(
        listed.map((kept) => kept.version),
        [1, 6, 7],
      );
      assert.deepEqual(listed[0]?.graph, snapshot().graph);
      const again = await reopen();
      assert.deepEqual(
        (await again.versions.list('f_v')).map((kept) => kept.version),
        [1, 6, 7],
      );
      assert.deepEqual(await again.versions.list('f_other'), []);
    });

    it(`keeps the last ${KEPT_VERSIONS} and counts on past the dropped ones`, async () => {
      const { stores } = await backend.open();
      for (let i = 0; i < KEPT_VERSIONS + 3; i += 1)
        await stores.versions.add('f_many', 0, snapshot());
      const kept = (await stores.versions.list('f_many')).map((item) => item.version);
      assert.equal(kept.length, KEPT_VERSIONS);
      assert.equal(kept[0], 4);
      assert.equal(kept.at(-1), KEPT_VERSIONS + 3);
      assert.equal((await stores.versions.add('f_many', 0, snapshot())).version, KEPT_VERSIONS + 4);
    });

    it('gives two publishes at once two numbers', async () => {
      const { stores } = await backend.open();
      const numbers = await Promise.all(
        Array.from({ length: 5 }, () => stores.versions.add('f_race', 0, snapshot())),
      );
      assert.deepEqual(numbers.map((added) => added.version).sort(), [1, 2, 3, 4, 5]);
    });

    it("drops a deleted flow's versions", async () => {
      const { stores, reopen } = await backend.open();
      await stores.versions.add('f_del', 0, snapshot());
      await stores.versions.delete('f_del');
      assert.deepEqual(await stores.versions.list('f_del'), []);
      assert.deepEqual(await (await reopen()).versions.list('f_del'), []);
      await stores.versions.delete('f_never');
      await stores.versions.settled();
    });
  });
}
