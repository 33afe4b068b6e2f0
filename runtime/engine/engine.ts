// The flow engine: starts runs, drives them node by node, parks them while they wait,
// resumes them when their event comes, and records them durably (see durability.ts).
// Transport-free: the admin API, the test chat and the webhook ingress all call this.
// This class is the public face; run-driver.ts holds the machinery.
import type { WaitTarget } from './wait-registry';
import { explainMissedWait, type MissedWait } from './missed-wait';
import {
  RUN_ID_PATTERN,
  runHasEnded,
  type ResumeEvent,
  type Run,
  type RunPage,
  type RunStatus,
  type WaitSpec,
  type RunSummary,
} from '../shared/run';
import { newRunId } from './durability';
import { beforeDeadline, EngineError } from './engine-support';
import { GraphStore } from './graph-store';
import { recoverRuns } from './recovery';
import type { EngineOptions, RunUpdate, StartRunOptions } from './engine-options';
import type { ActiveRun } from './active-run';
import { RunDriver } from './run-driver';
import { RunLog } from './run-log';
import type { RunQuery, RunStore } from './run-store';
import { RunState } from './run-state';

export { EngineError };
export type { EngineOptions, RunUpdate, StartRunOptions };

const STOP_GRACE_MS = 5_000;

export class Engine {
  private constructor(
    private readonly driver: RunDriver,
    private readonly log: RunStore,
    private readonly runs: RunState,
  ) {}

  /** Opens the run log and brings back every run that was waiting or running. */
  static async open(options: EngineOptions): Promise<Engine> {
    const settings = () => options.settings().runs;
    const { runs: log, graphs } = options.storage
      ? await options.storage({ settings, logger: options.logger, problems: options.problems })
      : {
          runs: await RunLog.open(options.dataDir, settings, options.logger, options.problems),
          graphs: await GraphStore.open(options.dataDir),
        };
    const runs = new RunState();
    const driver = new RunDriver(options, log, graphs, runs);
    await recoverRuns({
      log,
      graphs,
      channels: new Map((options.channels ?? []).map((channel) => [channel.name, channel])),
      logger: options.logger,
      now: options.now ?? (() => new Date()),
      adopt: (active) => driver.adopt(active),
    });
    const engine = new Engine(driver, log, runs);
    await driver.retention.open();
    return engine;
  }

  /**
   * Starts a run; resolves once its start is durably recorded (it then runs on its own),
   * with a copy of the run as it started. Exactly once per `runId`: a second start of a
   * known run is that run. `{ snapshot: false }` resolves without the copy, the one per-run
   * cost that buys nothing where the answer was already sent (webhooks, `bench:webhook`).
   */
  startRun(options: StartRunOptions): Promise<Run>;
  startRun(options: StartRunOptions & { runId: string; snapshot: false }): Promise<undefined>;
  async startRun(options: StartRunOptions & { snapshot?: false }): Promise<Run | undefined> {
    const copy = options.snapshot !== false;
    const runId = options.runId ?? newRunId();
    if (options.runId !== undefined) {
      assertRunId(runId);
      if (this.runStatus(runId) !== undefined) {
        if (!copy) return undefined;
        const existing = await this.getRun(runId);
        if (existing) return existing;
      }
    }
    const started = await this.driver.start({ ...options, runId, copy });
    return copy ? this.#started(started) : undefined;
  }

  #started(run: Run | undefined): Run {
    if (!run) throw new Error('The engine did not return the started run');
    return run;
  }

  /**
   * The run once it has completed or failed, following Jumps into other flows; undefined
   * when it is unknown or still going after `timeoutMs`.
   */
  async waitForRun(runId: string, timeoutMs: number): Promise<Run | undefined> {
    const deadline = Date.now() + timeoutMs;
    let id = runId;
    for (;;) {
      const active = this.runs.get(id);
      const run = active
        ? await beforeDeadline(active.ended(), deadline)
        : (this.runs.unrecorded.get(id) ?? (await this.log.read(id)));
      if (!run || run.status === 'running' || run.status === 'waiting') return undefined;
      if (!run.jumpedTo) return run;
      id = run.jumpedTo.runId;
    }
  }

  /** The run's status now, without reading the disk. */
  runStatus(id: string): RunStatus | undefined {
    return (
      this.runs.get(id)?.run.status ??
      this.runs.unrecorded.summary(id)?.status ??
      this.log.latest(id)?.status
    );
  }

  /** What the run waits for now (in memory), if it is waiting. */
  waitOf(id: string): WaitSpec | undefined {
    return this.runs.get(id)?.run.waiting;
  }

  async getRun(id: string): Promise<Run | undefined> {
    return (
      this.runs.get(id)?.snapshot() ?? this.runs.unrecorded.get(id) ?? (await this.log.read(id))
    );
  }

  listRuns(query: RunQuery): Promise<RunPage> {
    // Records lag behind runs between checkpoints; for runs in memory, memory is the truth.
    const unrecorded: RunSummary[] = [];
    for (const active of this.runs.values()) {
      if (this.log.latest(active.id) === undefined) unrecorded.push(summaryOf(active));
    }
    // Runs whose end could not be written (run-failure.ts): memory is all there is.
    for (const run of this.runs.unrecorded.summaries()) {
      if (this.log.latest(run.id) === undefined) unrecorded.push(run);
    }
    return this.log.page(
      query,
      (id) => {
        const active = this.runs.get(id);
        return active ? summaryOf(active) : this.runs.unrecorded.summary(id);
      },
      unrecorded,
    );
  }

  /** The run (and its wait) that an event for this target would resume, newest first. */
  waitingFor(target: WaitTarget): { runId: string; wait: WaitSpec } | undefined {
    const [active] = this.runs.waitingFor(target);
    const wait = active?.run.waiting;
    return active && wait ? { runId: active.id, wait } : undefined;
  }

  /**
   * Resumes the newest run waiting for this event. Resolves once the event is durably
   * recorded with the run (so the sender may be told "accepted"), with that run's id, or
   * undefined when no run waits for it.
   */
  async resumeWait(target: WaitTarget, event: ResumeEvent): Promise<string | undefined> {
    if (this.runs.stopping) throw new EngineError('stopping', 'Hookflow is stopping');
    for (const active of this.runs.waitingFor(target)) {
      if (await this.driver.resume(active, event)) return active.id;
    }
    return undefined;
  }

  /**
   * Why no run waits for this key at this resume endpoint (missed-wait.ts): never issued
   * for it, its wait ended (and how), or its run has not reached the wait yet.
   */
  missedWait(flowId: string, nodeId: string, key: string): Promise<MissedWait> {
    return explainMissedWait(this.driver.resumeKeys, (id) => this.getRun(id), {
      flowId,
      nodeId,
      key,
    });
  }

  /**
   * Resolves true once run `runId` waits for `target`, false when it ends first, the
   * engine stops, or `timeoutMs` passes (a callback that came before its run got there).
   */
  whenWaiting(target: WaitTarget, runId: string, timeoutMs: number): Promise<boolean> {
    const waits = () => this.runs.waitingFor(target).some((active) => active.id === runId);
    if (waits()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (answer: boolean) => {
        clearTimeout(timer);
        off();
        resolve(answer);
      };
      const timer = setTimeout(() => done(false), timeoutMs).unref();
      // Updates are emitted after a wait is armed, so `waits()` sees it then.
      const off = this.onUpdate((update) => {
        if (update.runId !== runId) return;
        if (waits()) done(true);
        else if (runHasEnded(update.status) || this.runs.stopping) done(false);
      });
    });
  }

  /** Stops a running or waiting run; it ends as failed with "Cancelled". */
  async cancel(id: string): Promise<Run> {
    const active = this.runs.get(id);
    if (!active) {
      const run = await this.getRun(id);
      if (!run) throw new EngineError('not_found', `No run with id "${id}"`);
      throw new EngineError('finished', `The run has already ${run.status}`);
    }
    active.cancel();
    await active.exclusive(async () => {
      if (this.runs.holds(active)) {
        await this.driver.finish(active, 'failed', 'Cancelled');
      }
    });
    return active.snapshot();
  }

  onUpdate(listener: (update: RunUpdate) => void): () => void {
    this.driver.updates.listeners.add(listener);
    return () => this.driver.updates.listeners.delete(listener);
  }

  /**
   * Graceful stop: no new runs or events; running runs stop at their next step boundary
   * and checkpoint there (resumed on the next start); waits are already stored.
   */
  async stop(): Promise<void> {
    if (!this.runs.stop()) return;
    this.driver.retention.close();
    // Background requests are aborted and their outcome recorded while the log is open.
    await this.driver.background.close();
    const runs = () => [...this.runs.values()];
    const idle = () => Promise.all(runs().map((run) => run.exclusive(async () => {})));
    if (!(await beforeDeadline(idle(), Date.now() + STOP_GRACE_MS))) {
      // A node still busy after the grace period (a slow send) is told to give up.
      for (const run of runs()) run.cancel();
      await beforeDeadline(idle(), Date.now() + 1_000);
    }
    await this.log.close();
  }
}

function assertRunId(runId: string): void {
  if (!RUN_ID_PATTERN.test(runId)) {
    throw new EngineError('invalid_trigger', `"${runId}" is not a run id`);
  }
}

function summaryOf(active: ActiveRun): RunSummary {
  const { steps, ...rest } = active.run;
  return structuredClone({ ...rest, stepCount: steps.length });
}
