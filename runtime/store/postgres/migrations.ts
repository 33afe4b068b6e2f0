// The database schema as numbered migrations, applied on start one instance at a time:
// the first instance to take the advisory lock applies what is missing and records it in
// `schema_migrations`; the others wait for the lock, then find nothing left to do. A
// migration is never edited once released — a change is a new, higher-numbered one.
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  /** One or more statements, run in one transaction with the version's record. */
  sql: string;
}

/** The advisory lock key migrations hold ("hookflow" in ASCII, as a bigint). */
export const MIGRATION_LOCK_KEY = '7525356009429954423';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'configuration plane: flows, versions, settings, secrets, project tokens',
    sql: `
      CREATE TABLE flows (
        id text PRIMARY KEY,
        doc jsonb NOT NULL
      );
      -- Deleted flows and their versions are kept aside, as the JSON store moves them to
      -- flows/deleted/: a slip of the finger can be undone by hand.
      CREATE TABLE deleted_flows (
        id text NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now(),
        doc jsonb NOT NULL
      );
      CREATE TABLE flow_versions (
        flow_id text NOT NULL,
        version integer NOT NULL,
        snapshot jsonb NOT NULL,
        PRIMARY KEY (flow_id, version)
      );
      CREATE TABLE deleted_flow_versions (
        flow_id text NOT NULL,
        version integer NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now(),
        snapshot jsonb NOT NULL
      );
      -- The highest version number each flow has had, pruned versions included.
      CREATE TABLE flow_version_counters (
        flow_id text PRIMARY KEY,
        last integer NOT NULL
      );
      CREATE TABLE settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        doc jsonb NOT NULL
      );
      -- Ciphertext only: sealed with the runtime's secrets key (AES-256-GCM, the id bound in).
      CREATE TABLE secrets (
        id text PRIMARY KEY,
        sealed text NOT NULL,
        purpose text NOT NULL,
        label text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- The SHA-256 of each token's value, never the value.
      CREATE TABLE project_tokens (
        id text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL,
        hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz
      );
      -- Facts about the whole database, such as which secrets key its secrets are sealed with.
      CREATE TABLE runtime_meta (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'inbound calls',
    sql: `
      -- One row per call: its latest state (record, as the JSON call log's latest line) and
      -- its body, the bytes whole when kept whole, else the start the API shows
      -- (body_fields). n orders the calls as they were recorded (pages, retention).
      CREATE TABLE calls (
        n bigserial UNIQUE,
        id text PRIMARY KEY,
        at timestamptz NOT NULL,
        flow_id text NOT NULL,
        node_id text NOT NULL,
        idempotency_key text,
        -- The first accepted delivery of its idempotency key at its trigger.
        first_delivery boolean NOT NULL DEFAULT false,
        record jsonb NOT NULL,
        body_fields jsonb NOT NULL DEFAULT '{}',
        body bytea
      );
      CREATE INDEX calls_by_trigger ON calls (flow_id, node_id, n DESC);
      CREATE INDEX calls_by_time ON calls (at);
      -- Dedupe across instances: a second first delivery of one key cannot be recorded.
      CREATE UNIQUE INDEX calls_one_first_delivery
        ON calls (flow_id, node_id, idempotency_key) WHERE first_delivery;
    `,
  },
  {
    version: 3,
    name: 'runs and their checkpoints, and the graphs they execute',
    sql: `
      -- One row per run: its latest record in brief (what lists filter and show). The
      -- owner is the instance (data folder) that brings the run back after a crash.
      CREATE TABLE runs (
        id text PRIMARY KEY,
        owner text NOT NULL,
        seq integer NOT NULL,
        base_seq integer NOT NULL,
        status text NOT NULL,
        flow_id text NOT NULL,
        -- ISO 8601 as the engine writes it: compares as time, and reads back unchanged.
        started_at text NOT NULL,
        chat_skipped integer NOT NULL DEFAULT 0,
        customer_id text,
        summary text NOT NULL
      );
      CREATE INDEX runs_by_start ON runs (started_at DESC, id DESC);
      CREATE INDEX runs_unfinished ON runs (owner) WHERE status IN ('running', 'waiting');
      -- One row per checkpoint, as JSON text (jsonb refuses a NUL character in a variable).
      CREATE TABLE run_records (
        run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        record text NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
      CREATE TABLE run_graphs (
        ref text PRIMARY KEY,
        graph text NOT NULL
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/**
 * Applies the missing migrations under the advisory lock; returns the versions this call
 * applied (none when another instance got there first). Refuses a database whose schema
 * is newer than this Hookflow knows.
 */
export async function runMigrations(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      return await applyMissing(client, migrations);
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY])
        .catch((error: unknown) => {
          // The session ends with the connection, and the lock with it.
          broken = error instanceof Error ? error : new Error(String(error));
        });
    }
  } finally {
    client.release(broken);
  }
}

async function applyMissing(
  client: pg.PoolClient,
  migrations: readonly Migration[],
): Promise<number[]> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((row) => row.version));
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  const newest = Math.max(0, ...done);
  if (newest > known) {
    throw new Error(
      `The database's schema is at version ${newest}, newer than this Hookflow knows ` +
        `(${known}): upgrade this instance to the version the others run.`,
    );
  }
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Database migration ${migration.version} (${migration.name}) failed: ${reason}`,
        { cause: error },
      );
    }
    applied.push(migration.version);
  }
  return applied;
}
