// The card drawn for every node type: icon, label, one-line summary, handles. Everything
// comes from the node's definition, so a new node type needs no card code of its own.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { describeNodeConfig } from '../../runtime/shared/node-definition';
import type { CanvasNode } from '../store/editor-store';

export function NodeCard({ id, type, data, selected }: NodeProps<CanvasNode>) {
  const definition = findNodeDefinition(type);
  const described = definition ? describeNodeConfig(definition, data.config) : undefined;
  const outputs = described?.outputs ?? [];
  const summary = described?.summary ?? `Unknown node type "${type}"`;
  const valid = described !== undefined && described.problems.length === 0;
  return (
    <div
      className={`node-card${selected ? ' is-selected' : ''}${valid ? '' : ' is-invalid'}`}
      data-testid={`node-${id}`}
      data-node-type={type}
    >
      {definition && !definition.isTrigger && (
        <Handle type="target" position={Position.Left} id="in" className="handle-in" />
      )}
      <div className="node-card-head">
        <span className="node-icon" aria-hidden>
          {definition?.icon ?? '?'}
        </span>
        <span className="node-title">{data.label || definition?.label || type}</span>
      </div>
      <div className="node-summary">{summary}</div>
      {outputs.length > 0 && (
        <div className="node-outputs">
          {outputs.map((output) => (
            <div key={output.id} className={`node-output kind-${output.kind}`}>
              {outputs.length > 1 && <span>{output.label}</span>}
              <Handle
                type="source"
                position={Position.Right}
                id={output.id}
                className={`handle-out kind-${output.kind}`}
                data-testid={`handle-${id}-${output.id}`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
