// A run that cannot be recorded is never forgotten: it ends failed with the reason. Its
// record failed for one of two reasons, and each gets its own remedy:
//   - the record cannot be written as JSON (RecordEncodingError: something in its variables,
//     output or a step's input or output nests too deep, is cyclic…): it never will, so the failed record is
//     written without them;
//   - the write failed (disk full, folder gone): the failed record is tried once more as is.
// If even that cannot be written, the run is kept in memory (UnrecordedRuns) and the API
// shows it failed until Hookflow restarts; a webhook run is then started again from its
// recorded call, a run with earlier records resumes from its last one (durability.ts).
import { RecordEncodingError } from '../store/jsonl-log';
import type { Run } from '../shared/run';

/** What broke a run: a checkpoint that failed, or anything else the step loop threw. */
export class RunNotRecorded extends Error {
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure), { cause: failure });
    this.name = 'RunNotRecorded';
  }

  get unencodable(): boolean {
    return this.failure instanceof RecordEncodingError;
  }
}

/** The run's `error` when it ends because of `failure`. */
export function failureMessage(failure: unknown): string {
  if (failure instanceof RunNotRecorded) {
    return failure.unencodable
      ? `Hookflow could not record this run: ${failure.message}. Its variables, output and ` +
          'input were left out of the record.'
      : `Hookflow could not record this run (${failure.message}).`;
  }
  const reason = failure instanceof Error ? failure.message : String(failure);
  return `The run stopped on an unexpected error: ${reason}`;
}

/** Drops from an ended run whatever could have made its record unencodable. */
export function dropUnencodable(run: Run): void {
  run.variables = {};
  delete run.output;
  delete run.waiting;
  for (const step of run.steps) {
    delete step.input;
    delete step.output;
  }
}
