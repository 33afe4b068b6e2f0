// The two store backends as the shared contract suite opens them (test/integration/
// store-contract/): the same test bodies run against each. Every open is a fresh, empty
// backing store; `reopen` opens the same data again — a restart for JSON, and for
// PostgreSQL another instance on the same database (its own data folder, its own memory).
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after } from 'node:test';
import { silentLogger } from '../../runtime/logger';
import { openStores, storesSettled, type Stores } from '../../runtime/modules/core';
import { Database } from '../../runtime/store/postgres/database';
import { createTestDatabase } from './postgres';
import { tempDir } from './temp-dir';

export interface OpenedBackend {
  stores: Stores;
  /** The same data opened again, with the same secrets key. */
  reopen(): Promise<Stores>;
  /** Everything the backend has written, as text: for "the plaintext is not stored". */
  rawText(): Promise<string>;
}

export interface StoreBackendUnderTest {
  name: 'json' | 'postgres';
  open(): Promise<OpenedBackend>;
}

const json: StoreBackendUnderTest = {
  name: 'json',
  async open() {
    const dataDir = await tempDir();
    const key = randomBytes(32);
    const stores = await openStores(dataDir, key);
    return {
      stores,
      reopen: async () => {
        await storesSettled(stores);
        return openStores(dataDir, key);
      },
      rawText: async () => {
        await storesSettled(stores);
        return (await filesUnder(dataDir)).join('\n');
      },
    };
  },
};

const postgres: StoreBackendUnderTest = {
  name: 'postgres',
  async open() {
    const url = await createTestDatabase();
    const key = randomBytes(32);
    const instance = async (): Promise<Stores> => {
      const database = await Database.open({ url, logger: silentLogger });
      after(() => database.close());
      return openStores(await tempDir(), key, {
        kind: 'postgres',
        database,
        logger: silentLogger,
      });
    };
    const stores = await instance();
    const raw = await Database.open({ url, logger: silentLogger });
    after(() => raw.close());
    return {
      stores,
      reopen: instance,
      rawText: async () => {
        const tables = await raw.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
        );
        const dumps = await Promise.all(
          tables.rows.map(async ({ table_name }) => {
            // The names come from the catalogue, quoted as identifiers.
            const rows = await raw.query(`SELECT * FROM "${table_name.replace(/"/g, '""')}"`);
            return JSON.stringify(rows.rows);
          }),
        );
        return dumps.join('\n');
      },
    };
  },
};

export const storeBackends: readonly StoreBackendUnderTest[] = [json, postgres];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const texts = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      // The key file is the key, not stored data.
      return entry.name === 'secrets.key' ? [] : [await readFile(path, 'utf8')];
    }),
  );
  return texts.flat();
}
