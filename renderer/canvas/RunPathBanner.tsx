// Over the canvas while a run's path is drawn on it: which run it is, and how to clear it
// (the highlight stays when the Runs tab is hidden, so it must be clearable from here).
import { useDock } from '../store/dock-store';
import { useRuns } from '../store/runs-store';
import { STATUS_TEXT } from '../panels/runs/run-format';
import { CrossIcon } from '../ui/icons';

export function RunPathBanner() {
  const run = useRuns((state) => (state.path ? state.detail : undefined));
  const close = useRuns((state) => state.close);
  const onRunsTab = useDock((state) => state.open && state.tab === 'runs');
  if (!run) return null;
  return (
    <div className={`run-path-banner status-${run.status}`} data-testid="run-path-banner">
      <span title={`Run ${run.id}`}>
        Run path · {STATUS_TEXT[run.status]} · {run.steps.length}{' '}
        {run.steps.length === 1 ? 'step' : 'steps'}
      </span>
      {!onRunsTab && (
        <button type="button" className="link" onClick={() => useDock.getState().show('runs')}>
          Show
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label="Clear the run's path"
        title="Clear the run's path"
        data-testid="run-path-clear"
        onClick={close}
      >
        <CrossIcon />
      </button>
    </div>
  );
}
