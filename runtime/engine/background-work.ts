// Work a node hands off so its run can go on at once (the HTTP Request node's asynchronous
// mode, seed 002): the run continues, the work finishes in the background, and what it
// produced is added to the run's record as a step of its own — never into variables the
// run has already moved past. Bounded per runtime: at the cap a node is refused (it logs
// the refusal) instead of queueing without end. Stopping aborts what is in flight and
// records that, before the run log closes. After a crash nothing here is redone: the run
// recorded that the work was queued, and at-most-once is what a background call promises.
import type { Logger } from '../logger';
import type { RunStep, StepOutput } from '../shared/run';

/** What a finished job adds to the run: its step's output, and an error when it failed. */
export interface LateStep {
  output?: StepOutput;
  error?: string;
  warnings?: string[];
}

export interface BackgroundJob {
  nodeId: string;
  nodeType: string;
  run(signal: AbortSignal): Promise<LateStep>;
}

/** What executors see (ctx.services.background). */
export interface BackgroundWork {
  /** False when the runtime already has its cap of jobs in flight (or is stopping). */
  start(runId: string, job: BackgroundJob): boolean;
}

/** Until the engine passes its own: nothing runs in the background. */
export const noBackground: BackgroundWork = { start: () => false };

export interface BackgroundJobsOptions {
  limit: () => number;
  /** Adds the step to the run's record (Engine: in memory and durably, or after its end). */
  record: (runId: string, step: RunStep) => Promise<void>;
  logger: Logger;
  now: () => Date;
}

export class BackgroundJobs implements BackgroundWork {
  readonly #running = new Map<Promise<void>, AbortController>();
  #closed = false;

  constructor(private readonly options: BackgroundJobsOptions) {}

  get inFlight(): number {
    return this.#running.size;
  }

  start(runId: string, job: BackgroundJob): boolean {
    if (this.#closed || this.#running.size >= this.options.limit()) return false;
    const controller = new AbortController();
    const startedAt = this.options.now().toISOString();
    const done: Promise<void> = (async () => {
      let late: LateStep;
      try {
        late = await job.run(controller.signal);
      } catch (error) {
        late = { error: error instanceof Error ? error.message : String(error) };
      }
      const step: RunStep = {
        nodeId: job.nodeId,
        nodeType: job.nodeType,
        startedAt,
        endedAt: this.options.now().toISOString(),
      };
      if (late.output) step.output = late.output;
      if (late.error !== undefined) step.error = late.error;
      if (late.warnings && late.warnings.length > 0) step.warnings = late.warnings;
      try {
        await this.options.record(runId, step);
      } catch (error) {
        this.options.logger.error('a background step could not be added to its run', {
          runId,
          nodeId: job.nodeId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    })().finally(() => this.#running.delete(done));
    this.#running.set(done, controller);
    return true;
  }

  /** Refuses new jobs, aborts those in flight and waits until each is recorded. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const controller of this.#running.values()) controller.abort();
    await Promise.all(this.#running.keys());
  }
}
