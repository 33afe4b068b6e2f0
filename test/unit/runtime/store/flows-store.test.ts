import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CURRENT_SCHEMA_VERSION } from '../../../../runtime/shared/flow-document';
import { emptyFlow, JsonFlowsStore } from '../../../../runtime/store/flows-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

describe('FlowsStore', () => {
  it('writes one file per flow and reloads them', async () => {
    const dataDir = await tempDir();
    const store = await JsonFlowsStore.open(dataDir, new StoreProblems());
    await store.create(emptyFlow('f_one', 'One'));
    await store.create(emptyFlow('f_two', 'Two'));
    assert.deepEqual((await readdir(join(dataDir, 'flows'))).sort(), ['f_one.json', 'f_two.json']);
    const reopened = await JsonFlowsStore.open(dataDir, new StoreProblems());
    assert.deepEqual(
      reopened
        .list()
        .map((flow) => flow.name)
        .sort(),
      ['One', 'Two'],
    );
  });

  it('refuses to create a flow whose id exists', async () => {
    const store = await JsonFlowsStore.open(await tempDir(), new StoreProblems());
    await store.create(emptyFlow('f_one', 'One'));
    await assert.rejects(store.create(emptyFlow('f_one', 'Again')), /already exists/);
    assert.equal(store.get('f_one')?.name, 'One');
  });

  it('moves a deleted flow to flows/deleted instead of erasing it', async () => {
    const dataDir = await tempDir();
    const store = await JsonFlowsStore.open(dataDir, new StoreProblems());
    await store.create(emptyFlow('f_gone', 'Gone'));
    assert.equal(await store.delete('f_gone'), true);
    assert.equal(store.get('f_gone'), undefined);
    const [kept] = await readdir(join(dataDir, 'flows', 'deleted'));
    assert.match(kept ?? '', /^f_gone-\d+\.json$/);
    assert.equal(
      JSON.parse(await readFile(join(dataDir, 'flows', 'deleted', kept ?? ''), 'utf8')).name,
      'Gone',
    );
    assert.equal(await store.delete('f_gone'), false);
  });

  it('keeps a corrupt flow file aside and loads the others', async () => {
    const dataDir = await tempDir();
    const store = await JsonFlowsStore.open(dataDir, new StoreProblems());
    await store.create(emptyFlow('f_good', 'Good'));
    await writeFile(join(dataDir, 'flows', 'f_bad.json'), 'not json');
    const problems = new StoreProblems();
    const reopened = await JsonFlowsStore.open(dataDir, problems);
    assert.deepEqual(
      reopened.list().map((flow) => flow.id),
      ['f_good'],
    );
    assert.equal(problems.list().length, 1);
    assert.equal(await readFile(problems.list()[0]?.keptAt ?? '', 'utf8'), 'not json');
  });

  it('ignores files whose names are not flow ids, and a file whose id disagrees with its name', async () => {
    const dataDir = await tempDir();
    const store = await JsonFlowsStore.open(dataDir, new StoreProblems());
    await store.create(emptyFlow('f_real', 'Real'));
    await writeFile(join(dataDir, 'flows', 'notes.txt'), 'hello');
    await writeFile(join(dataDir, 'flows', 'bad name!.json'), '{}');
    await writeFile(
      join(dataDir, 'flows', 'f_copy.json'),
      JSON.stringify(emptyFlow('f_real', 'Copy')),
    );
    const reopened = await JsonFlowsStore.open(dataDir, new StoreProblems());
    assert.deepEqual(
      reopened.list().map((flow) => flow.name),
      ['Real'],
    );
  });

  it('migrates a version-0 document on load', async () => {
    const dataDir = await tempDir();
    await JsonFlowsStore.open(dataDir, new StoreProblems());
    const { revision: _revision, ...old } = emptyFlow('f_old', 'Old');
    await writeFile(
      join(dataDir, 'flows', 'f_old.json'),
      JSON.stringify({ ...old, schemaVersion: 0 }),
    );
    const store = await JsonFlowsStore.open(dataDir, new StoreProblems());
    assert.equal(store.get('f_old')?.schemaVersion, CURRENT_SCHEMA_VERSION);
    assert.equal(store.get('f_old')?.revision, 0);
  });
});
