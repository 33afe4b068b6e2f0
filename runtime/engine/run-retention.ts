// Keeping long waits clear of retention. Retention drops the oldest runs' records (by count
// of runs and by age); a run waiting long enough for its records to get near that edge is
// written again as one full record (compaction), so a 30-day Delay survives any retention
// settings and busy days. This file counts what that edge is measured in and decides when.
import type { Logger } from '../logger';
import type { Settings } from '../shared/settings';
import type { ActiveRun } from './active-run';
import type { RunRecord } from './run-record';
import type { RunState } from './run-state';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often waiting runs are checked against retention (also on open and every N appends). */
const KEEP_ALIVE_MS = 60 * 60 * 1000;
/** Waiting runs are also checked against retention every this many appends. */
const KEEP_ALIVE_EVERY = 256;

export interface RunRetentionDeps {
  settings: () => Settings;
  logger: Logger;
  now: () => Date;
  /** The runs in memory; the waiting ones are checked. */
  runs: Pick<RunState, 'values'>;
  /** Writes the waiting run again as one full record. */
  compact: (active: ActiveRun) => Promise<void>;
}

export class RunRetention {
  /** Records appended since open. */
  #appends = 0;
  /** Runs whose first record was written since open: the distance retention counts in. */
  #runsStarted = 0;
  /**
   * How many runs had started when a waiting run's latest record was written. Kept only
   * for records of waiting runs (only those are checked), so a run that never waits costs
   * nothing here; a run brought back by recovery counts from 0, as since open.
   */
  readonly #runsAtRecord = new WeakMap<ActiveRun, number>();

  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: RunRetentionDeps) {}

  /** Checks the waits now (the engine has just recovered its runs), then hourly. */
  async open(): Promise<void> {
    await this.keepWaitsAlive();
    this.#timer = setInterval(() => void this.keepWaitsAlive(), KEEP_ALIVE_MS);
    this.#timer.unref();
  }

  /** No more hourly checks (Hookflow is stopping). */
  close(): void {
    clearInterval(this.#timer);
  }

  /** This record of `active` is durable; checks the waits when that is due. */
  recorded(active: ActiveRun, record: Pick<RunRecord, 'seq' | 'status'>): void {
    this.#appends += 1;
    const started = record.seq === 0;
    if (started) this.#runsStarted += 1;
    if (record.status === 'waiting') this.#runsAtRecord.set(active, this.#runsStarted);
    // Also after every quarter of the retained runs: with a small retention a burst of runs
    // must not push a waiting run out between two regular checks.
    const everyRuns = Math.max(1, Math.floor(this.deps.settings().runs.retentionCount / 4));
    const due =
      this.#appends % KEEP_ALIVE_EVERY === 0 || (started && this.#runsStarted % everyRuns === 0);
    if (due) void this.keepWaitsAlive();
  }

  /** Compacts every waiting run whose records are halfway to retention's edge. */
  async keepWaitsAlive(): Promise<void> {
    const { retentionCount, retentionDays } = this.deps.settings().runs;
    const maxAgeMs = (retentionDays * DAY_MS) / 2;
    const maxRunsSince = retentionCount / 2;
    const now = this.deps.now().getTime();
    try {
      for (const active of this.deps.runs.values()) {
        if (active.run.status !== 'waiting') continue;
        const old =
          now - active.checkpointedAt > maxAgeMs ||
          this.#runsStarted - (this.#runsAtRecord.get(active) ?? 0) > maxRunsSince;
        if (!old) continue;
        await active.exclusive(async () => {
          if (active.run.status === 'waiting') await this.deps.compact(active);
        });
      }
    } catch (error) {
      this.deps.logger.warn('could not refresh waiting runs in the run log', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
