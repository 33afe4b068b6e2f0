// One PostgreSQL database shared by every instance: a bounded connection pool for queries
// and transactions, the migrations run on open, and the change feed (LISTEN/NOTIFY) that
// keeps each instance's memory current. Queries are parameterised, always.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../../logger';
import { ChangeFeed, notifyChange, type FeedHeartbeat } from './change-feed';
import { redactDatabaseUrl, redactPassword } from './database-url';
import { runMigrations } from './migrations';

export interface DatabaseOptions {
  /** postgres://user:password@host:port/database (the password is never printed). */
  url: string;
  logger: Logger;
  /** The pool's size; the change feed holds one connection more. */
  maxConnections?: number;
  /** How the change feed checks its connection (tests shorten it). */
  heartbeat?: FeedHeartbeat;
}

export interface Readiness {
  /** The database answers a query now. */
  database: boolean;
  /** This instance's migrations have run. */
  migrations: boolean;
  /** The change feed is listening (without it, this instance may serve stale flows). */
  changes: boolean;
}

const DEFAULT_MAX_CONNECTIONS = 10;
/** How long /readyz waits for the database's answer. */
const READY_PROBE_MS = 2_000;

export class Database {
  /** Tells this instance's change notices from the others'. */
  readonly instanceId = randomUUID();
  readonly changes: ChangeFeed;
  readonly #pool: pg.Pool;
  #migrated = false;

  private constructor(
    private readonly options: DatabaseOptions,
    config: pg.ClientConfig,
  ) {
    this.#pool = new pg.Pool({
      ...config,
      max: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection that breaks (the server restarts) must not crash the process.
    this.#pool.on('error', (error) =>
      options.logger.warn('a database connection failed', { error: this.describe(error) }),
    );
    this.changes = new ChangeFeed(
      config,
      this.instanceId,
      options.logger,
      (error) => this.describe(error),
      options.heartbeat,
    );
  }

  /** Connects, applies missing migrations and starts listening for changes. */
  static async open(options: DatabaseOptions): Promise<Database> {
    const db = new Database(options, {
      connectionString: options.url,
      connectionTimeoutMillis: 10_000,
      application_name: 'hookflow',
      // TCP keepalive: a connection whose peer vanished (no reset) is noticed and dropped,
      // the change feed's included, which then reconnects and reloads.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    try {
      await runMigrations(db.#pool);
      db.#migrated = true;
      await db.changes.start();
    } catch (error) {
      await db.close();
      throw new Error(`Could not open the database ${db.redactedUrl}: ${db.describe(error)}`, {
        cause: error,
      });
    }
    return db;
  }

  /** The URL without its password, for logs. */
  get redactedUrl(): string {
    return redactDatabaseUrl(this.options.url);
  }

  query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    return this.#pool.query<R>(text, values);
  }

  /**
   * A query each change notice (or each read) runs again: prepared once per connection
   * under `name` (which must always go with the same text), then only executed.
   */
  prepared<R extends pg.QueryResultRow>(
    name: string,
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return this.#pool.query<R>({ name, text, values });
  }

  /**
   * Runs `work` in one transaction on one connection: committed if it resolves, rolled
   * back if it throws (and the error rethrown).
   */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // The connection is unusable: the pool drops it rather than lend it again.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Tells the other instances that a row changed; sent only if `client`'s transaction commits. */
  notify(client: pg.ClientBase, table: string, id: string): Promise<void> {
    return notifyChange(client, { table, id, origin: this.instanceId });
  }

  /** What /readyz reports. */
  async readiness(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), READY_PROBE_MS);
    });
    const probe = this.#pool.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const database = await Promise.race([probe, timeout]);
    clearTimeout(timer);
    return { database, migrations: this.#migrated, changes: this.changes.listening };
  }

  /** A driver error's message without the password. */
  describe(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return redactPassword(message, this.options.url);
  }

  async close(): Promise<void> {
    await this.changes.close();
    await this.#pool.end().catch(() => undefined);
  }
}
