// What the engine keeps its runs in: the run log in the data folder (run-log.ts, the
// default) or PostgreSQL (runtime/store/postgres/pg-run-store.ts, `serve --database`).
// Both pass one contract suite (test/integration/store-contract/runs.test.ts).
import type { Logger } from '../logger';
import type { DraftGraph } from '../shared/flow-document';
import type { Run, RunPage, RunStatus, RunSummary } from '../shared/run';
import type { Settings } from '../shared/settings';
import type { StoreProblems } from '../store/store-problems';
import type { GraphIndex } from './graph-index';
import type { RunRecord } from './run-record';

export interface RunQuery {
  flowId?: string;
  status?: RunStatus;
  /** Only runs that skipped (true) or did not skip (false) chat nodes for want of a chat. */
  chatSkipped?: boolean;
  /** Only runs linked to this customer (the Customers view's recent runs). */
  customerId?: string;
  /** ISO times bounding `startedAt`. */
  since?: string;
  until?: string;
  limit: number;
  before?: string;
}

/**
 * What a run store keeps in memory per run: enough to answer status, find a run's current
 * full record and filter lists.
 */
export interface RunHead {
  id: string;
  seq: number;
  baseSeq: number;
  status: RunStatus;
  flowId: string;
  startedAt: string;
  /** Chat nodes skipped (0 when none, and for runs recorded before the count existed). */
  chatSkipped: number;
  /** The customer the run's binding linked, if any. */
  customerId?: string;
}

export function head(record: RunRecord): RunHead {
  return {
    id: record.id,
    seq: record.seq,
    baseSeq: record.baseSeq,
    status: record.status,
    flowId: record.flowId,
    startedAt: record.startedAt,
    chatSkipped: record.chatSkipped ?? 0,
    ...(record.customerId === undefined ? {} : { customerId: record.customerId }),
  };
}

/** The run records: one per checkpoint (durability.ts), a later one superseding earlier ones. */
export interface RunStore {
  /** Resolves once the record is durable (committed); the engine proceeds only then. */
  append(record: RunRecord): Promise<void>;
  /** The run's latest record in brief, from memory (runs this store has seen). */
  latest(id: string): RunHead | undefined;
  /** Whether any record of the run exists (asks the backing store, not only memory). */
  has(id: string): Promise<boolean>;
  /** The run's latest record in full. */
  latestRecord(id: string): Promise<RunRecord | undefined>;
  /** The run's records, oldest first, from its latest full record on at least. */
  history(id: string): Promise<RunRecord[]>;
  read(id: string): Promise<Run | undefined>;
  /**
   * Runs newest first: `current(id)` is the engine's memory of a run (truer than its
   * record between checkpoints), `unrecorded` runs in memory with no record yet.
   */
  page(
    query: RunQuery,
    current: (id: string) => RunSummary | undefined,
    unrecorded: readonly RunSummary[],
  ): Promise<RunPage>;
  /** Latest records of the runs this instance must bring back: running or waiting. */
  unfinished(): Promise<RunRecord[]>;
  close(): Promise<void>;
}

/** The graphs runs execute, by content hash (graph-store.ts says why). */
export interface RunGraphs {
  /** Resolves once the graph is durable. */
  save(index: GraphIndex): Promise<void>;
  /** The stored graph, or undefined when it is missing or unreadable. */
  load(ref: string): Promise<DraftGraph | undefined>;
  /** Deletes graphs no unfinished run needs (called on open, before any run starts). */
  prune(keep: ReadonlySet<string>): Promise<void>;
}

export interface RunStorage {
  runs: RunStore;
  graphs: RunGraphs;
}

/** Opens the engine's storage; the engine passes what retention and reporting need. */
export type RunStorageOpener = (deps: {
  settings: () => Settings['runs'];
  logger: Logger;
  problems?: StoreProblems;
}) => Promise<RunStorage>;
