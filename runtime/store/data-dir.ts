// Where Hookflow keeps its data, and the check that it can actually write there.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The per-OS app data folder; the same folder Electron's `app.getPath('userData')` uses. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOOKFLOW_DATA_DIR) return resolve(env.HOOKFLOW_DATA_DIR);
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Hookflow');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Hookflow');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Hookflow');
  }
}

export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `Hookflow cannot write to its data folder ${dataDir} (${detail}). ` +
        'Fix its permissions or choose another folder with --data-dir or HOOKFLOW_DATA_DIR.',
    );
    this.name = 'DataDirError';
  }
}

/** Creates the folder (0700) and proves it is writable, or throws a DataDirError. */
export async function ensureWritableDataDir(dataDir: string): Promise<void> {
  const probe = join(dataDir, `.write-probe-${process.pid}`);
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  } catch (error) {
    throw new DataDirError(dataDir, error);
  }
}
