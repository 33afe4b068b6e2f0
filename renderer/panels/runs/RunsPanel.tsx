// The Runs tab: "Run now" (published or draft), the open flow's runs newest first, and the
// selected run's detail. While the tab is visible the list refreshes every few seconds.
import { useEffect } from 'react';
import { ProblemRow } from '../../canvas/ProblemsPanel';
import { useRevealProblem } from '../../canvas/use-reveal-problem';
import { useRuns } from '../../store/runs-store';
import { CrossIcon, PlayIcon, Spinner } from '../../ui/icons';
import { useVersionChoice, VersionPicker } from '../dock/VersionPicker';
import { RunDetail } from './RunDetail';
import { RunList } from './RunList';

/** How often the visible list asks for news. */
export const RUNS_POLL_MS = 2_500;

function useRunsPolling(): void {
  const refresh = useRuns((state) => state.refresh);
  const flowId = useRuns((state) => state.flowId);
  useEffect(() => {
    if (!flowId) return;
    void refresh();
    const timer = setInterval(() => {
      // A hidden window needs no fresh list; it catches up when shown again.
      if (document.visibilityState === 'visible') void refresh();
    }, RUNS_POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [flowId, refresh]);
}

export function RunsPanel() {
  useRunsPolling();
  const selectedId = useRuns((state) => state.selectedId);
  return (
    <div className="runs-panel" data-testid="runs-panel">
      <div className="runs-column">
        <RunNow />
        <RunList />
      </div>
      <div className="run-detail-column">
        {selectedId ? (
          <RunDetail />
        ) : (
          <p className="muted run-detail-empty">
            Select a run to see the path it took on the canvas, step by step.
          </p>
        )}
      </div>
    </div>
  );
}

function RunNow() {
  const [choice, setChoice] = useVersionChoice();
  const runNow = useRuns((state) => state.runNow);
  const starting = useRuns((state) => state.starting);
  const startError = useRuns((state) => state.startError);
  const startProblems = useRuns((state) => state.startProblems);
  const dismiss = useRuns((state) => state.dismissStartProblems);
  const reveal = useRevealProblem();
  return (
    <div className="run-now">
      <div className="run-now-row">
        <VersionPicker
          id="run-now-version"
          value={choice}
          onChange={setChoice}
          disabled={starting}
          testId="run-now-version"
        />
        <button
          type="button"
          className="primary"
          data-testid="run-now"
          disabled={starting}
          title="Start a run without a chat: nodes that talk to a person are skipped"
          onClick={() => void runNow(choice === 'draft')}
        >
          {starting ? <Spinner /> : <PlayIcon />} {starting ? 'Starting…' : 'Run now'}
        </button>
      </div>
      {startError && (
        <div className="run-now-error" role="alert" data-testid="run-now-error">
          <p>
            <span className="error">Could not start a run: {startError}</span>
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={() => dismiss()}
            >
              <CrossIcon />
            </button>
          </p>
          {startProblems.length > 0 && (
            <ul className="problems-list">
              {startProblems.map((problem, index) => (
                <li key={index}>
                  <ProblemRow problem={problem} onReveal={reveal} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
