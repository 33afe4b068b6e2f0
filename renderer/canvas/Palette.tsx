// Every node type, grouped by category. Search by name or description; `/` or Ctrl+K
// jumps here, ↑/↓ walk the results, Enter adds the highlighted one (next to the selected
// node, or mid-view). Dragging an item onto the canvas adds it where it is dropped.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { nodeDefinitions, type NodeType } from '../../runtime/nodes/definitions';
import { flattenGroups, paletteGroups } from './palette-groups';

export const PALETTE_MIME = 'application/x-hookflow-node-type';
export const PALETTE_SEARCH_ID = 'palette-search';

const optionId = (type: string) => `palette-option-${type}`;

export function Palette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const groups = useMemo(() => paletteGroups(nodeDefinitions, query), [query]);
  const shown = useMemo(() => flattenGroups(groups), [groups]);
  const current = shown[Math.min(active, shown.length - 1)];

  const add = (type: NodeType) => {
    onAdd(type);
    setQuery('');
    setActive(0);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = (Math.min(active, shown.length - 1) + step + shown.length) % shown.length;
      setActive(next);
      const option = shown[next];
      // A long palette scrolls: keep the highlighted result in sight.
      if (option)
        document.getElementById(optionId(option.type))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) add(current.type);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) {
        setQuery('');
        setActive(0);
      } else {
        event.currentTarget.blur();
      }
    }
  };

  // Options are reached from the search box; focusing one directly (a script, a screen
  // reader) still works with Enter and the arrow keys.
  const onOptionKey = (event: KeyboardEvent<HTMLLIElement>, type: NodeType, index: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      add(type);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      const target = shown[next];
      if (target) document.getElementById(optionId(target.type))?.focus();
      else document.getElementById(PALETTE_SEARCH_ID)?.focus();
    }
  };

  return (
    <aside className="palette" aria-label="Node palette">
      <input
        id={PALETTE_SEARCH_ID}
        className="palette-search"
        type="search"
        placeholder="Search nodes  ( / )"
        aria-label="Search nodes"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.type) : undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid="palette-search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onSearchKey}
      />
      <p className="palette-hint muted" aria-hidden>
        ↑↓ choose · Enter adds
      </p>
      <div id="palette-list" role="listbox" aria-label="Node types" className="palette-list">
        {groups.map((group) => (
          <ul key={group.category} role="group" aria-labelledby={`palette-group-${group.category}`}>
            <li
              role="presentation"
              id={`palette-group-${group.category}`}
              className="palette-group-label"
            >
              {group.label}
            </li>
            {group.entries.map((definition) => {
              const position = shown.indexOf(definition);
              const isActive = current?.type === definition.type;
              return (
                <li
                  key={definition.type}
                  id={optionId(definition.type)}
                  role="option"
                  aria-selected={isActive}
                  tabIndex={-1}
                  className={`palette-item${isActive ? ' is-active' : ''}`}
                  draggable
                  data-testid={`palette-item-${definition.type}`}
                  title={definition.description}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PALETTE_MIME, definition.type);
                    event.dataTransfer.effectAllowed = 'move';
                  }}
                  onClick={() => add(definition.type)}
                  onMouseMove={() => setActive(position)}
                  onKeyDown={(event) => onOptionKey(event, definition.type, position)}
                >
                  <span className="node-icon" aria-hidden>
                    {definition.icon}
                  </span>
                  <span className="palette-item-text">
                    <span className="palette-item-label">{definition.label}</span>
                    <span className="palette-item-description">{definition.description}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        ))}
        {shown.length === 0 && <p className="muted">No node matches “{query}”</p>}
      </div>
    </aside>
  );
}
