// The card drawn for every node type: icon, label, one-line summary, validation state and
// labelled output handles. Everything comes from the node's definition, so a new node
// type needs no card code of its own.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useContext, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { describeNodeConfig } from '../../runtime/shared/node-definition';
import type { CanvasNode } from '../store/editor-store';
import { useNodeName } from '../store/node-names';
import { configKey, nodeProblems } from '../store/problems';
import { usePublish } from '../store/publish-store';
import { visitLabel, type NodeVisit } from '../store/run-path';
import { useRuns } from '../store/runs-store';
import { NodeCardReadOnly } from './node-card-mode';
import { ProblemPin } from './ProblemPin';

const UNKNOWN_TYPE = [{ path: '', message: 'Unknown node type' }];

export function NodeCard({ id, type, data, selected }: NodeProps<CanvasNode>) {
  const definition = findNodeDefinition(type);
  const described = useMemo(
    () => (definition ? describeNodeConfig(definition, data.config) : undefined),
    [definition, data.config],
  );
  const outputs = described?.outputs ?? [];
  const summary = described?.summary ?? `Unknown node type "${type}"`;
  const readOnly = useContext(NodeCardReadOnly);
  // The runtime's last check of the saved draft, merged with the config's schema now.
  const checked = usePublish(
    useShallow((state) => (readOnly ? [] : state.problems.filter((p) => p.nodeId === id))),
  );
  const checkedConfig = usePublish((state) => state.checkedConfigs[id]);
  const problems = useMemo(
    () =>
      readOnly
        ? []
        : nodeProblems({
            nodeId: id,
            checked,
            checkedConfig,
            currentConfig: configKey(data.config),
            local: described?.problems ?? UNKNOWN_TYPE,
            fieldLabels: definition?.fieldLabels,
          }),
    [readOnly, id, checked, checkedConfig, data.config, described, definition],
  );
  const invalid = problems.some((problem) => problem.severity === 'error');
  // The selected run's path (Runs panel): visited cards get their step numbers, others dim.
  const visit = useRuns((state) => (readOnly ? undefined : state.path?.visits.get(id)));
  const dimmed = useRuns((state) => !readOnly && state.path !== undefined && !visit);
  // A lone "Next" needs no caption; cases, else and failure outputs always say what they are.
  const captioned = outputs.length > 1 || outputs.some((output) => output.kind !== 'default');
  // Named as problems and runs name it ("Set variable 2" when there are several); a
  // read-only preview (another version) is not the open flow's graph.
  const name = useNodeName(id);
  const title = (!readOnly && name) || data.label || definition?.label || type;
  return (
    <div
      className={`node-card category-${definition?.category ?? 'unknown'}${selected ? ' is-selected' : ''}${invalid ? ' is-invalid' : ''}${visit ? ` run-visited run-${visit.state}` : ''}${dimmed ? ' run-dimmed' : ''}`}
      data-testid={`node-${id}`}
      data-node-type={type}
      data-invalid={invalid ? 'true' : undefined}
      data-run={visit ? 'visited' : dimmed ? 'dimmed' : undefined}
    >
      {visit && <RunMarker nodeId={id} visit={visit} />}
      {definition && !definition.isTrigger && (
        <Handle
          type="target"
          position={Position.Left}
          id="in"
          className="handle-in"
          title="Input"
        />
      )}
      <div className="node-card-head">
        <span className="node-icon" aria-hidden>
          {definition?.icon ?? '?'}
        </span>
        <span className="node-title">{title}</span>
        <ProblemPin nodeId={id} problems={problems} />
      </div>
      <div className="node-summary" title={summary}>
        {summary}
      </div>
      {captioned ? (
        <div className="node-outputs">
          {outputs.map((output) => (
            <div key={output.id} className={`node-output kind-${output.kind}`}>
              <span className="node-output-label">{output.label}</span>
              <OutputHandle nodeId={id} nodeTitle={title} output={output} />
            </div>
          ))}
        </div>
      ) : (
        outputs.map((output) => (
          <OutputHandle key={output.id} nodeId={id} nodeTitle={title} output={output} />
        ))
      )}
    </div>
  );
}

const VISIT_TEXT: Record<NodeVisit['state'], string> = {
  ok: '',
  skipped: ', skipped',
  failed: ', failed',
  waiting: ', waiting here',
};

function RunMarker({ nodeId, visit }: { nodeId: string; visit: NodeVisit }) {
  const label = visitLabel(visit.steps);
  const words = `${visit.steps.length === 1 ? 'Step' : 'Steps'} ${visit.steps.join(', ')}`;
  return (
    <span
      className={`run-marker run-${visit.state}`}
      data-testid={`run-marker-${nodeId}`}
      data-steps={visit.steps.join(',')}
      data-state={visit.state}
      title={`${words}${VISIT_TEXT[visit.state]}`}
    >
      <span className="visually-hidden">{`${words}${VISIT_TEXT[visit.state]}`}</span>
      <span aria-hidden>{label}</span>
    </span>
  );
}

function OutputHandle({
  nodeId,
  nodeTitle,
  output,
}: {
  nodeId: string;
  nodeTitle: string;
  output: { id: string; label: string; kind: string };
}) {
  return (
    <Handle
      type="source"
      position={Position.Right}
      id={output.id}
      className={`handle-out kind-${output.kind}`}
      title={`${output.label} output`}
      aria-label={`${output.label} output of ${nodeTitle}`}
      data-testid={`handle-${nodeId}-${output.id}`}
    />
  );
}
