import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { unwritten, writeFully } from '../../../../../runtime/store/jsonl/segment-files';

describe('gathered segment writes', () => {
  it('continue after a short write from the first byte not yet written', () => {
    const parts = [Buffer.from('abc'), Buffer.from('de'), Buffer.from('fghi')];
    const rest = (written: number) => Buffer.concat(unwritten(parts, written)).toString();
    assert.equal(rest(0), 'abcdefghi');
    assert.equal(rest(2), 'cdefghi');
    assert.equal(rest(3), 'defghi');
    assert.equal(rest(4), 'efghi');
    assert.equal(rest(6), 'ghi');
    assert.equal(rest(9), '');
  });

  it('write every buffer in order at the position', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hookflow-segment-'));
    try {
      const path = join(dir, 'segment');
      const handle = await open(path, 'w+');
      await writeFully(handle, [Buffer.from('0123')], 0);
      await writeFully(handle, [Buffer.from('ab'), Buffer.alloc(0), Buffer.from('cd')], 2);
      await handle.close();
      assert.equal(await readFile(path, 'utf8'), '01abcd');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
