// One PostgreSQL database shared by every instance: a bounded connection pool for queries
// and transactions, the migrations run on open, and the change feed (LISTEN/NOTIFY) that
// keeps each instance's memory current. Queries are parameterised, always.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../../logger';
import { StoreUnavailableError } from '../store-unavailable';
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
  /**
   * How long one query may take (default 15 s): the server cancels it then
   * (statement_timeout), and this side gives up a second later if the server cannot even
   * say so (query_timeout). Either way the caller gets a StoreUnavailableError (a 503).
   */
  queryTimeoutMs?: number;
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
const DEFAULT_QUERY_TIMEOUT_MS = 15_000;
/** How long /readyz waits for the database's answer. */
const READY_PROBE_MS = 2_000;

export class Database {
  /** Tells this instance's change notices from the others'. */
  readonly instanceId = randomUUID();
  readonly changes: ChangeFeed;
  readonly #pool: pg.Pool;
  readonly #config: pg.ClientConfig;
  #migrated = false;

  private constructor(
    private readonly options: DatabaseOptions,
    config: pg.ClientConfig,
  ) {
    this.#config = config;
    const timeout = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    this.#pool = new pg.Pool({
      ...config,
      statement_timeout: timeout,
      query_timeout: timeout + 1_000,
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
      // On a pool of their own, without the query timeout: waiting for another instance's
      // migrations, or a long one, is not a hung request.
      const migrating = new pg.Pool({ ...db.#config, max: 1 });
      try {
        await runMigrations(migrating);
      } finally {
        await migrating.end().catch(() => undefined);
      }
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
    return this.#pool.query<R>(text, values).catch((error: unknown) => this.#failed(error));
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
    return this.#pool
      .query<R>({ name, text, values })
      .catch((error: unknown) => this.#failed(error));
  }

  /**
   * Runs `work` in one transaction on one connection: committed if it resolves, rolled
   * back if it throws (and the error rethrown).
   */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      return await this.#transaction(work);
    } catch (error) {
      return this.#failed(error);
    }
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
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

  /** A timeout or a lost server as StoreUnavailableError; any other error as it is. */
  #failed(error: unknown): never {
    if (isUnavailable(error)) {
      throw new StoreUnavailableError(
        `The database did not answer in time or cannot be reached (${this.describe(error)}); ` +
          'try again shortly',
        { cause: error },
      );
    }
    throw error;
  }

  async close(): Promise<void> {
    await this.changes.close();
    await this.#pool.end().catch(() => undefined);
  }
}

/** Timeouts (either side's) and connections that failed or broke: the database, not the query. */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? error.code : undefined;
  // 57014: canceled by statement_timeout; 57P01-03: the server is shutting down or starting.
  if (code === '57014' || code === '57P01' || code === '57P02' || code === '57P03') return true;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT') return true;
  return /Query read timeout|timeout exceeded when trying to connect|Connection terminated/i.test(
    error.message,
  );
}
