// Migrations on a real PostgreSQL server: applied once, recorded in schema_migrations,
// idempotent, serialised by the advisory lock when instances start at once, and a schema
// newer than this Hookflow is refused.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  runMigrations,
} from '../../../runtime/store/postgres/migrations';
import { createTestDatabase } from '../../helpers/postgres';
import { startTestRuntime } from '../../helpers/test-runtime';

function pool(url: string): pg.Pool {
  const opened = new pg.Pool({ connectionString: url, max: 2 });
  after(() => opened.end());
  return opened;
}

const recorded = async (db: pg.Pool) =>
  (
    await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
  ).rows.map((row) => row.version);

/** Every version this Hookflow knows (1 and 3 here; 2, inbound calls, lands from another branch). */
const all = MIGRATIONS.map((migration) => migration.version).sort((a, b) => a - b);

describe('database migrations', () => {
  it('apply once and are idempotent', async () => {
    const db = pool(await createTestDatabase());
    assert.deepEqual(await runMigrations(db), all);
    assert.deepEqual(await runMigrations(db), [], 'nothing left the second time');
    assert.deepEqual(await recorded(db), all);
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    for (const table of [
      'flows',
      'flow_versions',
      'settings',
      'secrets',
      'project_tokens',
      'calls',
      'runs',
      'run_records',
      'run_graphs',
    ]) {
      assert.ok(
        tables.rows.some((row) => row.table_name === table),
        table,
      );
    }
  });

  it('run one instance at a time: of many starting at once, one applies them', async () => {
    const url = await createTestDatabase();
    const pools = Array.from({ length: 4 }, () => pool(url));
    const applied = await Promise.all(pools.map((db) => runMigrations(db)));
    assert.equal(
      applied.filter((versions) => versions.length > 0).length,
      1,
      JSON.stringify(applied),
    );
    assert.deepEqual(
      applied.flat().sort(),
      MIGRATIONS.map((migration) => migration.version),
    );
    assert.deepEqual(await recorded(pools[0] as pg.Pool), all);
  });

  it('let two runtimes start at once on a new database', async () => {
    const url = await createTestDatabase();
    const secretsKey = randomBytes(32);
    const [a, b] = await Promise.all([
      startTestRuntime({ database: url, secretsKey }),
      startTestRuntime({ database: url, secretsKey }),
    ]);
    for (const rt of [a, b]) assert.equal((await fetch(`${rt.public}/readyz`)).status, 200);
  });

  it('refuse a database whose schema is newer than this Hookflow', async () => {
    const db = pool(await createTestDatabase());
    await runMigrations(db);
    await db.query(
      "INSERT INTO schema_migrations (version, name) VALUES (9999, 'from the future')",
    );
    await assert.rejects(runMigrations(db), /newer than this Hookflow knows/);
  });

  it('roll back a failing migration and record nothing for it', async () => {
    const db = pool(await createTestDatabase());
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (id int); SELECT nope',
      },
    ];
    await assert.rejects(runMigrations(db, broken), /migration .* \(broken\) failed/);
    assert.deepEqual(await recorded(db), all);
    const half = await db.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'half'",
    );
    assert.equal(half.rowCount, 0, 'its statements were rolled back');
  });
});
