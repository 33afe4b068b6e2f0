// The open flow's runs, newest first: status, trigger, version, start and duration (live
// while the run goes on). Older pages load on demand.
import type { RunSummary } from '../../../runtime/shared/run';
import { useRuns } from '../../store/runs-store';
import { Spinner } from '../../ui/icons';
import {
  formatDuration,
  formatStarted,
  isLive,
  runDuration,
  triggerText,
  versionText,
} from './run-format';
import { RunStatusBadge } from './RunStatusBadge';
import { useNow } from './use-now';

export function RunList() {
  const runs = useRuns((state) => state.runs);
  const loaded = useRuns((state) => state.loaded);
  const error = useRuns((state) => state.error);
  const next = useRuns((state) => state.next);
  const loadingMore = useRuns((state) => state.loadingMore);
  const loadMore = useRuns((state) => state.loadMore);
  const refresh = useRuns((state) => state.refresh);
  const selectedId = useRuns((state) => state.selectedId);
  const select = useRuns((state) => state.select);
  const now = useNow(runs.some((run) => isLive(run.status)));

  return (
    <div className="run-list-wrap">
      {error && (
        <p className="error run-list-error" role="alert">
          Could not load the runs: {error}{' '}
          <button type="button" className="link" onClick={() => void refresh()}>
            Retry
          </button>
        </p>
      )}
      {!loaded && !error ? (
        <p className="muted run-list-note" role="status">
          <Spinner /> Loading runs…
        </p>
      ) : loaded && runs.length === 0 ? (
        <p className="muted run-list-note" data-testid="runs-empty">
          No runs yet. Press Run now, talk to the flow in Test chat, or call its webhook once it is
          published.
        </p>
      ) : (
        <ol className="run-list" aria-label="Runs, newest first" data-testid="run-list">
          {runs.map((run) => (
            <li key={run.id}>
              <RunRow
                run={run}
                now={now}
                selected={run.id === selectedId}
                onSelect={() => void select(run.id)}
              />
            </li>
          ))}
        </ol>
      )}
      {next && (
        <button
          type="button"
          className="run-list-more"
          data-testid="runs-load-more"
          disabled={loadingMore}
          onClick={() => void loadMore()}
        >
          {loadingMore ? (
            <>
              <Spinner /> Loading…
            </>
          ) : (
            'Load more'
          )}
        </button>
      )}
    </div>
  );
}

function RunRow({
  run,
  now,
  selected,
  onSelect,
}: {
  run: RunSummary;
  now: number;
  selected: boolean;
  onSelect: () => void;
}) {
  const duration = formatDuration(runDuration(run, now));
  return (
    <button
      type="button"
      className={`run-row${selected ? ' is-selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-testid="run-row"
      data-run-id={run.id}
      data-status={run.status}
      onClick={onSelect}
    >
      <span className="run-row-line">
        <RunStatusBadge status={run.status} />
        <span className="run-row-trigger">{triggerText(run.trigger.type)}</span>
        <span className="run-version">{versionText(run.flowVersion)}</span>
      </span>
      <span className="run-row-line muted">
        <time dateTime={run.startedAt} title={new Date(run.startedAt).toLocaleString()}>
          {formatStarted(run.startedAt, now)}
        </time>
        <span aria-label={`Duration ${duration}`}>
          {isLive(run.status) ? `${duration} so far` : duration}
        </span>
        <span>
          {run.stepCount} {run.stepCount === 1 ? 'step' : 'steps'}
        </span>
      </span>
    </button>
  );
}
