// Runs that ended but whose final record could not be written even as a failure (see
// run-failure.ts): kept in memory so the API still answers them — failed, with the reason —
// instead of 404. Bounded: a disk that stays broken under load must not grow this forever.
import type { Run, RunSummary } from '../shared/run';

const MAX_KEPT = 1000;

export class UnrecordedRuns {
  readonly #runs = new Map<string, Run>();

  add(run: Run): void {
    this.#runs.delete(run.id);
    this.#runs.set(run.id, run);
    if (this.#runs.size > MAX_KEPT) {
      const oldest = this.#runs.keys().next();
      if (!oldest.done) this.#runs.delete(oldest.value);
    }
  }

  /** A copy the caller may keep. */
  get(id: string): Run | undefined {
    const run = this.#runs.get(id);
    return run && structuredClone(run);
  }

  summary(id: string): RunSummary | undefined {
    const run = this.#runs.get(id);
    if (!run) return undefined;
    const { steps, ...rest } = run;
    return structuredClone({ ...rest, stepCount: steps.length });
  }

  summaries(): RunSummary[] {
    return [...this.#runs.keys()].flatMap((id) => this.summary(id) ?? []);
  }
}
