// The project tokens store's contract, run against both backends (JSON files, PostgreSQL):
// only the value's SHA-256 is stored; a deleted token is refused at once.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { storeBackends } from '../../helpers/store-backends';

for (const backend of storeBackends) {
  describe(`project tokens store contract (${backend.name})`, () => {
    it('verifies the value it handed out, stores only its hash, survives a reopen', async () => {
      const { stores, reopen, rawText } = await backend.open();
      const { token, value } = await stores.tokens.create({ name: 'Shop', level: 'read-runs' });
      assert.match(value, /^hf_pt_/);
      assert.equal(stores.tokens.verify(value)?.id, token.id);
      const tampered = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
      assert.equal(stores.tokens.verify(tampered), undefined);
      assert.equal(stores.tokens.verify('not a token'), undefined);
      await stores.tokens.close();
      assert.ok(stores.tokens.info(token.id)?.lastUsedAt, 'the use is recorded');

      const raw = await rawText();
      assert.ok(!raw.includes(value), 'the value is not stored');
      assert.ok(raw.includes(createHash('sha256').update(value).digest('hex')));

      const again = await reopen();
      assert.equal(again.tokens.verify(value)?.name, 'Shop');
      assert.ok(again.tokens.info(token.id)?.lastUsedAt, 'the last use was written');
      await again.tokens.close();
    });

    it('lists newest first without values; refuses a deleted token at once', async () => {
      const { stores, reopen } = await backend.open();
      const first = await stores.tokens.create({ name: 'One', level: 'admin-api' });
      const second = await stores.tokens.create({ name: 'Two', level: 'block-execution' });
      const listed = stores.tokens.list();
      assert.deepEqual(
        new Set(listed.map((item) => item.id)),
        new Set([first.token.id, second.token.id]),
      );
      assert.ok(!JSON.stringify(listed).includes(first.value));
      assert.equal(stores.tokens.info(second.token.id)?.level, 'block-execution');

      const deleting = stores.tokens.delete(first.token.id);
      assert.equal(stores.tokens.verify(first.value), undefined, 'refused before the write');
      assert.equal(await deleting, true);
      assert.equal(await stores.tokens.delete(first.token.id), false);
      assert.deepEqual(
        stores.tokens.list().map((item) => item.id),
        [second.token.id],
      );
      assert.equal((await reopen()).tokens.verify(first.value), undefined);
      await stores.tokens.settled();
    });
  });
}
