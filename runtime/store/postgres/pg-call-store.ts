// Inbound calls in PostgreSQL (table `calls`, migration 2): the same contract as the JSON
// call log (runtime/ingress/call-store.ts), readable by every instance on the database.
// One row per call holds its latest state; an append is one INSERT, committed before it
// resolves, so a 2xx follows a durable write as it does with the JSON log. Retention
// (settings calls.retentionCount / retentionDays) is applied in SQL, per call.
import type { CallStore, ReadCall } from '../../ingress/call-store';
import { summarizeStored } from '../../ingress/call-log';
import { bodyBytes, presentCall, withoutBody, type StoredCall } from '../../ingress/stored-call';
import type { Logger } from '../../logger';
import type { CallPage, CallRecord } from '../../shared/calls';
import type { Settings } from '../../shared/settings';
import type { Database } from './database';

/** Retention runs on open, then at most this often after appends. */
const RETENTION_EVERY_MS = 60_000;

const BODY_FIELDS = ['body', 'bodyEncoding', 'bodyTruncated', 'bodyStored'] as const;

interface CallRow {
  record: StoredCall;
  body_fields: Partial<StoredCall>;
  body: Buffer | null;
}

export class PgCallStore implements CallStore {
  #lastRetention = 0;

  private constructor(
    private readonly db: Database,
    private readonly retention: () => Settings['calls'],
    private readonly logger: Logger,
  ) {}

  static async open(
    db: Database,
    retention: () => Settings['calls'],
    logger: Logger,
  ): Promise<PgCallStore> {
    const store = new PgCallStore(db, retention, logger);
    await store.applyRetention();
    return store;
  }

  async append(record: StoredCall): Promise<void> {
    const bytes = bodyBytes(record);
    // The row's record is the line the JSON log writes, less the body and its length.
    const { body, jsonBytes: _jsonBytes, ...fields } = record;
    const bodyFields: Partial<StoredCall> = {};
    for (const field of BODY_FIELDS) {
      if (field !== 'body' && record[field] !== undefined) {
        Object.assign(bodyFields, { [field]: record[field] });
      }
    }
    // Only its start was kept: the start is what the API shows.
    if (bytes === undefined && typeof body === 'string') bodyFields.body = body;
    const first =
      record.idempotencyKey !== undefined &&
      record.runId !== undefined &&
      record.duplicateOf === undefined &&
      record.captured !== true;
    await this.db.prepared(
      'calls-append',
      `INSERT INTO calls (id, at, flow_id, node_id, idempotency_key, first_delivery, record,
                          body_fields, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
      [
        record.id,
        record.at,
        record.flowId,
        record.nodeId,
        record.idempotencyKey ?? null,
        first,
        JSON.stringify(fields),
        JSON.stringify(bodyFields),
        bytes ?? null,
      ],
    );
    if (Date.now() - this.#lastRetention > RETENTION_EVERY_MS) {
      void this.applyRetention().catch((error: unknown) =>
        this.logger.warn('could not apply the call log retention', {
          error: this.db.describe(error),
        }),
      );
    }
  }

  async update(record: StoredCall | CallRecord, changes: Partial<CallRecord>): Promise<void> {
    // As the JSON log's later line: the call's fields without the body, and the changes.
    const latest = { ...withoutBody(record), ...changes };
    await this.db.prepared('calls-update', 'UPDATE calls SET record = $2::jsonb WHERE id = $1', [
      record.id,
      JSON.stringify(latest),
    ]);
  }

  async read(id: string): Promise<CallRecord | undefined> {
    return (await this.readWhole(id))?.record;
  }

  async readWhole(id: string): Promise<ReadCall | undefined> {
    const { rows } = await this.db.prepared<CallRow>(
      'calls-read',
      'SELECT record, body_fields, body FROM calls WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) return undefined;
    const merged: StoredCall = { ...withoutBody(row.record), ...row.body_fields };
    const body = row.body ?? undefined;
    return { record: presentCall(merged, body), body };
  }

  async page(
    flowId: string,
    nodeId: string,
    query: { limit: number; before?: string | undefined },
  ): Promise<CallPage> {
    // The cursor is a row's order number; anything else names no row, so no page.
    if (query.before !== undefined && !/^\d{1,18}$/.test(query.before)) return { calls: [] };
    const { rows } = await this.db.prepared<{ n: string; record: StoredCall }>(
      'calls-page',
      `SELECT n, record FROM calls
       WHERE flow_id = $1 AND node_id = $2 AND ($3::bigint IS NULL OR n < $3::bigint)
       ORDER BY n DESC LIMIT $4`,
      [flowId, nodeId, query.before ?? null, query.limit + 1],
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const calls = items.map((row) => summarizeStored(row.record));
    return rows.length > query.limit && last ? { calls, next: last.n } : { calls };
  }

  /** Deletes calls beyond the retention settings (older than the days, beyond the count). */
  async applyRetention(): Promise<number> {
    this.#lastRetention = Date.now();
    const { retentionCount, retentionDays } = this.retention();
    const old = await this.db.query(
      `DELETE FROM calls WHERE at < now() - make_interval(days => $1::int)`,
      [retentionDays],
    );
    const over = await this.db.query(
      `DELETE FROM calls WHERE n <= (SELECT n FROM calls ORDER BY n DESC OFFSET $1 LIMIT 1)`,
      [retentionCount],
    );
    return (old.rowCount ?? 0) + (over.rowCount ?? 0);
  }

  /** Nothing to flush: each append and update is committed before it resolves. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
