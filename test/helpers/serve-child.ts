// The real `hookflow serve` in a child process on a data folder, for tests that SIGKILL it:
// its public URL and an admin client. Killed after the test if it is still running.
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after } from 'node:test';
import { adminClient, type AdminClient } from './admin-api';
import { startCli, waitForOutput } from './cli';

export async function serveInChild(
  dataDir: string,
): Promise<AdminClient & { child: ChildProcess; publicUrl: string }> {
  const child = startCli(['serve', '--data-dir', dataDir, '--port', '0', '--public-port', '0']);
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const [, publicUrl = ''] = await waitForOutput(
    child,
    /webhooks \(public listener\): (http:\/\/\S+)/,
  );
  const [, adminUrl = ''] = await waitForOutput(child, /designer: (http:\/\/[^/\s]+)\/login/);
  const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
  return { child, publicUrl, ...adminClient({ admin: adminUrl, token }) };
}
