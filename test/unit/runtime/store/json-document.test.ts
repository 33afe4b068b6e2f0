import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { JsonDocument } from '../../../../runtime/store/json-document';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

const schema = z.object({ items: z.array(z.number()) });
type Doc = z.infer<typeof schema>;

async function openDoc(path: string, problems = new StoreProblems()) {
  return JsonDocument.open<Doc>({ path, schema, problems, defaults: () => ({ items: [] }) });
}

describe('JsonDocument', () => {
  it('starts from defaults and persists updates to disk', async () => {
    const path = join(await tempDir(), 'doc.json');
    const doc = await openDoc(path);
    assert.deepEqual(doc.data, { items: [] });
    await doc.update((data) => {
      data.items.push(1);
    });
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), { items: [1] });
    assert.deepEqual((await openDoc(path)).data, { items: [1] });
  });

  it('lands every one of 100 concurrent updates', async () => {
    const path = join(await tempDir(), 'doc.json');
    const doc = await openDoc(path);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        doc.update((data) => {
          data.items.push(i);
        }),
      ),
    );
    const saved = (await openDoc(path)).data.items;
    assert.equal(saved.length, 100);
    assert.deepEqual(
      [...saved].sort((a, b) => a - b),
      Array.from({ length: 100 }, (_, i) => i),
    );
  });

  it('keeps a corrupt file aside, reports it, and never overwrites it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'doc.json');
    await writeFile(path, '{"items": [1, 2,');
    const problems = new StoreProblems();
    const doc = await openDoc(path, problems);
    assert.deepEqual(doc.data, { items: [] });
    const [problem] = problems.list();
    assert.ok(problem, 'a problem is reported');
    assert.equal(problem.path, path);
    assert.match(problem.reason, /not valid JSON/);
    assert.equal(await readFile(problem.keptAt, 'utf8'), '{"items": [1, 2,');
    await doc.update((data) => {
      data.items.push(9);
    });
    assert.equal(await readFile(problem.keptAt, 'utf8'), '{"items": [1, 2,', 'kept copy untouched');
  });

  it('treats a file of the wrong shape as corrupt', async () => {
    const path = join(await tempDir(), 'doc.json');
    await writeFile(path, '{"items": ["x"]}');
    const problems = new StoreProblems();
    await openDoc(path, problems);
    assert.match(problems.list()[0]?.reason ?? '', /items\.0/);
  });

  it('leaves memory unchanged when the write fails', async () => {
    const dir = await tempDir();
    const path = join(dir, 'doc.json');
    const doc = await openDoc(path);
    // A non-empty folder where the file should go makes the rename fail, even for root.
    await mkdir(join(path, 'blocker'), { recursive: true });
    await assert.rejects(doc.update((data) => void data.items.push(1)));
    assert.deepEqual(doc.data, { items: [] });
  });

  it('leaves memory unchanged when the change throws', async () => {
    const doc = await openDoc(join(await tempDir(), 'doc.json'));
    await assert.rejects(
      doc.update((data) => {
        data.items.push(1);
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.deepEqual(doc.data, { items: [] });
  });

  it('leaves no temp files behind', async () => {
    const dir = await tempDir();
    const doc = await openDoc(join(dir, 'doc.json'));
    await Promise.all([1, 2, 3].map((n) => doc.update((data) => void data.items.push(n))));
    assert.deepEqual(await readdir(dir), ['doc.json']);
  });
});
