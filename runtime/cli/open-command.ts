// `hookflow open`: asks the running runtime (found through runtime.json in the data
// folder, authenticated with the admin-token file) for a fresh sign-in link.
import { resolve } from 'node:path';
import { z } from 'zod';
import { consoleLogger } from '../logger';
import { defaultDataDir } from '../store/data-dir';
import { parseCommandArgs } from './args';
import { openInBrowser } from './open-browser';
import { callAdmin, findRunningRuntime } from './running-runtime';

export async function openCommand(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, {
    'data-dir': { type: 'string' },
    print: { type: 'boolean', default: false },
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const running = await findRunningRuntime(dataDir);
  if (!running) {
    throw new Error(
      `No running Hookflow uses ${dataDir}. Start it with: hookflow serve --data-dir ${dataDir}`,
    );
  }
  const answer = await callAdmin(running, '/api/session/login-url', { method: 'POST' }).catch(
    () => {
      throw new Error(
        `Hookflow at ${running.admin} did not answer. Is it still running? Start it with: hookflow serve`,
      );
    },
  );
  const { url } = z.object({ url: z.string() }).parse(answer);
  console.log(url);
  if (!values.print) openInBrowser(url, (message) => consoleLogger.warn(message));
}
