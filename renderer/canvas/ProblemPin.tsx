// The problem pin on a node card: a badge with the number of problems (red with errors,
// amber with warnings only); hovering or focusing it shows what they are. A click opens
// the problems panel.
import type { PinnedProblem } from '../store/problems';
import { usePublish } from '../store/publish-store';

export function ProblemPin({ nodeId, problems }: { nodeId: string; problems: PinnedProblem[] }) {
  const setPanelOpen = usePublish((state) => state.setPanelOpen);
  if (problems.length === 0) return null;
  const severity = problems.some((problem) => problem.severity === 'error') ? 'error' : 'warning';
  const tipId = `node-problems-tip-${nodeId}`;
  const count = problems.length;
  const noun =
    severity === 'error' ? `problem${count === 1 ? '' : 's'}` : `warning${count === 1 ? '' : 's'}`;
  return (
    <span className="problem-pin-wrap nodrag">
      <button
        type="button"
        className={`problem-pin severity-${severity}`}
        aria-label={`${count} ${noun}`}
        aria-describedby={tipId}
        data-testid={`node-problems-${nodeId}`}
        data-severity={severity}
        data-count={count}
        onClick={() => setPanelOpen(true)}
      >
        {count}
      </button>
      <span
        className="problem-tip"
        role="tooltip"
        id={tipId}
        data-testid={`node-problems-tip-${nodeId}`}
      >
        {problems.map((problem, index) => (
          <span key={index} className={`problem-tip-line severity-${problem.severity}`}>
            {problem.severity === 'warning' ? 'Warning: ' : ''}
            {problem.text}
          </span>
        ))}
      </span>
    </span>
  );
}
