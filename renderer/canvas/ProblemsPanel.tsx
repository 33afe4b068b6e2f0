// The problems panel (the dock's Problems tab): every problem the runtime found in the
// saved draft (what Publish would refuse, and warnings), each a button that goes to its
// node. The publish store decides when it opens (panelFlowId); the dock shows it.
import type { GraphProblem } from '../../runtime/shared/publishing';
import { countProblems, problemCountText } from '../store/problems';
import { usePublish } from '../store/publish-store';
import { ErrorIcon, Spinner, WarningIcon } from '../ui/icons';
import { useRevealProblem } from './use-reveal-problem';

export function ProblemsPanel() {
  const problems = usePublish((state) => state.problems);
  const checking = usePublish((state) => state.checking);
  const checkError = usePublish((state) => state.checkError);
  const checkNow = usePublish((state) => state.checkNow);
  const reveal = useRevealProblem();
  const counts = countProblems(problems);
  return (
    <section className="problems-panel" aria-label="Problems" data-testid="problems-panel">
      <header>
        <span className="muted" role="status">
          {checking ? (
            <>
              <Spinner /> Checking…
            </>
          ) : (
            problemCountText(counts)
          )}
        </span>
      </header>
      {checkError && (
        <p className="error" role="alert">
          Could not check the flow: {checkError}{' '}
          <button type="button" className="link" onClick={() => void checkNow()}>
            Retry
          </button>
        </p>
      )}
      {problems.length === 0 && !checkError ? (
        <p className="muted problems-empty">Nothing stops this flow from being published.</p>
      ) : (
        <ul className="problems-list">
          {problems.map((problem, index) => (
            <li key={index}>
              <ProblemRow problem={problem} onReveal={reveal} />
            </li>
          ))}
        </ul>
      )}
      {counts.errors === 0 && counts.warnings > 0 && (
        <p className="muted problems-foot">Warnings do not stop publishing.</p>
      )}
    </section>
  );
}

export function ProblemRow({
  problem,
  onReveal,
}: {
  problem: GraphProblem;
  onReveal: (problem: GraphProblem) => void;
}) {
  const icon = problem.severity === 'error' ? <ErrorIcon /> : <WarningIcon />;
  const content = (
    <>
      <span className={`problem-icon severity-${problem.severity}`} aria-hidden>
        {icon}
      </span>
      <span className="problem-text">
        <span className="visually-hidden">
          {problem.severity === 'error' ? 'Error: ' : 'Warning: '}
        </span>
        {problem.message}
      </span>
    </>
  );
  if (!problem.nodeId && !problem.edgeId) {
    return (
      <div className="problem-row" data-testid="problem" data-severity={problem.severity}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      className="problem-row"
      data-testid="problem"
      data-severity={problem.severity}
      data-node-id={problem.nodeId}
      onClick={() => onReveal(problem)}
    >
      {content}
    </button>
  );
}
