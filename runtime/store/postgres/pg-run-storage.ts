// The engine's storage on PostgreSQL: runs, their checkpoints and their graphs. The runs a
// data folder starts are owned by it (its id is kept in `<dataDir>/instance-id`), so the
// instance on that folder, and only it, brings them back after a crash.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunStorageOpener } from '../../engine/run-store';
import { writeFileAtomic } from '../atomic-file';
import type { Database } from './database';
import { PgRunGraphs } from './pg-run-graphs';
import { PgRunStore } from './pg-run-store';

const INSTANCE_ID_FILE = 'instance-id';
const INSTANCE_ID = /^[0-9a-f-]{36}$/;

/** The data folder's instance id, created on first use. */
export async function dataFolderInstanceId(dataDir: string): Promise<string> {
  const path = join(dataDir, INSTANCE_ID_FILE);
  const existing = await readFile(path, 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  if (existing !== undefined && INSTANCE_ID.test(existing)) return existing;
  const id = randomUUID();
  await writeFileAtomic(path, `${id}\n`);
  return id;
}

export function postgresRunStorage(db: Database, dataDir: string): RunStorageOpener {
  return async ({ settings, logger }) => ({
    runs: await PgRunStore.open({
      db,
      owner: await dataFolderInstanceId(dataDir),
      settings,
      logger,
    }),
    graphs: new PgRunGraphs(db),
  });
}
