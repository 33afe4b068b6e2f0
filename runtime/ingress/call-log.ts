// The inbound call log (`<dataDir>/calls/`, JSON Lines): every call to a webhook, accepted
// or refused, with secrets redacted. Memory stays bounded: only a small projection of each
// call is kept in memory (enough for dedupe, crash recovery and paging); bodies, headers
// and queries are read from disk when asked for. Retention from settings (calls.*).
import { join } from 'node:path';
import type { Logger } from '../logger';
import type { CallPage, CallRecord, CallSummary } from '../shared/calls';
import type { Settings } from '../shared/settings';
import { JsonlLog } from '../store/jsonl-log';
import type { StoreProblems } from '../store/store-problems';
import { CallBodies } from './call-bodies';
import type { CallStore, ReadCall } from './call-store';
import {
  holdsBody,
  presentCall,
  storedCallSchema,
  wholeBody,
  withoutBody,
  type StoredCall,
} from './stored-call';

/** What stays in memory per call. */
export interface CallProjection {
  id: string;
  at: string;
  seq: number;
  flowId: string;
  nodeId: string;
  status?: number;
  runId?: string;
  idempotencyKey?: string;
  duplicateOf?: string;
  replayOf?: string;
  captured?: boolean;
  /** It resumed a waiting run rather than starting one (recovery has nothing to start). */
  resumed?: boolean;
  /** The run could not be started (and will not be, by recovery). */
  runError?: boolean;
}

function project(record: StoredCall): CallProjection {
  const projection: CallProjection = {
    id: record.id,
    at: record.at,
    seq: record.seq,
    flowId: record.flowId,
    nodeId: record.nodeId,
  };
  if (record.status !== undefined) projection.status = record.status;
  if (record.runId !== undefined) projection.runId = record.runId;
  if (record.idempotencyKey !== undefined) projection.idempotencyKey = record.idempotencyKey;
  if (record.duplicateOf !== undefined) projection.duplicateOf = record.duplicateOf;
  if (record.replayOf !== undefined) projection.replayOf = record.replayOf;
  if (record.captured) projection.captured = true;
  if (record.resumed) projection.resumed = true;
  if (record.runError !== undefined) projection.runError = true;
  return projection;
}

export function summarizeCall(record: CallRecord): CallSummary {
  const { headers: _h, query: _q, body: _b, response: _r, ...summary } = record;
  return summary;
}

/** A page lists stored records: their body fields as the API names them. */
export function summarizeStored(record: StoredCall): CallSummary {
  const {
    headers: _h,
    query: _q,
    body: _b,
    response: _r,
    jsonBytes: _j,
    bodyEncoding,
    ...summary
  } = record;
  const encoding = bodyEncoding === 'json' ? 'utf8' : bodyEncoding;
  return encoding === undefined ? summary : { ...summary, bodyEncoding: encoding };
}

export type { ReadCall } from './call-store';

export class CallLog implements CallStore {
  private constructor(
    private readonly log: JsonlLog<StoredCall, CallProjection>,
    readonly bodies: CallBodies,
  ) {}

  static async open(
    dataDir: string,
    settings: () => Settings['calls'],
    logger: Logger,
    problems?: StoreProblems,
  ): Promise<CallLog> {
    const log = await JsonlLog.open<StoredCall, CallProjection>({
      dir: join(dataDir, 'calls'),
      schema: storedCallSchema,
      retention: () => ({
        // Calls, not records: a call's later events (its run's status) share its id.
        maxIds: settings().retentionCount,
        maxAgeDays: settings().retentionDays,
      }),
      project,
      // Records are built by typed code (CallDraft); the hot path serializes them once.
      validateAppends: false,
      problems,
      logger,
    });
    const bodies = CallBodies.open(dataDir);
    const calls = new CallLog(log, bodies);
    await bodies.prune((id) => log.latest(id) !== undefined);
    return calls;
  }

  /** A call's first record. Resolves once it is on disk (group-committed with others). */
  append(record: StoredCall): Promise<void> {
    return this.log.append(record);
  }

  /** A later record of a call (its status, a run that could not start): no body again. */
  update(record: StoredCall | CallRecord, changes: Partial<CallRecord>): Promise<void> {
    return this.log.append({ ...withoutBody(record), ...changes });
  }

  latest(id: string): CallProjection | undefined {
    return this.log.latest(id);
  }

  /** Every retained call (its latest event), oldest first. */
  projections(): IterableIterator<CallProjection> {
    return this.log.latestAll();
  }

  /** The call as the API shows it (its body cut at the cap). */
  async read(id: string): Promise<CallRecord | undefined> {
    return (await this.readWhole(id))?.record;
  }

  /** The call and every byte of its body (undefined when only its start was kept). */
  async readWhole(id: string): Promise<ReadCall | undefined> {
    const records = await this.log.historyLines(id);
    const latest = records.at(-1);
    if (!latest) return undefined;
    const holder = records.findLast((found) => holdsBody(found.record)) ?? latest;
    const body = holder.record.bodyStored
      ? await this.bodies.read(id)
      : wholeBody(holder.record, holder.line);
    const merged: StoredCall = { ...withoutBody(latest.record) };
    for (const field of ['body', 'bodyEncoding', 'bodyTruncated', 'bodyStored'] as const) {
      if (holder.record[field] !== undefined)
        Object.assign(merged, { [field]: holder.record[field] });
    }
    return { record: presentCall(merged, body), body };
  }

  /** One trigger's calls, newest first. */
  async page(
    flowId: string,
    nodeId: string,
    query: { limit: number; before?: string | undefined },
  ): Promise<CallPage> {
    const { items, next } = await this.log.page({
      limit: query.limit,
      before: query.before,
      filter: (record) =>
        record.flowId === flowId &&
        record.nodeId === nodeId &&
        this.log.latest(record.id)?.seq === record.seq,
    });
    return { calls: items.map(summarizeStored), ...(next === undefined ? {} : { next }) };
  }

  close(): Promise<void> {
    return this.log.close();
  }
}
