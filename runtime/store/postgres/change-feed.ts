// Change notifications between instances sharing one database: every write to the
// configuration plane sends NOTIFY on one channel, in its transaction (so it is delivered
// only if the write commits). Each instance LISTENs on a connection of its own and tells
// the stores which row to re-read. If that connection drops, it reconnects with backoff
// and has every store reload whole, since notifications sent meanwhile are lost.
import pg from 'pg';
import { z } from 'zod';
import type { Logger } from '../../logger';

export const CHANGES_CHANNEL = 'hookflow_changes';
export const FEED_APPLICATION_NAME = 'hookflow changes';

/** Which row of which table changed, and which instance changed it. */
export interface Change {
  table: string;
  id: string;
  origin: string;
}

const changeSchema = z.object({ table: z.string(), id: z.string(), origin: z.string() });

/** Sends a change notice inside `client`'s transaction. */
export async function notifyChange(client: pg.ClientBase, change: Change): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(change)]);
}

const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * How often the LISTEN connection is asked a question, and how long an answer may take.
 * A connection whose peer vanished without a reset would otherwise look alive while no
 * notice arrives (and this instance serve stale flows); unanswered, it is dropped and
 * re-opened, and everything reloaded.
 */
export interface FeedHeartbeat {
  everyMs: number;
  timeoutMs: number;
}

export const DEFAULT_HEARTBEAT: FeedHeartbeat = { everyMs: 15_000, timeoutMs: 5_000 };

export class ChangeFeed {
  readonly #listeners = new Map<string, Set<(id: string) => void>>();
  readonly #resyncs = new Set<() => Promise<void>>();
  #client: pg.Client | undefined;
  #retryMs = RETRY_FIRST_MS;
  #retry: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    /** This instance's changes are already in its memory: they are not applied twice. */
    private readonly instanceId: string,
    private readonly logger: Logger,
    private readonly describe: (error: unknown) => string,
    private readonly heartbeat: FeedHeartbeat = DEFAULT_HEARTBEAT,
  ) {}

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.#client !== undefined;
  }

  /** Calls `listener` with the id of each row of `table` another instance changed. */
  on(table: string, listener: (id: string) => void): () => void {
    let set = this.#listeners.get(table);
    if (!set) this.#listeners.set(table, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Called after a reconnect, when changes may have been missed: reload everything. */
  onResync(reload: () => Promise<void>): () => void {
    this.#resyncs.add(reload);
    return () => this.#resyncs.delete(reload);
  }

  /** The first connection; it must succeed (a later loss is retried). */
  async start(): Promise<void> {
    this.#use(await this.#connect());
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearInterval(this.#heartbeat);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #connect(): Promise<pg.Client> {
    // Named apart from the pool's connections, so an operator can tell it in pg_stat_activity.
    const client = new pg.Client({ ...this.config, application_name: FEED_APPLICATION_NAME });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    client.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      this.#deliver(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  #deliver(payload: string): void {
    let change: Change;
    try {
      change = changeSchema.parse(JSON.parse(payload));
    } catch {
      return; // not one of ours
    }
    if (change.origin === this.instanceId) return;
    for (const listener of this.#listeners.get(change.table) ?? []) listener(change.id);
  }

  /** Makes `client` the feed's connection and starts asking it whether it is alive. */
  #use(client: pg.Client): void {
    this.#client = client;
    clearInterval(this.#heartbeat);
    this.#heartbeat = setInterval(() => void this.#beat(client), this.heartbeat.everyMs);
    this.#heartbeat.unref();
  }

  async #beat(client: pg.Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<Error>((resolve) => {
      timer = setTimeout(
        () => resolve(new Error("the database did not answer the change feed's heartbeat")),
        this.heartbeat.timeoutMs,
      );
    });
    const answer = client.query('SELECT 1').then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    const problem = await Promise.race([answer, silence]);
    clearTimeout(timer);
    if (problem) this.#lost(client, problem);
  }

  #lost(client: pg.Client, error?: Error): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    clearInterval(this.#heartbeat);
    void client.end().catch(() => undefined);
    if (this.#closed) return;
    this.logger.warn('lost the database change feed; reconnecting', {
      ...(error ? { error: this.describe(error) } : {}),
    });
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    this.#retry = setTimeout(() => void this.#reconnect(), this.#retryMs);
    this.#retry.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MAX_MS);
  }

  async #reconnect(): Promise<void> {
    if (this.#closed) return;
    let client: pg.Client;
    try {
      client = await this.#connect();
    } catch {
      if (!this.#closed) this.#scheduleReconnect();
      return;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#use(client);
    this.#retryMs = RETRY_FIRST_MS;
    this.logger.info('database change feed reconnected; reloading the configuration');
    const results = await Promise.allSettled([...this.#resyncs].map((reload) => reload()));
    for (const result of results) {
      if (result.status === 'rejected') {
        this.logger.error('could not reload from the database', {
          error: this.describe(result.reason),
        });
      }
    }
  }
}
