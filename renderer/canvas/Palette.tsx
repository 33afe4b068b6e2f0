// Every node type, grouped by category. Drag onto the canvas, or press Enter / click to
// add at the centre of the view (keyboard users).
import { useState } from 'react';
import { nodeDefinitions, type NodeType } from '../../runtime/nodes/definitions';

export const PALETTE_MIME = 'application/x-hookflow-node-type';

export function Palette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = nodeDefinitions.filter(
    (definition) =>
      !needle ||
      definition.label.toLowerCase().includes(needle) ||
      definition.description.toLowerCase().includes(needle),
  );
  return (
    <aside className="palette" aria-label="Node palette">
      <input
        className="palette-search"
        type="search"
        placeholder="Search nodes"
        aria-label="Search nodes"
        data-testid="palette-search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul>
        {shown.map((definition) => (
          <li key={definition.type}>
            <button
              type="button"
              className="palette-item"
              draggable
              data-testid={`palette-item-${definition.type}`}
              title={definition.description}
              onDragStart={(event) => {
                event.dataTransfer.setData(PALETTE_MIME, definition.type);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => onAdd(definition.type)}
            >
              <span className="node-icon" aria-hidden>
                {definition.icon}
              </span>
              {definition.label}
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No node matches “{query}”</li>}
      </ul>
    </aside>
  );
}
