// The open flow's runs, newest first: status, trigger, version, the branches taken and
// where it ended (so runs tell apart), chat steps a headless run skipped, start and
// duration (live while the run goes on). Filtered by outcome on the runtime; older pages
// load on demand.
import type { RunSummary } from '../../../runtime/shared/run';
import { useEditor } from '../../store/editor-store';
import { useNodeNames } from '../../store/node-names';
import { useRuns } from '../../store/runs-store';
import { Spinner, WarningIcon } from '../../ui/icons';
import {
  chatSkippedText,
  formatDuration,
  formatStarted,
  isLive,
  routeText,
  runDuration,
  triggerText,
  versionText,
} from './run-format';
import { outcomeOf, RUN_OUTCOMES, type RunOutcome } from './run-outcomes';
import { RunStatusBadge } from './RunStatusBadge';
import { useNow } from './use-now';

/** Names runs' nodes: from the canvas (a waiting run's node), by type for branches. */
function useRouteNames() {
  const nodes = useEditor((state) => state.nodes);
  const names = useNodeNames();
  return {
    typeOf: (nodeId: string) => nodes.find((node) => node.id === nodeId)?.type,
    nameOf: (nodeId: string) => names.get(nodeId),
  };
}

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
  const outcome = useRuns((state) => state.outcome);
  const setOutcome = useRuns((state) => state.setOutcome);
  const now = useNow(runs.some((run) => isLive(run.status)));
  const names = useRouteNames();

  return (
    <div className="run-list-wrap">
      <OutcomeFilter value={outcome} onChange={(value) => void setOutcome(value)} />
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
      ) : loaded && runs.length === 0 && outcome !== 'all' ? (
        <p className="muted run-list-note" data-testid="runs-empty" data-outcome={outcome}>
          {outcomeOf(outcome).none}.{' '}
          <button type="button" className="link" onClick={() => void setOutcome('all')}>
            Show all runs
          </button>
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
                route={routeText(run, names.typeOf, names.nameOf)}
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

function OutcomeFilter({
  value,
  onChange,
}: {
  value: RunOutcome;
  onChange: (value: RunOutcome) => void;
}) {
  return (
    <div className="run-filter">
      <label htmlFor="runs-outcome">Show</label>
      <select
        id="runs-outcome"
        data-testid="runs-outcome"
        value={value}
        onChange={(event) => {
          const chosen = RUN_OUTCOMES.find((item) => item.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {RUN_OUTCOMES.map((item) => (
          <option key={item.value} value={item.value}>
            {item.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function RunRow({
  run,
  route,
  now,
  selected,
  onSelect,
}: {
  run: RunSummary;
  route: string;
  now: number;
  selected: boolean;
  onSelect: () => void;
}) {
  const duration = formatDuration(runDuration(run, now));
  const skipped = run.chatSkipped ?? 0;
  return (
    <button
      type="button"
      className={`run-row${selected ? ' is-selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-testid="run-row"
      data-run-id={run.id}
      data-status={run.status}
      data-chat-skipped={skipped > 0 ? skipped : undefined}
      onClick={onSelect}
    >
      <span className="run-row-line">
        <RunStatusBadge status={run.status} />
        <span className="run-row-trigger">{triggerText(run.trigger.type)}</span>
        <span className="run-version">{versionText(run.flowVersion)}</span>
      </span>
      {route && (
        <span className="run-row-line run-row-route" data-testid="run-row-route" title={route}>
          {route}
        </span>
      )}
      {skipped > 0 && (
        <span
          className="run-row-line run-chat-skipped"
          data-testid="run-row-chat-skipped"
          title="This run had no chat (headless): nodes that talk to a person were skipped"
        >
          <WarningIcon /> {chatSkippedText(skipped)}
        </span>
      )}
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
