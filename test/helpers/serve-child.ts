// The real `hookflow serve` in a child process on a data folder, for tests that SIGKILL it
// or read what it prints: its public URL and an admin client. Killed after the test if it
// is still running.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after } from 'node:test';
import { adminClient, type AdminClient } from './admin-api';
import { startCli, waitForOutput } from './cli';

export interface ServeChildOptions {
  /** More `serve` flags (--secrets-key-file…). */
  args?: string[];
  /** More environment (HOOKFLOW_DATABASE_URL…). */
  env?: NodeJS.ProcessEnv;
}

export async function serveInChild(
  dataDir: string,
  options: ServeChildOptions = {},
): Promise<AdminClient & { child: ReturnType<typeof startCli>; publicUrl: string }> {
  const child = startCli(
    ['serve', '--data-dir', dataDir, '--port', '0', '--public-port', '0', ...(options.args ?? [])],
    options.env,
  );
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
