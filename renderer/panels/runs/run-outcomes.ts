// The runs list's outcome filter. Each outcome is a query the runtime answers (status, or
// chat steps skipped), so paging stays right: a page is full of matching runs, never a
// page of all runs filtered down in the browser. ("Running" is left out: a run is running
// for moments, between its waits.)
import type { RunStatus } from '../../../runtime/shared/run';

export interface RunOutcomeQuery {
  status?: RunStatus;
  chatSkipped?: boolean;
}

export const RUN_OUTCOMES = [
  { value: 'all', label: 'All runs', query: {}, none: 'No runs yet' },
  {
    value: 'completed',
    label: 'Completed',
    query: { status: 'completed' },
    none: 'No completed runs',
  },
  { value: 'failed', label: 'Failed', query: { status: 'failed' }, none: 'No failed runs' },
  { value: 'waiting', label: 'Waiting', query: { status: 'waiting' }, none: 'No waiting runs' },
  {
    value: 'chat-skipped',
    label: 'Chat steps skipped',
    query: { chatSkipped: true },
    none: 'No run skipped a chat step',
  },
] as const satisfies readonly {
  value: string;
  label: string;
  query: RunOutcomeQuery;
  none: string;
}[];

export type RunOutcome = (typeof RUN_OUTCOMES)[number]['value'];

export function outcomeOf(value: RunOutcome): (typeof RUN_OUTCOMES)[number] {
  return RUN_OUTCOMES.find((outcome) => outcome.value === value) ?? RUN_OUTCOMES[0];
}
