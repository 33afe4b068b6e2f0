import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { importCycles } from '../../../scripts/import-cycles.mjs';
import { tempDir } from '../../helpers/temp-dir';

describe('import cycles', () => {
  it('finds a type-only cycle and leaves a one-way import alone', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'runtime'));
    await writeFile(
      join(root, 'runtime/a.ts'),
      "import type { B } from './b';\nexport type A = B;\n",
    );
    await writeFile(
      join(root, 'runtime/b.ts'),
      "import type { A } from './a';\nexport type B = A;\n",
    );
    await writeFile(
      join(root, 'runtime/c.ts'),
      "import type { A } from './a';\nexport type C = A;\n",
    );
    assert.deepEqual(importCycles(root), [['runtime/a.ts', 'runtime/b.ts']]);
  });

  it('the project has none', () => {
    assert.deepEqual(importCycles(fileURLToPath(new URL('../../..', import.meta.url))), []);
  });
});
