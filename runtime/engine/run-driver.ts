// The run machinery behind Engine: starting a run, settling it when it leaves the step
// loop (step-loop.ts), waits and resumes, endings. run-checkpoints.ts writes the records,
// durability.ts is the contract, run-state.ts owns what is in memory. One instance per
// engine; the Engine class is its public face.
import type { ResumeEvent, Run, RunStep } from '../shared/run';
import { BackgroundJobs } from './background-work';
import { ActiveRun } from './active-run';
import { jumpRunId } from './durability';
import { execServices, type ExecServices } from './exec-services';
import { EngineError, jumpTarget, waitSpecFor } from './engine-support';
import { indexGraph } from './graph-index';
import { issueResumeKeys } from './issued-keys';
import type { RunGraphs, RunStore } from './run-store';
import type { EngineOptions, StartRunOptions } from './engine-options';
import { RunCheckpoints } from './run-checkpoints';
import type { ResumeKeys } from './resume-keys';
import { RunRetention } from './run-retention';
import { emptyRunInput } from './run-record';
import { RunUpdates } from './run-updates';
import { dropUnencodable, failureMessage, RunNotRecorded } from './run-failure';
import { runSteps, type LoopExit } from './step-loop';
import type { RunState } from './run-state';
import { resumes } from './wait-registry';

/** What RunDriver.start takes: what the engine's callers pass, with the run's id chosen. */
export interface DriverStartOptions extends StartRunOptions {
  runId: string;
  /** The flows jumped through to get here without a wait (a Jump's child run). */
  jumpChain?: string[];
  /** The run whose Jump started this one. */
  parentRunId?: string;
  /**
   * Resolve with a copy of the started run, taken before it moves on. Off by default: only
   * callers that show the run pay for the copy (a webhook's answer was already sent).
   */
  copy?: boolean;
}

export class RunDriver {
  readonly updates: RunUpdates;
  readonly #checkpoints: RunCheckpoints;
  readonly retention: RunRetention;
  readonly #now: () => Date;
  readonly #services: ExecServices;
  /** Closed by Engine.stop before the log closes, so every late step is recorded. */
  readonly background: BackgroundJobs;
  /** Late steps of ended runs, one at a time (each reads the latest record it follows). */
  #lateAppends: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: EngineOptions,
    private readonly log: RunStore,
    private readonly graphs: RunGraphs,
    private readonly runs: RunState,
  ) {
    this.#now = options.now ?? (() => new Date());
    this.background = new BackgroundJobs({
      limit: () => options.settings().outbound.maxBackgroundRequests,
      record: (runId, step) => this.recordLateStep(runId, step),
      logger: options.logger,
      now: this.#now,
    });
    this.#services = execServices(options.logger, {
      background: this.background,
      ...options.services,
    });
    this.updates = new RunUpdates(options.logger);
    this.retention = new RunRetention({
      settings: options.settings,
      logger: options.logger,
      now: this.#now,
      runs,
      compact: (active) => this.#checkpoints.write(active, true),
    });
    this.#checkpoints = new RunCheckpoints({ log, now: this.#now, retention: this.retention });
  }

  /**
   * Adds a step that finished after its run moved on (background-work.ts): with the run in
   * memory once nothing else is using it, else as a record after the run's latest one.
   */
  async recordLateStep(runId: string, step: RunStep): Promise<void> {
    const active = this.runs.get(runId);
    if (active) {
      const added = await active.exclusive(async () => {
        if (!this.runs.holds(active)) return false;
        active.addStep(step);
        await this.#checkpoints.write(active);
        return true;
      });
      if (added) return;
    }
    const appended = this.#lateAppends.then(async () => {
      const latest = await this.log.latestRecord(runId);
      if (!latest) return;
      const { full: _full, input: _input, ...rest } = latest;
      await this.log.append({
        ...rest,
        at: this.#now().toISOString(),
        seq: latest.seq + 1,
        steps: [step],
        stepCount: latest.stepCount + 1,
      });
    });
    this.#lateAppends = appended.catch(() => undefined);
    await appended;
  }

  /** Starts a run; resolves once its start is recorded (unless `startRecorded`, see there). */
  async start(options: DriverStartOptions): Promise<Run | undefined> {
    if (this.runs.stopping) throw new EngineError('stopping', 'Hookflow is stopping; no new runs');
    const { runId: id, parentRunId, copy = false } = options;
    const graph = indexGraph(options.graph);
    if (!graph.node(options.triggerNodeId)) {
      throw new EngineError('invalid_trigger', `The flow has no node "${options.triggerNodeId}"`);
    }
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
    if (options.link?.customerId !== undefined) run.customerId = options.link.customerId;
    if (options.link?.chatId !== undefined) run.chatId = options.link.chatId;
    const active = new ActiveRun({
      run,
      graph,
      input: { ...emptyRunInput(), ...options.input },
      chat: options.chat,
      cursor: { nodeId: options.triggerNodeId },
      stepsSinceWait: 0,
      jumpChain: options.jumpChain ?? [],
      seq: 0,
      baseSeq: 0,
      savedSteps: 0,
    });
    // Before any node runs, so a node ahead of a resume endpoint can send its key out.
    issueResumeKeys(active, this.#services.resumeKeys);
    try {
      await this.graphs.save(graph);
    } catch (error) {
      // Its caller has already promised this run (a webhook answered 202): it ends failed
      // with the reason rather than never existing. Other callers are told instead.
      if (!options.startRecorded) throw error;
      await this.#endAfterFailure(active, new RunNotRecorded(error));
      return copy ? active.snapshot() : undefined;
    }
    if (!options.startRecorded) await this.#checkpoints.write(active);
    // Copied before adopt() lets it move on; only callers that show the run pay for it.
    const started = copy ? active.snapshot() : undefined;
    this.adopt(active);
    return started;
  }

  /** Takes a run into memory: arms its wait, or drives it when it is running. */
  adopt(active: ActiveRun): void {
    this.runs.add(active);
    this.updates.emit(active);
    if (active.run.status === 'waiting') this.#arm(active);
    else void active.exclusive(() => this.#drive(active));
  }

  async #drive(active: ActiveRun): Promise<void> {
    try {
      const exit = await runSteps(active, {
        runs: this.runs,
        maxSteps: this.options.settings().runs.maxStepsPerRun,
        now: this.#now,
        services: this.#services,
        beforeSideEffects: () => this.#checkpoints.writeIfDirty(active),
        onStep: this.options.onStep,
      });
      if (exit.kind === 'pause') await this.#checkpoints.writeIfDirty(active);
      else if (exit.kind !== 'leave') await this.#settle(active, exit);
    } catch (error) {
      // A checkpoint that failed (RunNotRecorded), or a defect: never a run that vanishes.
      await this.#endAfterFailure(active, error);
    }
  }

  async #settle(active: ActiveRun, transition: Exclude<LoopExit, { kind: 'pause' | 'leave' }>) {
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
        await this.#checkpoints.write(active);
        this.#arm(active);
        this.updates.emit(active);
      }
    }
  }

  /** Jump to another flow: its published version starts as a new run with our variables. */
  async #startFlow(active: ActiveRun, flowId: string): Promise<void> {
    const target = jumpTarget(this.options.flows.get(flowId), flowId, active);
    if ('error' in target) return this.finish(active, 'failed', target.error);
    // Replayed after a crash, the same jump finds the run it started (durability.ts).
    const childId = jumpRunId(active.id, active.run.steps.length);
    if (!this.runs.has(childId) && !(await this.log.has(childId))) {
      await this.start({
        runId: childId,
        flowId,
        graph: target.snapshot.graph,
        version: target.snapshot.version,
        triggerNodeId: target.startNodeId,
        trigger: { type: 'jump' },
        input: active.input,
        variables: active.run.variables,
        chat: active.chat,
        jumpChain: target.chain,
        parentRunId: active.id,
      });
    }
    active.run.jumpedTo = { flowId, runId: childId };
    await this.finish(active, 'completed');
  }

  /** The keys resume endpoints are called with (Engine.missedWait reads them). */
  get resumeKeys(): ResumeKeys {
    return this.#services.resumeKeys;
  }

  /** Ends a wait with its event; true once the resume is durable, false if not waiting for it. */
  resume(active: ActiveRun, event: ResumeEvent): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      void active.exclusive(async () => {
        const wait = active.run.waiting;
        if (!this.runs.holds(active) || !wait || !resumes(wait, event)) {
          return resolve(false);
        }
        this.runs.disarm(active);
        active.run.status = 'running';
        delete active.run.waiting;
        active.cursor = { nodeId: wait.nodeId, resume: { event, wait } };
        active.dirty = true;
        try {
          await this.#checkpoints.write(active);
        } catch (error) {
          active.run.status = 'waiting';
          active.run.waiting = wait;
          active.cursor = undefined;
          this.#arm(active);
          return reject(error);
        }
        resolve(true);
        this.updates.emit(active);
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
    this.#setEnded(active, status, error, output);
    try {
      await this.#checkpoints.write(active);
    } catch (failure) {
      // Not marked ended as it was: whoever waits for it hears the failure, not a result
      // that is on no disk ("respond when the flow finishes" must not answer 200 for it).
      return this.#endAfterFailure(active, failure);
    }
    this.#ended(active);
  }

  /**
   * Ends a run that could not go on: failed, with the reason, recorded if at all possible
   * and otherwise kept in memory (run-failure.ts). Never throws.
   */
  async #endAfterFailure(active: ActiveRun, failure: unknown): Promise<void> {
    const { logger } = this.options;
    const error = failureMessage(failure);
    this.#setEnded(active, 'failed', error);
    logger.error('a run ended as failed: it could not be recorded or went wrong', {
      runId: active.id,
      error,
    });
    if (failure instanceof RunNotRecorded && failure.unencodable) {
      dropUnencodable(active.run);
      active.release();
    }
    try {
      await this.#checkpoints.write(active, true);
    } catch (second) {
      logger.error('the failed run could not be recorded either; it is kept in memory', {
        runId: active.id,
        error: second instanceof Error ? second.message : String(second),
      });
      this.runs.unrecorded.add(active.snapshot());
    } finally {
      this.#ended(active);
    }
  }

  #setEnded(
    active: ActiveRun,
    status: 'completed' | 'failed',
    error?: string,
    output?: Record<string, unknown>,
  ): void {
    const run = active.run;
    run.status = status;
    run.endedAt = this.#now().toISOString();
    if (error !== undefined) run.error = error;
    if (output !== undefined) run.output = output;
    active.markEndNode();
    delete run.waiting;
    active.cursor = undefined;
    active.dirty = true;
  }

  /** The run has ended: out of memory, its waiters told, its listeners too. */
  #ended(active: ActiveRun): void {
    this.runs.remove(active);
    active.markEnded();
    this.updates.emit(active);
  }

  #arm(active: ActiveRun): void {
    this.runs.arm(active, (event) => {
      void this.resume(active, event).catch((error: unknown) => this.#lost(active, error));
    });
  }

  #lost(active: ActiveRun, error: unknown): void {
    this.options.logger.error('a waiting run could not be resumed', {
      runId: active.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
