// A run's steps in order: the node (a button that selects it on the canvas), the output
// it left through, what it received and produced, and why it was skipped or failed.
import { findNodeDefinition } from '../../../runtime/nodes/definitions';
import type { Run } from '../../../runtime/shared/run';
import { useRevealNode } from '../../canvas/use-reveal-node';
import { useEditor, type CanvasNode } from '../../store/editor-store';
import { useNodeNames } from '../../store/node-names';
import { WarningIcon } from '../../ui/icons';
import { HttpStepDetails } from './HttpStepDetails';
import { formatDuration, handleText, showValue } from './run-format';

function oneLine(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function RunSteps({ run }: { run: Run }) {
  const nodes = useEditor((state) => state.nodes);
  const names = useNodeNames();
  const reveal = useRevealNode();
  const byId = new Map<string, CanvasNode>(nodes.map((node) => [node.id, node]));
  if (run.steps.length === 0) {
    return <p className="muted">No steps yet.</p>;
  }
  return (
    <ol className="run-steps" data-testid="run-steps">
      {run.steps.map((step, index) => {
        const node = byId.get(step.nodeId);
        const definition = findNodeDefinition(step.nodeType);
        // Named as on the canvas ("Set variable 2"); a node since deleted by its type.
        const title = names.get(step.nodeId) ?? definition?.label ?? step.nodeType;
        const handle = handleText(step, node?.data.config);
        const state = step.error ? 'failed' : step.skipped ? 'skipped' : 'ok';
        return (
          <li
            key={index}
            className={`run-step run-${state}`}
            data-testid="run-step"
            data-node-id={step.nodeId}
            data-handle={step.outputHandle}
            data-state={state}
          >
            <span className="run-step-number" aria-hidden>
              {index + 1}
            </span>
            <div className="run-step-body">
              <div className="run-step-line">
                <div className="run-step-what">
                  <StepNode
                    number={index + 1}
                    icon={definition?.icon}
                    title={title}
                    onCanvas={node !== undefined}
                    onReveal={() => reveal(step.nodeId)}
                  />
                  {handle !== undefined && (
                    <span className="run-step-handle" title={`Output "${step.outputHandle}"`}>
                      → {handle}
                    </span>
                  )}
                  {step.skipped && (
                    <span className="run-step-skipped" data-testid="run-step-skipped">
                      skipped: {step.skipped}
                    </span>
                  )}
                </div>
                <span className="muted run-step-time">
                  {formatDuration(Date.parse(step.endedAt) - Date.parse(step.startedAt))}
                </span>
              </div>
              {step.output?.http && <HttpStepDetails http={step.output.http} />}
              {step.error && (
                <p className="error run-step-error" data-testid="run-step-error">
                  {step.error}
                </p>
              )}
              {step.warnings && step.warnings.length > 0 && (
                <ul className="run-step-warnings" aria-label="Warnings">
                  {step.warnings.map((warning, at) => (
                    <li key={at} data-testid="run-step-warning">
                      <WarningIcon /> {warning}
                    </li>
                  ))}
                </ul>
              )}
              {step.input !== undefined && (
                <details className="run-step-input">
                  <summary>
                    Input <code>{oneLine(step.input)}</code>
                  </summary>
                  <pre>{showValue(step.input)}</pre>
                </details>
              )}
              {/* An HTTP step's exchange is drawn above; the rest is what it set. */}
              {step.output !== undefined &&
                (step.output.variables !== undefined || step.output.result !== undefined) && (
                  <details className="run-step-input" data-testid="run-step-output">
                    <summary>
                      Output <code>{oneLine(step.output.variables ?? step.output.result)}</code>
                    </summary>
                    <pre>{showValue(step.output)}</pre>
                  </details>
                )}
            </div>
          </li>
        );
      })}
      {run.waiting && (
        <WaitingStep
          number={run.steps.length + 1}
          node={byId.get(run.waiting.nodeId)}
          name={names.get(run.waiting.nodeId)}
          nodeId={run.waiting.nodeId}
          onReveal={reveal}
        />
      )}
    </ol>
  );
}

/** The step the run is parked at: it becomes a real step when the wait ends. */
function WaitingStep({
  number,
  node,
  name,
  nodeId,
  onReveal,
}: {
  number: number;
  node: CanvasNode | undefined;
  name: string | undefined;
  nodeId: string;
  onReveal: (nodeId: string) => boolean;
}) {
  const definition = findNodeDefinition(node?.type ?? '');
  return (
    <li className="run-step run-waiting" data-testid="run-step-waiting" data-node-id={nodeId}>
      <span className="run-step-number" aria-hidden>
        {number}
      </span>
      <div className="run-step-body">
        <div className="run-step-line">
          <div className="run-step-what">
            <StepNode
              number={number}
              icon={definition?.icon}
              title={name ?? definition?.label ?? 'A node no longer on the canvas'}
              onCanvas={node !== undefined}
              onReveal={() => onReveal(nodeId)}
            />
            <span className="run-step-handle">waiting…</span>
          </div>
        </div>
      </div>
    </li>
  );
}

/** A step's node: a button that selects it on the canvas, while it is still there. */
function StepNode({
  number,
  icon,
  title,
  onCanvas,
  onReveal,
}: {
  number: number;
  icon: string | undefined;
  title: string;
  onCanvas: boolean;
  onReveal: () => void;
}) {
  return (
    <button
      type="button"
      className="run-step-node"
      disabled={!onCanvas}
      title={onCanvas ? 'Select this node on the canvas' : 'No longer on the canvas'}
      onClick={onReveal}
    >
      <span className="visually-hidden">Step {number}: </span>
      <span className="node-icon" aria-hidden>
        {icon ?? '?'}
      </span>
      {title}
    </button>
  );
}
