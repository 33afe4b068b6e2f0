import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JsonFlowVersionsStore } from '../../../../runtime/store/flow-versions-store';
import { JsonFlowsStore } from '../../../../runtime/store/flows-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

const graph = { nodes: [], edges: [], variables: [] };

describe('FlowVersionsStore', () => {
  it('numbers versions past every earlier one and keeps the last 10', async () => {
    const dataDir = await tempDir();
    const store = await JsonFlowVersionsStore.open(dataDir, new StoreProblems());
    const added = await Promise.all(
      Array.from({ length: 12 }, () =>
        store.add('f_one', 0, { publishedAt: new Date().toISOString(), graph }),
      ),
    );
    assert.deepEqual(
      added.map((snapshot) => snapshot.version),
      Array.from({ length: 12 }, (_, index) => index + 1),
    );
    const reopened = await JsonFlowVersionsStore.open(dataDir, new StoreProblems());
    assert.deepEqual(
      (await reopened.list('f_one')).map((snapshot) => snapshot.version),
      [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
    const after = await reopened.add('f_one', 20, { publishedAt: '', graph });
    assert.equal(after.version, 21, 'a live version the file lost still counts');
  });

  it('is not mistaken for a flow, and moves aside with a deleted flow', async () => {
    const dataDir = await tempDir();
    const store = await JsonFlowVersionsStore.open(dataDir, new StoreProblems());
    await store.add('f_two', 0, { publishedAt: '', graph });
    assert.deepEqual(await readdir(join(dataDir, 'flows')), ['f_two.versions.json']);
    const problems = new StoreProblems();
    assert.deepEqual((await JsonFlowsStore.open(dataDir, problems)).list(), []);
    assert.deepEqual(problems.list(), []);
    await store.delete('f_two');
    await store.delete('f_never');
    assert.deepEqual(await readdir(join(dataDir, 'flows')), ['deleted']);
    const [kept] = await readdir(join(dataDir, 'flows', 'deleted'));
    assert.match(kept ?? '', /^f_two-\d+\.versions\.json$/);
    assert.deepEqual(await store.list('f_two'), []);
  });
});
