import { useEffect, useState, type FormEvent } from 'react';
import { useFlowsList } from '../store/flows-list-store';
import { PencilIcon, TrashIcon } from '../ui/icons';

interface Props {
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}

export function FlowsList({ selectedId, onSelect }: Props) {
  const { flows, loading, loadError, refresh, create, rename, remove } = useFlowsList();
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const [confirmingDelete, setConfirmingDelete] = useState<string>();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const submitNew = async (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim() || 'Untitled flow';
    const id = await create(name);
    if (id) {
      setNewName('');
      onSelect(id);
    }
  };

  const submitRename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    if (await rename(renaming.id, renaming.name)) setRenaming(undefined);
  };

  return (
    <nav className="flows-list" aria-label="Flows">
      <form onSubmit={submitNew} className="new-flow">
        <input
          aria-label="New flow name"
          placeholder="New flow name"
          data-testid="new-flow-name"
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
        />
        <button type="submit" data-testid="create-flow">
          Create
        </button>
      </form>
      {loading && <p className="muted">Loading flows…</p>}
      {loadError && (
        <p className="error" role="alert">
          Could not load flows: {loadError}{' '}
          <button type="button" className="link" onClick={() => void refresh()}>
            Retry
          </button>
        </p>
      )}
      {!loading && !loadError && flows.length === 0 && (
        <p className="muted">No flows yet. Name one above and press Create.</p>
      )}
      <ul>
        {flows.map((flow) => (
          <li
            key={flow.id}
            className={flow.id === selectedId ? 'is-selected' : ''}
            data-testid="flow-item"
          >
            {renaming?.id === flow.id ? (
              <form onSubmit={submitRename} className="rename-flow">
                <input
                  aria-label="Flow name"
                  data-testid="rename-input"
                  autoFocus
                  value={renaming.name}
                  onChange={(event) => setRenaming({ id: flow.id, name: event.target.value })}
                  onKeyDown={(event) => event.key === 'Escape' && setRenaming(undefined)}
                />
                <button type="submit">Save</button>
              </form>
            ) : confirmingDelete === flow.id ? (
              <div
                className="confirm-delete"
                role="alertdialog"
                aria-label={`Delete ${flow.name}?`}
              >
                <span>Delete “{flow.name}”?</span>
                <button
                  type="button"
                  className="danger"
                  data-testid="confirm-delete"
                  onClick={async () => {
                    if (await remove(flow.id)) {
                      setConfirmingDelete(undefined);
                      if (selectedId === flow.id) onSelect(undefined);
                    }
                  }}
                >
                  Delete
                </button>
                <button type="button" autoFocus onClick={() => setConfirmingDelete(undefined)}>
                  Cancel
                </button>
              </div>
            ) : (
              <>
                <button type="button" className="flow-open" onClick={() => onSelect(flow.id)}>
                  <span className="flow-name">{flow.name}</span>
                  <span className="flow-meta">
                    {flow.nodeCount} node{flow.nodeCount === 1 ? '' : 's'}
                    {flow.publishedVersion !== null && ` · v${flow.publishedVersion}`}
                  </span>
                </button>
                <span className="flow-actions">
                  <button
                    type="button"
                    title="Rename"
                    aria-label={`Rename ${flow.name}`}
                    data-testid="rename-flow"
                    onClick={() => setRenaming({ id: flow.id, name: flow.name })}
                  >
                    <PencilIcon />
                  </button>
                  <button
                    type="button"
                    title="Delete"
                    aria-label={`Delete ${flow.name}`}
                    data-testid="delete-flow"
                    onClick={() => setConfirmingDelete(flow.id)}
                  >
                    <TrashIcon />
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
