// What the engine is opened with and what its callers pass and hear.
import type { Logger } from '../logger';
import type { DraftGraph, FlowDocument } from '../shared/flow-document';
import type { Run, RunTrigger } from '../shared/run';
import type { Settings } from '../shared/settings';
import type { StoreProblems } from '../store/store-problems';
import type { ChatBinding, ChatChannel, ChatRef } from './chat';
import type { ExecServices } from './exec-services';
import type { RunInput } from './run-record';
import type { RunStorageOpener } from './run-store';

export interface EngineOptions {
  dataDir: string;
  flows: { get(id: string): FlowDocument | undefined };
  settings: () => Settings;
  logger: Logger;
  /** Chat channels whose conversations runs can be bound to (and re-bound after a restart). */
  channels?: readonly ChatChannel[];
  problems?: StoreProblems;
  /** What executors get as `ctx.services`; a part left out gets its default (exec-services.ts). */
  services?: Partial<ExecServices>;
  now?: () => Date;
  /** Where runs and their graphs are kept; the data folder's run log by default. */
  storage?: RunStorageOpener;
  /** Told how long each step took (diagnostics, `npm run bench:engine`). */
  onStep?: (nodeType: string, ms: number) => void;
}

export interface StartRunOptions {
  /**
   * The run's id when the caller chose it beforehand: the webhook ingress records it with
   * the call before answering, so crash recovery starts the same run. Starting an id the
   * engine already knows returns that run instead of a second one.
   */
  runId?: string;
  /**
   * The caller has already recorded durably what starts this run, and starts it again
   * after a crash (the webhook call log and its recovery). The start checkpoint is then
   * left to the run's first checkpoint (before a side effect, a wait, or its end), so a
   * short headless run costs one append instead of two.
   */
  startRecorded?: boolean;
  flowId: string;
  graph: DraftGraph;
  version: number | 'draft';
  triggerNodeId: string;
  trigger: { type: RunTrigger['type']; callId?: string; replayOf?: string };
  input?: Partial<RunInput>;
  variables?: Record<string, unknown>;
  chat?: ChatBinding;
  /**
   * The customer and chat the run talks for, when its starter found them before the run
   * (a channel's inbound message); a trigger's binding links them later (bindRun) instead.
   */
  link?: { customerId?: string; chatId?: string };
}

/** What listeners hear whenever a run starts, waits, resumes or ends. */
export interface RunUpdate {
  /** Cheap to read: most listeners need only these. */
  runId: string;
  status: Run['status'];
  chat?: ChatRef;
  /** A copy of the run without its steps, made on first read: read it only when needed. */
  run: Omit<Run, 'steps'>;
}
