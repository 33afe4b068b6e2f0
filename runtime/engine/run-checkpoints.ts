// Writing a run's checkpoints to the run log (durability.ts says when), and keeping long
// waits clear of retention. A checkpoint that fails throws RunNotRecorded; the driver then
// ends the run as failed (run-failure.ts).
import { runHasEnded } from '../shared/run';
import type { Settings } from '../shared/settings';
import type { Logger } from '../logger';
import type { ActiveRun } from './active-run';
import { RunNotRecorded } from './run-failure';
import type { RunLog } from './run-log';
import type { RunState } from './run-state';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Waiting runs are also checked against retention every this many appends. */
const KEEP_ALIVE_EVERY = 256;

export interface RunCheckpointsDeps {
  log: RunLog;
  settings: () => Settings;
  logger: Logger;
  now: () => Date;
  /** The runs in memory (running or waiting). */
  active: Pick<RunState, 'values'>;
}

export class RunCheckpoints {
  /** Records appended since open (the retention keep-alive measures by it). */
  #appends = 0;
  /** Runs whose first record was written here: the distance retention counts in. */
  #runsStarted = 0;

  constructor(private readonly deps: RunCheckpointsDeps) {}

  /** Appends the run's record and waits until it is durable; throws RunNotRecorded. */
  async write(active: ActiveRun, full?: boolean): Promise<void> {
    const record = active.record(this.deps.now().toISOString(), full);
    const { seq, baseSeq, stepCount, at } = record;
    // The log serializes the record before this returns and keeps only the text: an ended
    // run now needs nothing but its status while the write lands (ActiveRun.release).
    const written = this.deps.log.append(record);
    if (runHasEnded(active.run.status)) active.release();
    try {
      await written;
    } catch (error) {
      throw new RunNotRecorded(error);
    }
    this.#appends += 1;
    const started = seq === 0;
    if (started) this.#runsStarted += 1;
    active.saved({ seq, baseSeq, stepCount, at }, this.#runsStarted);
    // Also after every quarter of the retained runs: with a small retention a burst of runs
    // must not push a waiting run out between two regular checks.
    const everyRuns = Math.max(1, Math.floor(this.deps.settings().runs.retentionCount / 4));
    const due =
      this.#appends % KEEP_ALIVE_EVERY === 0 || (started && this.#runsStarted % everyRuns === 0);
    if (due) void this.keepWaitsAlive();
  }

  async writeIfDirty(active: ActiveRun): Promise<void> {
    if (active.dirty) await this.write(active);
  }

  /**
   * Retention drops the oldest runs' records (by count of runs and by age). A run waiting
   * long enough for its records to get near that edge is written again as one full record
   * (compaction), so a 30-day Delay survives any retention settings and busy days.
   */
  async keepWaitsAlive(): Promise<void> {
    const { retentionCount, retentionDays } = this.deps.settings().runs;
    const maxAgeMs = (retentionDays * DAY_MS) / 2;
    const maxRunsSince = retentionCount / 2;
    const now = this.deps.now().getTime();
    try {
      for (const active of this.deps.active.values()) {
        const old =
          now - active.checkpointedAt > maxAgeMs ||
          this.#runsStarted - active.checkpointRuns > maxRunsSince;
        if (active.run.status !== 'waiting' || !old) continue;
        await active.exclusive(async () => {
          if (active.run.status === 'waiting') await this.write(active, true);
        });
      }
    } catch (error) {
      this.deps.logger.warn('could not refresh waiting runs in the run log', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
