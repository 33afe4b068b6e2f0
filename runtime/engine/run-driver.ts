// The run machinery behind Engine: starting a run, the step loop, waits and resumes,
// endings, checkpoints (durability.ts is the contract). One instance per engine; the
// Engine class is its public face.
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ResumeEvent, Run } from '../shared/run';
import { ActiveRun } from './active-run';
import { jumpRunId } from './durability';
import { EngineError, jumpTarget, waitSpecFor } from './engine-support';
import type { GraphStore } from './graph-store';
import { indexGraph } from './graph-index';
import { loopMessage } from './loop-message';
import type { RunLog } from './run-log';
import type { EngineOptions, RunUpdate, StartRunOptions } from './engine-options';
import { emptyRunInput } from './run-record';
import { takeStep, type Transition } from './step';
import { resumes, WaitRegistry } from './wait-registry';

/** Steps between yields to the event loop, so a long loop cannot starve HTTP. */
const YIELD_EVERY = 64;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Waiting runs are also checked against retention every this many appends. */
const KEEP_ALIVE_EVERY = 256;

export class RunDriver {
  /** Runs running or waiting, by id. */
  readonly active = new Map<string, ActiveRun>();
  readonly waits = new WaitRegistry();
  readonly listeners = new Set<(update: RunUpdate) => void>();
  /** Set by Engine.stop(): no new runs or resumes; running runs pause at a step boundary. */
  stopping = false;
  readonly #now: () => Date;
  /** Records appended since open (the retention keep-alive measures by it). */
  #appends = 0;
  /** Runs whose first record this driver wrote: the distance retention counts in. */
  #runsStarted = 0;

  constructor(
    private readonly options: EngineOptions,
    private readonly log: RunLog,
    private readonly graphs: GraphStore,
  ) {
    this.#now = options.now ?? (() => new Date());
  }

  /** Returns a copy of the started run, unless the caller needs none (`'no-copy'`). */
  async start(
    options: StartRunOptions,
    id: string,
    jumpChain: string[],
    parentRunId?: string,
    copy: 'copy' | 'no-copy' = 'copy',
  ) {
    if (this.stopping) throw new EngineError('stopping', 'Hookflow is stopping; no new runs');
    const graph = indexGraph(options.graph);
    if (!graph.node(options.triggerNodeId)) {
      throw new EngineError('invalid_trigger', `The flow has no node "${options.triggerNodeId}"`);
    }
    await this.graphs.save(graph);
    // Optional fields assigned rather than spread in: every webhook call starts a run here.
    const trigger: Run['trigger'] = { type: options.trigger.type, nodeId: options.triggerNodeId };
    if (options.trigger.callId !== undefined) trigger.callId = options.trigger.callId;
    if (options.trigger.replayOf !== undefined) trigger.replayOf = options.trigger.replayOf;
    if (parentRunId !== undefined) trigger.parentRunId = parentRunId;
    const run: Run = {
      id,
      flowId: options.flowId,
      flowVersion: options.version,
      trigger,
      mode: options.chat ? 'full' : 'headless',
      status: 'running',
      variables: options.variables ? structuredClone(options.variables) : {},
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
    if (!options.startRecorded) await this.#checkpoint(active);
    // Copied before adopt() lets it move on; only callers that show the run pay for it.
    const started = copy === 'copy' ? active.snapshot() : undefined;
    this.adopt(active);
    return started;
  }

  /** Takes a run into memory: arms its wait, or drives it when it is running. */
  adopt(active: ActiveRun): void {
    this.active.set(active.id, active);
    this.emit(active);
    if (active.run.status === 'waiting') this.#arm(active);
    else void active.exclusive(() => this.#drive(active));
  }

  async #drive(active: ActiveRun): Promise<void> {
    try {
      const maxSteps = this.options.settings().runs.maxStepsPerRun;
      let taken = 0;
      while (this.active.get(active.id) === active && active.run.status === 'running') {
        if (active.cancelled) return; // the cancel queued behind us finishes it
        if (this.stopping) return await this.#checkpointIfDirty(active);
        if (active.stepsSinceWait >= maxSteps) {
          const text = loopMessage(maxSteps, active.recent, (nodeId) => active.graph.name(nodeId));
          return await this.finish(active, 'failed', text);
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
        return this.finish(active, 'completed', undefined, transition.output);
      case 'fail':
        return this.finish(active, 'failed', transition.error);
      case 'start-flow':
        return this.#startFlow(active, transition.flowId);
      case 'wait': {
        const spec = waitSpecFor(active, transition);
        if (typeof spec === 'string') return this.finish(active, 'failed', spec);
        active.run.status = 'waiting';
        active.run.waiting = spec;
        active.cursor = undefined;
        active.resetLoopCounters();
        await this.#checkpoint(active);
        this.#arm(active);
        this.emit(active);
      }
    }
  }

  /** Jump to another flow: its published version starts as a new run with our variables. */
  async #startFlow(active: ActiveRun, flowId: string): Promise<void> {
    const target = jumpTarget(this.options.flows.get(flowId), flowId, active);
    if ('error' in target) return this.finish(active, 'failed', target.error);
    // Replayed after a crash, the same jump finds the run it started (durability.ts).
    const childId = jumpRunId(active.id, active.run.steps.length);
    if (!this.active.has(childId) && !this.log.latest(childId)) {
      await this.start(
        {
          flowId,
          graph: target.snapshot.graph,
          version: target.snapshot.version,
          triggerNodeId: target.startNodeId,
          trigger: { type: 'jump' },
          input: active.input,
          variables: active.run.variables,
          chat: active.chat,
        },
        childId,
        target.chain,
        active.id,
      );
    }
    active.run.jumpedTo = { flowId, runId: childId };
    await this.finish(active, 'completed');
  }

  /** Ends a wait with its event; true once the resume is durable, false if not waiting for it. */
  resume(active: ActiveRun, event: ResumeEvent): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      void active.exclusive(async () => {
        const wait = active.run.waiting;
        if (this.active.get(active.id) !== active || !wait || !resumes(wait, event)) {
          return resolve(false);
        }
        this.waits.disarm(active);
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
        this.emit(active);
        await this.#drive(active);
      });
    });
  }

  async finish(
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
    active.markEndNode();
    delete run.waiting;
    active.cursor = undefined;
    active.dirty = true;
    try {
      await this.#checkpoint(active);
    } finally {
      this.#forget(active);
      active.markEnded();
      this.emit(active);
    }
  }

  #forget(active: ActiveRun): void {
    this.waits.disarm(active);
    if (this.active.get(active.id) === active) this.active.delete(active.id);
  }

  #arm(active: ActiveRun): void {
    if (this.stopping) return;
    this.waits.arm(active, (event) => {
      void this.resume(active, event).catch((error: unknown) => this.#lost(active, error));
    });
  }

  #lost(active: ActiveRun, error: unknown): void {
    this.options.logger.error('a waiting run could not be resumed', {
      runId: active.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  async #checkpoint(active: ActiveRun, full?: boolean): Promise<void> {
    const record = active.record(this.#now().toISOString(), full);
    const { seq, baseSeq, stepCount, at } = record;
    // The log serializes the record before this returns and keeps only the text: an ended
    // run now needs nothing but its status while the write lands (ActiveRun.release).
    const written = this.log.append(record);
    if (active.run.status === 'completed' || active.run.status === 'failed') active.release();
    await written;
    this.#appends += 1;
    const started = seq === 0;
    if (started) this.#runsStarted += 1;
    active.saved({ seq, baseSeq, stepCount, at }, this.#runsStarted);
    // Also after every quarter of the retained runs: with a small retention a burst of runs
    // must not push a waiting run out between two regular checks.
    const everyRuns = Math.max(1, Math.floor(this.options.settings().runs.retentionCount / 4));
    const due =
      this.#appends % KEEP_ALIVE_EVERY === 0 || (started && this.#runsStarted % everyRuns === 0);
    if (due) void this.keepWaitsAlive();
  }

  async #checkpointIfDirty(active: ActiveRun): Promise<void> {
    if (active.dirty) await this.#checkpoint(active);
  }

  /**
   * Retention drops the oldest runs' records (by count of runs and by age). A run waiting
   * long enough for its records to get near that edge is written again as one full record
   * (compaction), so a 30-day Delay survives any retention settings and busy days.
   */
  async keepWaitsAlive(): Promise<void> {
    const { retentionCount, retentionDays } = this.options.settings().runs;
    const maxAgeMs = (retentionDays * DAY_MS) / 2;
    const maxRunsSince = retentionCount / 2;
    const now = this.#now().getTime();
    try {
      for (const active of this.active.values()) {
        const old =
          now - active.checkpointedAt > maxAgeMs ||
          this.#runsStarted - active.checkpointRuns > maxRunsSince;
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

  emit(active: ActiveRun): void {
    if (this.listeners.size === 0) return;
    // The copy is made only for a listener that reads it (most look at `chat` first).
    let copy: Omit<Run, 'steps'> | undefined;
    const update: RunUpdate = {
      get run() {
        if (!copy) {
          const { steps: _steps, ...run } = active.run;
          copy = structuredClone(run);
        }
        return copy;
      },
      chat: active.chat?.ref,
    };
    for (const listener of this.listeners) listener(update);
  }
}
