// The flow engine: starts runs, drives them node by node, parks them while they wait,
// resumes them when their event comes, and records them durably (see durability.ts).
// Transport-free: the admin API, the test chat and the webhook ingress all call this.
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Logger } from '../logger';
import type { DraftGraph, FlowDocument } from '../shared/flow-document';
import type {
  ResumeEvent,
  Run,
  RunPage,
  RunStatus,
  RunTrigger,
  WaitKind,
  WaitSpec,
} from '../shared/run';
import type { Settings } from '../shared/settings';
import type { StoreProblems } from '../store/store-problems';
import { ActiveRun } from './active-run';
import type { ChatBinding, ChatChannel, ChatRef } from './chat';
import { jumpRunId, newRunId } from './durability';
import { GraphStore } from './graph-store';
import { indexGraph } from './graph-index';
import { loopMessage } from './loop-message';
import { recoverRuns } from './recovery';
import { RECORDS_PER_RUN, RunLog, type RunQuery } from './run-log';
import { emptyRunInput, type RunInput } from './run-record';
import { takeStep, type Transition } from './step';
import { WaitTimers } from './timers';
import { EngineError, manualTriggerNode, MAX_JUMPS, waitSpecFor } from './engine-support';

export { EngineError };

export interface EngineOptions {
  dataDir: string;
  flows: { get(id: string): FlowDocument | undefined };
  settings: () => Settings;
  logger: Logger;
  /** Chat channels whose conversations runs can be bound to (and re-bound after a restart). */
  channels?: readonly ChatChannel[];
  problems?: StoreProblems;
  now?: () => Date;
  /** Told how long each step took (diagnostics, `npm run bench:engine`). */
  onStep?: (nodeType: string, ms: number) => void;
}

export interface StartRunOptions {
  flowId: string;
  graph: DraftGraph;
  version: number | 'draft';
  triggerNodeId: string;
  trigger: { type: RunTrigger['type']; callId?: string };
  input?: Partial<RunInput>;
  variables?: Record<string, unknown>;
  chat?: ChatBinding;
}

/** What listeners hear whenever a run starts, waits, resumes or ends. */
export interface RunUpdate {
  run: Omit<Run, 'steps'>;
  chat?: ChatRef;
}

/** Steps between yields to the event loop, so a long loop cannot starve HTTP. */
const YIELD_EVERY = 64;
const STOP_GRACE_MS = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How often waiting runs are checked against retention: hourly, and every N appends. */
const KEEP_ALIVE_MS = 60 * 60 * 1000;
const KEEP_ALIVE_EVERY = 256;

export class Engine {
  readonly #active = new Map<string, ActiveRun>();
  /** `kind\0key` → runs waiting for that event, oldest first. */
  readonly #waiting = new Map<string, ActiveRun[]>();
  readonly #timers = new WaitTimers();
  readonly #listeners = new Set<(update: RunUpdate) => void>();
  readonly #now: () => Date;
  #stopping = false;
  #retention: NodeJS.Timeout | undefined;
  /** Records this engine has appended (the retention keep-alive measures by it). */
  #appends = 0;

  private constructor(
    private readonly options: EngineOptions,
    private readonly log: RunLog,
    private readonly graphs: GraphStore,
  ) {
    this.#now = options.now ?? (() => new Date());
  }

  /** Opens the run log and brings back every run that was waiting or running. */
  static async open(options: EngineOptions): Promise<Engine> {
    const log = await RunLog.open(
      options.dataDir,
      () => options.settings().runs,
      options.logger,
      options.problems,
    );
    const engine = new Engine(options, log, await GraphStore.open(options.dataDir));
    const channels = new Map((options.channels ?? []).map((channel) => [channel.name, channel]));
    await recoverRuns({
      log,
      graphs: engine.graphs,
      channels,
      logger: options.logger,
      now: engine.#now,
      adopt: (active) => engine.#adopt(active),
    });
    await engine.#keepWaitsAlive();
    engine.#retention = setInterval(() => void engine.#keepWaitsAlive(), KEEP_ALIVE_MS);
    engine.#retention.unref();
    return engine;
  }

  /** Starts a run; resolves once its start is durably recorded (it then runs on its own). */
  startRun(options: StartRunOptions): Promise<Run> {
    return this.#start(options, newRunId(), []);
  }

  /**
   * The run once it has completed or failed, following Jumps into other flows; undefined
   * when it is unknown or still going after `timeoutMs`.
   */
  async waitForRun(runId: string, timeoutMs: number): Promise<Run | undefined> {
    const deadline = Date.now() + timeoutMs;
    let id = runId;
    for (;;) {
      const active = this.#active.get(id);
      const run = active ? await beforeDeadline(active.ended(), deadline) : await this.log.read(id);
      if (!run || run.status === 'running' || run.status === 'waiting') return undefined;
      if (!run.jumpedTo) return run;
      id = run.jumpedTo.runId;
    }
  }

  /** The run's status now, without reading the disk. */
  runStatus(id: string): RunStatus | undefined {
    return this.#active.get(id)?.run.status ?? this.log.latest(id)?.status;
  }

  /** What the run waits for now (in memory), if it is waiting. */
  waitOf(id: string): WaitSpec | undefined {
    return this.#active.get(id)?.run.waiting;
  }

  async getRun(id: string): Promise<Run | undefined> {
    return this.#active.get(id)?.snapshot() ?? (await this.log.read(id));
  }

  listRuns(query: RunQuery): Promise<RunPage> {
    // Records lag behind runs between checkpoints; for runs in memory, memory is the truth.
    return this.log.page(query, (id) => {
      const active = this.#active.get(id);
      if (!active) return undefined;
      const { steps, ...rest } = active.run;
      return structuredClone({ ...rest, stepCount: steps.length });
    });
  }

  /** The run (and its wait) that an event of this kind and key would resume, newest first. */
  waitingFor(kind: WaitKind, key: string): { runId: string; wait: WaitSpec } | undefined {
    const active = this.#waiting.get(`${kind}\0${key}`)?.at(-1);
    const wait = active?.run.waiting;
    return active && wait ? { runId: active.id, wait } : undefined;
  }

  /**
   * Resumes the newest run waiting for this event. Resolves once the event is durably
   * recorded with the run (so the sender may be told "accepted"), with that run's id, or
   * undefined when no run waits for it.
   */
  async resumeWait(
    kind: 'input' | 'webhook',
    key: string,
    event: ResumeEvent,
  ): Promise<string | undefined> {
    if (this.#stopping) throw new EngineError('stopping', 'Hookflow is stopping');
    const candidates = [...(this.#waiting.get(`${kind}\0${key}`) ?? [])].reverse();
    for (const active of candidates) {
      if (await this.#resume(active, event)) return active.id;
    }
    return undefined;
  }

  /** Stops a running or waiting run; it ends as failed with "Cancelled". */
  async cancel(id: string): Promise<Run> {
    const active = this.#active.get(id);
    if (!active) {
      const run = await this.log.read(id);
      if (!run) throw new EngineError('not_found', `No run with id "${id}"`);
      throw new EngineError('finished', `The run has already ${run.status}`);
    }
    active.abort.abort();
    await active.exclusive(async () => {
      if (this.#active.get(id) === active) await this.#finish(active, 'failed', 'Cancelled');
    });
    return active.snapshot();
  }

  onUpdate(listener: (update: RunUpdate) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Graceful stop: no new runs or events; running runs stop at their next step boundary
   * and checkpoint there (resumed on the next start); waits are already stored.
   */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    clearInterval(this.#retention);
    this.#timers.clearAll();
    const idle = () =>
      Promise.all([...this.#active.values()].map((run) => run.exclusive(async () => {})));
    if (!(await beforeDeadline(idle(), Date.now() + STOP_GRACE_MS))) {
      // A node still busy after the grace period (a slow send) is told to give up.
      for (const run of this.#active.values()) run.abort.abort();
      await beforeDeadline(idle(), Date.now() + 1_000);
    }
    await this.log.close();
  }

  async #start(options: StartRunOptions, id: string, jumpChain: string[], parentRunId?: string) {
    if (this.#stopping) throw new EngineError('stopping', 'Hookflow is stopping; no new runs');
    const graph = indexGraph(options.graph);
    if (!graph.node(options.triggerNodeId)) {
      throw new EngineError('invalid_trigger', `The flow has no node "${options.triggerNodeId}"`);
    }
    await this.graphs.save(graph);
    const run: Run = {
      id,
      flowId: options.flowId,
      flowVersion: options.version,
      trigger: {
        type: options.trigger.type,
        nodeId: options.triggerNodeId,
        ...(options.trigger.callId === undefined ? {} : { callId: options.trigger.callId }),
        ...(parentRunId === undefined ? {} : { parentRunId }),
      },
      mode: options.chat ? 'full' : 'headless',
      status: 'running',
      variables: structuredClone(options.variables ?? {}),
      startedAt: this.#now().toISOString(),
      steps: [],
    };
    const active = new ActiveRun({
      run,
      graph,
      input: { ...emptyRunInput(), ...options.input },
      chat: options.chat,
      cursor: { nodeId: options.triggerNodeId },
      stepsSinceWait: 0,
      jumpChain,
      seq: 0,
      baseSeq: 0,
      savedSteps: 0,
    });
    await this.#checkpoint(active);
    const started = active.snapshot();
    this.#adopt(active);
    return started;
  }

  /** Takes a run into memory: arms its wait, or drives it when it is running. */
  #adopt(active: ActiveRun): void {
    this.#active.set(active.id, active);
    this.#emit(active);
    if (active.run.status === 'waiting') this.#arm(active);
    else void active.exclusive(() => this.#drive(active));
  }

  async #drive(active: ActiveRun): Promise<void> {
    try {
      const maxSteps = this.options.settings().runs.maxStepsPerRun;
      let taken = 0;
      while (this.#active.get(active.id) === active && active.run.status === 'running') {
        if (active.abort.signal.aborted) return; // the cancel queued behind us finishes it
        if (this.#stopping) return await this.#checkpointIfDirty(active);
        if (active.stepsSinceWait >= maxSteps) {
          return await this.#finish(active, 'failed', loopMessage(maxSteps, active.recent));
        }
        if (++taken % YIELD_EVERY === 0) await yieldToEventLoop();
        const began = this.options.onStep ? performance.now() : 0;
        const transition = await takeStep(active, {
          now: this.#now,
          beforeSideEffects: () => this.#checkpointIfDirty(active),
        });
        const nodeType = active.run.steps.at(-1)?.nodeType;
        if (this.options.onStep && nodeType)
          this.options.onStep(nodeType, performance.now() - began);
        if (transition.kind === 'goto') {
          active.cursor = { nodeId: transition.nodeId };
          active.dirty = true;
        } else {
          return await this.#settle(active, transition);
        }
      }
    } catch (error) {
      // Only the log can throw here (disk full, folder gone): the run cannot be recorded.
      const message = error instanceof Error ? error.message : String(error);
      this.options.logger.error('a run could not be recorded', {
        runId: active.id,
        error: message,
      });
      this.#forget(active);
    }
  }

  async #settle(active: ActiveRun, transition: Exclude<Transition, { kind: 'goto' }>) {
    switch (transition.kind) {
      case 'complete':
        return this.#finish(active, 'completed', undefined, transition.output);
      case 'fail':
        return this.#finish(active, 'failed', transition.error);
      case 'start-flow':
        return this.#startFlow(active, transition.flowId);
      case 'wait': {
        const spec = waitSpecFor(active, transition);
        if (typeof spec === 'string') return this.#finish(active, 'failed', spec);
        active.run.status = 'waiting';
        active.run.waiting = spec;
        active.cursor = undefined;
        active.resetLoopCounters();
        await this.#checkpoint(active);
        this.#arm(active);
        this.#emit(active);
      }
    }
  }

  /** Jump to another flow: its published version starts as a new run with our variables. */
  async #startFlow(active: ActiveRun, flowId: string): Promise<void> {
    const flow = this.options.flows.get(flowId);
    if (!flow) return this.#finish(active, 'failed', `Jump: there is no flow "${flowId}"`);
    if (!flow.published) {
      return this.#finish(active, 'failed', `Jump: flow "${flow.name}" is not published`);
    }
    const chain = [...active.jumpChain, active.run.flowId];
    if (chain.length >= MAX_JUMPS) {
      const path = [...chain.slice(0, 6), flowId].join(' → ');
      return this.#finish(
        active,
        'failed',
        `Stopped after ${MAX_JUMPS} jumps between flows without waiting (flow ${path} …)`,
      );
    }
    const start = manualTriggerNode(flow.published.graph);
    if (!start)
      return this.#finish(active, 'failed', `Jump: flow "${flow.name}" has no manual Start node`);
    // Replayed after a crash, the same jump finds the run it started (durability.ts).
    const childId = jumpRunId(active.id, active.run.steps.length);
    if (!this.#active.has(childId) && !this.log.latest(childId)) {
      await this.#start(
        {
          flowId,
          graph: flow.published.graph,
          version: flow.published.version,
          triggerNodeId: start,
          trigger: { type: 'jump' },
          input: active.input,
          variables: active.run.variables,
          chat: active.chat,
        },
        childId,
        chain,
        active.id,
      );
    }
    active.run.jumpedTo = { flowId, runId: childId };
    await this.#finish(active, 'completed');
  }

  /** Ends a wait with its event; true once the resume is durable, false if not waiting for it. */
  #resume(active: ActiveRun, event: ResumeEvent): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      void active.exclusive(async () => {
        const wait = active.run.waiting;
        if (this.#active.get(active.id) !== active || !wait || !resumes(wait, event)) {
          return resolve(false);
        }
        this.#disarm(active);
        active.run.status = 'running';
        delete active.run.waiting;
        active.cursor = { nodeId: wait.nodeId, resume: { event, wait } };
        active.dirty = true;
        try {
          await this.#checkpoint(active);
        } catch (error) {
          active.run.status = 'waiting';
          active.run.waiting = wait;
          active.cursor = undefined;
          this.#arm(active);
          return reject(error);
        }
        resolve(true);
        this.#emit(active);
        await this.#drive(active);
      });
    });
  }

  async #finish(
    active: ActiveRun,
    status: 'completed' | 'failed',
    error?: string,
    output?: Record<string, unknown>,
  ): Promise<void> {
    const run = active.run;
    run.status = status;
    run.endedAt = this.#now().toISOString();
    if (error !== undefined) run.error = error;
    if (output !== undefined) run.output = output;
    delete run.waiting;
    active.cursor = undefined;
    active.dirty = true;
    try {
      await this.#checkpoint(active);
    } finally {
      this.#forget(active);
      active.markEnded();
      this.#emit(active);
    }
  }

  #forget(active: ActiveRun): void {
    this.#disarm(active);
    if (this.#active.get(active.id) === active) this.#active.delete(active.id);
  }

  #arm(active: ActiveRun): void {
    const wait = active.run.waiting;
    if (!wait || this.#stopping) return;
    if (wait.kind === 'timer') {
      this.#timers.set(active.id, new Date(wait.until ?? 0), () => {
        void this.#resume(active, { kind: 'timer' }).catch((error: unknown) =>
          this.#lost(active, error),
        );
      });
      return;
    }
    const slot = `${wait.kind}\0${wait.key}`;
    this.#waiting.set(slot, [...(this.#waiting.get(slot) ?? []), active]);
    if (wait.until) {
      this.#timers.set(active.id, new Date(wait.until), () => {
        void this.#resume(active, { kind: 'timeout' }).catch((error: unknown) =>
          this.#lost(active, error),
        );
      });
    }
  }

  #disarm(active: ActiveRun): void {
    this.#timers.clear(active.id);
    for (const [slot, runs] of this.#waiting) {
      const rest = runs.filter((run) => run !== active);
      if (rest.length === runs.length) continue;
      if (rest.length === 0) this.#waiting.delete(slot);
      else this.#waiting.set(slot, rest);
    }
  }

  #lost(active: ActiveRun, error: unknown): void {
    this.options.logger.error('a waiting run could not be resumed', {
      runId: active.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  async #checkpoint(active: ActiveRun, full?: boolean): Promise<void> {
    const record = active.record(this.#now().toISOString(), full);
    await this.log.append(record);
    this.#appends += 1;
    active.saved(record, this.#appends);
    if (this.#appends % KEEP_ALIVE_EVERY === 0) void this.#keepWaitsAlive();
  }

  async #checkpointIfDirty(active: ActiveRun): Promise<void> {
    if (active.dirty) await this.#checkpoint(active);
  }

  /**
   * Retention drops the oldest records (by count and age). A run waiting long enough for its
   * records to get near that edge is written again as one full record (compaction), so a
   * 30-day Delay survives any retention settings and busy days.
   */
  async #keepWaitsAlive(): Promise<void> {
    const { retentionCount, retentionDays } = this.options.settings().runs;
    const maxAgeMs = (retentionDays * DAY_MS) / 2;
    const maxAppends = (retentionCount * RECORDS_PER_RUN) / 2;
    const now = this.#now().getTime();
    try {
      for (const active of this.#active.values()) {
        const old =
          now - active.checkpointedAt > maxAgeMs ||
          this.#appends - active.checkpointAppend > maxAppends;
        if (active.run.status !== 'waiting' || !old) continue;
        await active.exclusive(async () => {
          if (active.run.status === 'waiting') await this.#checkpoint(active, true);
        });
      }
    } catch (error) {
      this.options.logger.warn('could not refresh waiting runs in the run log', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  #emit(active: ActiveRun): void {
    if (this.#listeners.size === 0) return;
    const { steps: _steps, ...run } = active.run;
    const update: RunUpdate = { run: structuredClone(run), chat: active.chat?.ref };
    for (const listener of this.#listeners) listener(update);
  }
}

function resumes(wait: WaitSpec, event: ResumeEvent): boolean {
  if (event.kind === 'timeout') return wait.kind !== 'timer' && wait.until !== undefined;
  return wait.kind === event.kind;
}

/** The promise's value, or undefined if it has not settled by `deadline`. */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
