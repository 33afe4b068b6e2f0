// Writing a run's checkpoints to the run log (durability.ts says when; run-retention.ts
// keeps long waits clear of retention). A checkpoint that fails throws RunNotRecorded; the
// driver then ends the run as failed (run-failure.ts).
import { runHasEnded } from '../shared/run';
import type { ActiveRun } from './active-run';
import { RunNotRecorded } from './run-failure';
import type { RunStore } from './run-store';
import type { RunRetention } from './run-retention';

export interface RunCheckpointsDeps {
  log: RunStore;
  now: () => Date;
  /** Told of every durable record (it counts what retention measures in). */
  retention: Pick<RunRetention, 'recorded'>;
}

export class RunCheckpoints {
  constructor(private readonly deps: RunCheckpointsDeps) {}

  /** Appends the run's record and waits until it is durable; throws RunNotRecorded. */
  async write(active: ActiveRun, full?: boolean): Promise<void> {
    const record = active.record(this.deps.now().toISOString(), full);
    const { seq, baseSeq, stepCount, at, status } = record;
    // The log serializes the record before this returns and keeps only the text: an ended
    // run now needs nothing but its status while the write lands (ActiveRun.release).
    const written = this.deps.log.append(record);
    if (runHasEnded(active.run.status)) active.release();
    try {
      await written;
    } catch (error) {
      throw new RunNotRecorded(error);
    }
    const point = { seq, baseSeq, stepCount, at, status };
    active.saved(point);
    this.deps.retention.recorded(active, point);
  }

  async writeIfDirty(active: ActiveRun): Promise<void> {
    if (active.dirty) await this.write(active);
  }
}
