import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JsonProjectTokensStore } from '../../../../runtime/store/project-tokens-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

describe('ProjectTokensStore', () => {
  it('verifies the value it handed out, keeps only its hash, and survives a reopen', async () => {
    const dir = await tempDir();
    const store = await JsonProjectTokensStore.open(dir, new StoreProblems());
    const { token, value } = await store.create({ name: 'Shop', level: 'read-runs' });
    assert.equal(store.verify(value)?.id, token.id);
    assert.equal(
      store.verify(`${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`),
      undefined,
    );
    assert.equal(store.verify('not a token'), undefined);
    await store.close();
    const file = await readFile(join(dir, 'project-tokens.json'), 'utf8');
    assert.ok(!file.includes(value));
    assert.match(file, /"lastUsedAt"/);

    const again = await JsonProjectTokensStore.open(dir, new StoreProblems());
    assert.equal(again.verify(value)?.name, 'Shop');
    assert.deepEqual(
      again.list().map((item) => [item.name, item.level]),
      [['Shop', 'read-runs']],
    );
  });

  it('refuses a deleted token at once', async () => {
    const store = await JsonProjectTokensStore.open(await tempDir(), new StoreProblems());
    const { token, value } = await store.create({ name: 'Stolen', level: 'block-execution' });
    const deleting = store.delete(token.id);
    assert.equal(store.verify(value), undefined, 'refused before the file is written');
    assert.equal(await deleting, true);
    assert.equal(await store.delete(token.id), false);
    assert.deepEqual(store.list(), []);
  });
});
