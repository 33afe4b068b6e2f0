import type { RunStatus } from '../../../runtime/shared/run';
import { STATUS_TEXT } from './run-format';

/** A run's status in color and in words (color alone says nothing to everyone). */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`run-status status-${status}`} data-testid="run-status" data-status={status}>
      <span className="run-status-dot" aria-hidden />
      {STATUS_TEXT[status]}
    </span>
  );
}
