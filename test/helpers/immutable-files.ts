// Makes real files unwritable under a running runtime: a disk that fails, for tests of what
// happens when a record cannot be written. Tests run as root, which chmod does not stop;
// the immutable attribute (chattr +i) stops root too, and writes through an already open
// descriptor fail with EPERM. Where the file system or the container has no such attribute,
// `immutableFilesUnsupported()` says why and the test is skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

const locked = new Set<string>();
after(() => {
  if (locked.size > 0) setAttribute('-i', [...locked]);
});

function setAttribute(flag: '+i' | '-i', paths: string[]): void {
  execFileSync('chattr', [flag, ...paths], { stdio: 'pipe' });
}

/** Undefined when files can be made immutable here; otherwise the reason they cannot. */
export function immutableFilesUnsupported(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'hookflow-chattr-'));
  const probe = join(dir, 'probe');
  try {
    writeFileSync(probe, '');
    setAttribute('+i', [probe]);
    setAttribute('-i', [probe]);
    return undefined;
  } catch (error) {
    return `chattr +i is not available here (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Makes a folder and every file in it immutable; returns the function that undoes it. */
export async function makeImmutable(dir: string): Promise<() => void> {
  const paths = [dir, ...(await readdir(dir)).map((name) => join(dir, name))];
  setAttribute('+i', paths);
  for (const path of paths) locked.add(path);
  return () => {
    setAttribute('-i', paths);
    for (const path of paths) locked.delete(path);
  };
}
