// The inbound call log (`<dataDir>/calls/`, JSON Lines): every call to a webhook, accepted
// or refused, with secrets redacted. Memory stays bounded: only a small projection of each
// call is kept in memory (enough for dedupe, crash recovery and paging); bodies, headers
// and queries are read from disk when asked for. Retention from settings (calls.*).
import { join } from 'node:path';
import type { Logger } from '../logger';
import type { CallPage, CallRecord, CallSummary } from '../shared/calls';
import { callRecordSchema } from '../shared/calls';
import type { Settings } from '../shared/settings';
import { JsonlLog } from '../store/jsonl-log';
import type { StoreProblems } from '../store/store-problems';
import { CallBodies } from './call-bodies';
import { recordedBodyBytes } from './call-draft';

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
  /** The run could not be started (and will not be, by recovery). */
  runError?: boolean;
}

function project(record: CallRecord): CallProjection {
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
  if (record.runError !== undefined) projection.runError = true;
  return projection;
}

export function summarizeCall(record: CallRecord): CallSummary {
  const { headers: _h, query: _q, body: _b, response: _r, ...summary } = record;
  return summary;
}

/** Bodies beside the log are pruned after this many new ones (and at open). */
const PRUNE_BODIES_EVERY = 200;

export class CallLog {
  private constructor(
    private readonly log: JsonlLog<CallRecord, CallProjection>,
    readonly bodies: CallBodies,
    private readonly logger: Logger,
  ) {}

  static async open(
    dataDir: string,
    settings: () => Settings['calls'],
    logger: Logger,
    problems?: StoreProblems,
  ): Promise<CallLog> {
    const log = await JsonlLog.open<CallRecord, CallProjection>({
      dir: join(dataDir, 'calls'),
      schema: callRecordSchema,
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
    const bodies = await CallBodies.open(dataDir);
    const calls = new CallLog(log, bodies, logger);
    await bodies.prune((id) => log.latest(id) !== undefined);
    return calls;
  }

  /** Resolves once the record is on disk (group-committed with concurrent calls). */
  append(record: CallRecord): Promise<void> {
    return this.log.append(record);
  }

  /** Saves an accepted call's whole body (longer than the log's cap) before its record. */
  async saveBody(callId: string, bytes: Buffer): Promise<void> {
    await this.bodies.save(callId, bytes);
    if (this.bodies.saved % PRUNE_BODIES_EVERY === 0) {
      void this.bodies
        .prune((id) => this.log.latest(id) !== undefined)
        .catch((error: unknown) =>
          this.logger.warn('could not prune stored call bodies', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
    }
  }

  latest(id: string): CallProjection | undefined {
    return this.log.latest(id);
  }

  /** Every retained call (its latest event), oldest first. */
  projections(): IterableIterator<CallProjection> {
    return this.log.latestAll();
  }

  read(id: string): Promise<CallRecord | undefined> {
    return this.log.readLatest(id);
  }

  /** Every byte of a recorded call's body, or undefined when only its start was kept. */
  async bodyOf(record: CallRecord): Promise<Buffer | undefined> {
    if (record.bodyStored) return this.bodies.read(record.id);
    return recordedBodyBytes(record);
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
    return { calls: items.map(summarizeCall), ...(next === undefined ? {} : { next }) };
  }

  close(): Promise<void> {
    return this.log.close();
  }
}
