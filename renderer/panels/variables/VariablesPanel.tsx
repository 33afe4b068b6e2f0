// The Variables tab: every variable of the open flow (declared, stored by a node, or read
// by one) with the nodes that set it and the nodes that read it. A node is a button that
// selects it on the canvas.
import { useState } from 'react';
import { useRevealNode } from '../../canvas/use-reveal-node';
import { useVariableUsage } from '../../store/use-flow-variables';
import { isUnset, type NodeRef } from '../../store/variable-usage';
import { WarningIcon } from '../../ui/icons';

export function VariablesPanel() {
  const [filter, setFilter] = useState('');
  const usages = useVariableUsage();
  const query = filter.trim().toLowerCase();
  const shown = query ? usages.filter((usage) => usage.name.toLowerCase().includes(query)) : usages;

  return (
    <div className="variables-panel" data-testid="variables-panel">
      <div className="variables-toolbar">
        <label htmlFor="variables-filter" className="visually-hidden">
          Filter variables
        </label>
        <input
          id="variables-filter"
          type="search"
          placeholder="Filter variables"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <span className="muted" role="status">
          {usages.length === 1 ? '1 variable' : `${usages.length} variables`}
        </span>
      </div>
      {usages.length === 0 ? (
        <p className="muted variables-empty" data-testid="variables-empty">
          No variables yet. Collect input, Buttons and Set variable store one;{' '}
          <code>{'{{name}}'}</code> in any text reads it.
        </p>
      ) : shown.length === 0 ? (
        <p className="muted variables-empty">No variable matches “{filter}”.</p>
      ) : (
        <table className="variables-table">
          <thead>
            <tr>
              <th scope="col">Variable</th>
              <th scope="col">Set by</th>
              <th scope="col">Read by</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((usage) => (
              <tr key={usage.name} data-testid="variable-row" data-variable={usage.name}>
                <th scope="row">
                  <code className="variable-name">{usage.name}</code>
                  {usage.declared && (
                    <span className="variable-type" title={usage.declared.description}>
                      {usage.declared.type}
                    </span>
                  )}
                  {isUnset(usage) && (
                    <span
                      className="variable-unset"
                      title="Read here, but no node sets it and the flow does not declare it: it is empty unless the run starts with it."
                    >
                      <WarningIcon /> never set
                    </span>
                  )}
                </th>
                <td>
                  <NodeRefs refs={usage.writers} testId="variable-writer" none="—" />
                </td>
                <td>
                  <NodeRefs refs={usage.readers} testId="variable-reader" none="Not read" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function NodeRefs({ refs, testId, none }: { refs: NodeRef[]; testId: string; none: string }) {
  const reveal = useRevealNode();
  if (refs.length === 0) return <span className="muted">{none}</span>;
  return (
    <ul className="node-refs">
      {refs.map((ref) => (
        <li key={ref.nodeId}>
          <button
            type="button"
            className="node-ref"
            data-testid={testId}
            data-node-id={ref.nodeId}
            title={`Select ${ref.title} on the canvas`}
            onClick={() => reveal(ref.nodeId)}
          >
            <span className="node-icon" aria-hidden>
              {ref.icon}
            </span>
            {ref.title}
          </button>
        </li>
      ))}
    </ul>
  );
}
