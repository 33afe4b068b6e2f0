// Appends count as durable once written: the active segment must be opened so that each
// write is synced (O_DSYNC), or the writer must sync after writing where the platform has
// no such flag. Linux shows an open file's flags in /proc, so the flag is checked there.
import assert from 'node:assert/strict';
import { constants } from 'node:fs';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WRITES_ARE_SYNCED } from '../../../../../runtime/store/jsonl/segment-files';
import { tempDir } from '../../../../helpers/temp-dir';
import { event, openLog } from '../jsonl-log-fixtures';

/** The open-file flags of every descriptor this process holds on `path`. */
async function openFlags(path: string): Promise<number[]> {
  const flags: number[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target !== path) continue;
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8');
    flags.push(parseInt(/^flags:\s+([0-7]+)/m.exec(info)?.[1] ?? '0', 8));
  }
  return flags;
}

describe('segment durability', { skip: process.platform !== 'linux' }, () => {
  it('opens the active segment with O_DSYNC, on create, after rotation and on reopen', async () => {
    assert.equal(WRITES_ARE_SYNCED, true);
    const dir = join(await tempDir(), 'calls');
    let log = await openLog(dir, { maxSegmentBytes: 200 });
    const synced = async (segment: string) => {
      const flags = await openFlags(join(dir, segment));
      assert.equal(flags.length, 1, `${segment} should be open once`);
      assert.ok((flags[0]! & constants.O_DSYNC) !== 0, `${segment} is open without O_DSYNC`);
    };
    await log.append(event('a', 'received'));
    await synced('00000001.jsonl');
    // Rotation: the next segment is the one written to, and it is synced too.
    for (const id of ['b', 'c', 'd']) await log.append(event(id, 'received'));
    const segments = (await readdir(dir)).sort();
    assert.ok(segments.length > 1, 'the small segment size should have rotated');
    await synced(segments.at(-1)!);
    await log.close();
    log = await openLog(dir, { maxSegmentBytes: 200 });
    await synced(segments.at(-1)!);
    await log.append(event('e', 'received'));
    assert.equal(log.latest('e')?.status, 'received');
    await log.close();
  });
});
