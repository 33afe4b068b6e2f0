import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DataDirLockedError,
  LOCK_FILE,
  lockDataDir,
} from '../../../../runtime/store/data-dir-lock';
import { tempDir } from '../../../helpers/temp-dir';

describe('data folder lock', () => {
  it('refuses a second owner while a live process holds it', async () => {
    const dir = await tempDir();
    // A real other process holds the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, LOCK_FILE), String(other.pid));
      await assert.rejects(lockDataDir(dir), DataDirLockedError);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a dead process, and releases it', async () => {
    const dir = await tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(join(dir, LOCK_FILE), String(dead.pid));
    const lock = await lockDataDir(dir);
    assert.equal(await readFile(join(dir, LOCK_FILE), 'utf8'), String(process.pid));
    await lock.release();
    const again = await lockDataDir(dir);
    await again.release();
  });
});
