// Runs and their checkpoints in PostgreSQL (`hookflow serve --database`): one row per run
// in `runs` (its latest record in brief, for lists and status) and one per checkpoint in
// `run_records`, written in one transaction; the engine proceeds only once it commits
// (durability.ts). Any instance lists and reads every run. A run is brought back after a
// crash only by the instance that owns it — the data folder that started it, on its next
// start — so two live instances never drive one run. (Leases that let another instance
// take over a dead one's runs are not built yet: README "Running on servers".)
import type { Logger } from '../../logger';
import type { Run, RunPage, RunSummary } from '../../shared/run';
import type { Settings } from '../../shared/settings';
import {
  runFromRecords,
  runRecordSchema,
  summarize,
  type RunRecord,
} from '../../engine/run-record';
import { head, type RunHead, type RunQuery, type RunStore } from '../../engine/run-store';
import type { Database } from './database';

/** Ended runs beyond retention are deleted this often (in appends), and on open. */
const RETENTION_EVERY = 256;

interface Cursor {
  startedAt: string;
  id: string;
}

/** Past every run: where the next page starts when a page was filled from memory. */
const END: Cursor = { startedAt: '\uffff', id: '' };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.startedAt, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [startedAt, id] = value as unknown[];
    return typeof startedAt === 'string' && typeof id === 'string' ? { startedAt, id } : undefined;
  } catch {
    return undefined;
  }
}

/** A stored record, checked as it is read: a row edited by hand must not crash a read. */
function parseRecord(text: string): RunRecord | undefined {
  try {
    const parsed = runRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export class PgRunStore implements RunStore {
  /** Heads of the runs this instance wrote or read: what `latest()` answers from. */
  readonly #heads = new Map<string, RunHead>();
  readonly #writes = new Set<Promise<void>>();
  #appends = 0;
  #closed = false;

  private constructor(
    private readonly db: Database,
    /** The instance (data folder) that owns the runs it starts. */
    private readonly owner: string,
    private readonly settings: () => Settings['runs'],
    private readonly logger: Logger,
  ) {}

  static async open(options: {
    db: Database;
    owner: string;
    settings: () => Settings['runs'];
    logger: Logger;
  }): Promise<PgRunStore> {
    const store = new PgRunStore(options.db, options.owner, options.settings, options.logger);
    // The runs this instance owns, so `latest()` knows them after a restart (the call log's
    // recovery asks whether a call's run exists).
    const { rows } = await options.db.query<{ summary: string; seq: number; base_seq: number }>(
      'SELECT summary, seq, base_seq FROM runs WHERE owner = $1',
      [options.owner],
    );
    for (const row of rows) store.#remember(row);
    await store.applyRetention();
    return store;
  }

  append(record: RunRecord): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The run store is closed'));
    // Serialized now: the caller may change the run as soon as this returns.
    const text = JSON.stringify(record);
    const summary = JSON.stringify(summarize(record));
    const brief = head(record);
    const write = this.db
      .transaction(async (client) => {
        // The run's row first (the records reference it), moved on only by a newer record.
        await client.query({
          name: 'hookflow-run-head',
          text: `INSERT INTO runs (id, owner, seq, base_seq, status, flow_id, started_at,
                   chat_skipped, customer_id, summary)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, base_seq = EXCLUDED.base_seq,
                   status = EXCLUDED.status, chat_skipped = EXCLUDED.chat_skipped,
                   customer_id = EXCLUDED.customer_id, summary = EXCLUDED.summary
                 WHERE runs.seq < EXCLUDED.seq`,
          values: [
            brief.id,
            this.owner,
            brief.seq,
            brief.baseSeq,
            brief.status,
            brief.flowId,
            brief.startedAt,
            brief.chatSkipped,
            brief.customerId ?? null,
            summary,
          ],
        });
        await client.query({
          name: 'hookflow-run-record',
          text: 'INSERT INTO run_records (run_id, seq, record) VALUES ($1, $2, $3)',
          values: [record.id, record.seq, text],
        });
      })
      .then(() => {
        const known = this.#heads.get(brief.id);
        if (!known || known.seq < brief.seq) this.#heads.set(brief.id, brief);
        this.#appends += 1;
        if (this.#appends % RETENTION_EVERY === 0) void this.applyRetention();
      });
    this.#writes.add(write);
    void write.then(
      () => this.#writes.delete(write),
      () => this.#writes.delete(write),
    );
    return write;
  }

  latest(id: string): RunHead | undefined {
    return this.#heads.get(id);
  }

  async has(id: string): Promise<boolean> {
    if (this.#heads.has(id)) return true;
    const { rowCount } = await this.db.prepared(
      'hookflow-run-exists',
      'SELECT 1 FROM runs WHERE id = $1',
      [id],
    );
    return (rowCount ?? 0) > 0;
  }

  async latestRecord(id: string): Promise<RunRecord | undefined> {
    const { rows } = await this.db.prepared<{ record: string }>(
      'hookflow-run-latest',
      'SELECT record FROM run_records WHERE run_id = $1 ORDER BY seq DESC LIMIT 1',
      [id],
    );
    return rows[0] ? parseRecord(rows[0].record) : undefined;
  }

  /** From the run's latest full record on: all a run is rebuilt from. */
  async history(id: string): Promise<RunRecord[]> {
    const { rows } = await this.db.prepared<{ record: string }>(
      'hookflow-run-history',
      `SELECT r.record FROM run_records r JOIN runs ON runs.id = r.run_id
       WHERE r.run_id = $1 AND r.seq >= runs.base_seq ORDER BY r.seq`,
      [id],
    );
    return rows.map((row) => parseRecord(row.record)).filter((record) => record !== undefined);
  }

  async read(id: string): Promise<Run | undefined> {
    return runFromRecords(await this.history(id));
  }

  async page(
    query: RunQuery,
    current: (id: string) => RunSummary | undefined,
    unrecorded: readonly RunSummary[],
  ): Promise<RunPage> {
    const matches = (run: RunSummary) =>
      (query.flowId === undefined || run.flowId === query.flowId) &&
      (query.status === undefined || run.status === query.status) &&
      (query.chatSkipped === undefined || (run.chatSkipped ?? 0) > 0 === query.chatSkipped) &&
      (query.customerId === undefined || run.customerId === query.customerId) &&
      (query.since === undefined || run.startedAt >= query.since) &&
      (query.until === undefined || run.startedAt <= query.until);
    const runs =
      query.before === undefined
        ? unrecorded
            .filter(matches)
            .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
            .slice(0, query.limit)
        : [];
    if (runs.length === query.limit) return { runs, next: encodeCursor(END) };
    const before = query.before === undefined ? END : decodeCursor(query.before);
    if (!before) return { runs };
    // Filtered by each run's stored state; a run in this instance's memory is shown as it
    // is now (its record lags between checkpoints) and dropped if that no longer matches.
    const where = ['(started_at, id) < ($1, $2)'];
    const values: unknown[] = [before.startedAt, before.id];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (query.flowId !== undefined) add('flow_id = ?', query.flowId);
    if (query.status !== undefined) add('status = ?', query.status);
    if (query.chatSkipped !== undefined)
      where.push(query.chatSkipped ? 'chat_skipped > 0' : 'chat_skipped = 0');
    if (query.customerId !== undefined) add('customer_id = ?', query.customerId);
    if (query.since !== undefined) add('started_at >= ?', query.since);
    if (query.until !== undefined) add('started_at <= ?', query.until);
    const want = query.limit - runs.length;
    values.push(want + 1);
    const { rows } = await this.db.query<{ id: string; started_at: string; summary: string }>(
      `SELECT id, started_at, summary FROM runs WHERE ${where.join(' AND ')}
       ORDER BY started_at DESC, id DESC LIMIT $${values.length}`,
      values,
    );
    const listed = new Set(runs.map((run) => run.id));
    for (const row of rows.slice(0, want)) {
      if (listed.has(row.id)) continue;
      const live = current(row.id);
      if (live) {
        if (matches(live)) runs.push(live);
        continue;
      }
      runs.push(JSON.parse(row.summary) as RunSummary);
    }
    const last = rows[want - 1];
    return rows.length > want && last
      ? { runs, next: encodeCursor({ startedAt: last.started_at, id: last.id }) }
      : { runs };
  }

  async unfinished(): Promise<RunRecord[]> {
    const { rows } = await this.db.query<{
      record: string;
      seq: number;
      base_seq: number;
      summary: string;
    }>(
      `SELECT r.record, runs.seq, runs.base_seq, runs.summary FROM runs
       JOIN run_records r ON r.run_id = runs.id AND r.seq = runs.seq
       WHERE runs.owner = $1 AND runs.status IN ('running', 'waiting')
       ORDER BY runs.started_at`,
      [this.owner],
    );
    return rows.map((row) => parseRecord(row.record)).filter((record) => record !== undefined);
  }

  /**
   * Deletes ended runs beyond retention (settings runs.retentionCount/Days); never a
   * running or waiting one. Their records go with them (ON DELETE CASCADE).
   */
  async applyRetention(): Promise<number> {
    const { retentionCount, retentionDays } = this.settings();
    const cutoff = new Date(Date.now() - retentionDays * 24 * 60 * 60 * 1000).toISOString();
    try {
      const { rows } = await this.db.query<{ id: string }>(
        `DELETE FROM runs WHERE status IN ('completed', 'failed') AND (started_at < $1 OR id IN (
           SELECT id FROM runs ORDER BY started_at DESC, id DESC OFFSET $2))
         RETURNING id`,
        [cutoff, retentionCount],
      );
      for (const row of rows) this.#heads.delete(row.id);
      return rows.length;
    } catch (error) {
      this.logger.warn('run retention failed in the database', {
        error: this.db.describe(error),
      });
      return 0;
    }
  }

  /** Waits for pending writes; appends after this reject. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#writes]);
  }

  #remember(row: { summary: string; seq: number; base_seq: number }): void {
    const summary = JSON.parse(row.summary) as RunSummary;
    this.#heads.set(summary.id, {
      id: summary.id,
      seq: row.seq,
      baseSeq: row.base_seq,
      status: summary.status,
      flowId: summary.flowId,
      startedAt: summary.startedAt,
      chatSkipped: summary.chatSkipped ?? 0,
      ...(summary.customerId === undefined ? {} : { customerId: summary.customerId }),
    });
  }
}
