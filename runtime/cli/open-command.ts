// `hookflow open`: asks the running runtime (found through runtime.json in the data
// folder, authenticated with the admin-token file) for a fresh sign-in link.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { RUNTIME_INFO_FILE } from '../index';
import { consoleLogger } from '../logger';
import { adminTokenPath } from '../security/admin-token';
import { defaultDataDir } from '../store/data-dir';
import { parseCommandArgs } from './args';
import { openInBrowser } from './open-browser';

const runtimeInfoSchema = z.object({ admin: z.string().url() });

export async function openCommand(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, {
    'data-dir': { type: 'string' },
    print: { type: 'boolean', default: false },
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  let admin: string;
  let token: string;
  try {
    admin = runtimeInfoSchema.parse(
      JSON.parse(await readFile(join(dataDir, RUNTIME_INFO_FILE), 'utf8')),
    ).admin;
    token = (await readFile(adminTokenPath(dataDir), 'utf8')).trim();
  } catch {
    throw new Error(
      `No running Hookflow uses ${dataDir}. Start it with: hookflow serve --data-dir ${dataDir}`,
    );
  }
  const response = await fetch(`${admin}/api/session/login-url`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined);
  if (!response?.ok) {
    throw new Error(
      `Hookflow at ${admin} did not answer. Is it still running? Start it with: hookflow serve`,
    );
  }
  const { url } = z.object({ url: z.string() }).parse(await response.json());
  console.log(url);
  if (!values.print) openInBrowser(url, (message) => consoleLogger.warn(message));
}
