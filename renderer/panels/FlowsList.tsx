import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { deleteFlow, duplicateAndOpen, renameFlow } from '../store/flow-actions';
import { useFlowsList } from '../store/flows-list-store';
import { CopyIcon, PencilIcon, TrashIcon, UploadIcon } from '../ui/icons';
import { ImportDialog } from './ImportDialog';
import { useFlowFileDrop } from './use-flow-file-drop';

interface Props {
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}

export function FlowsList({ selectedId, onSelect }: Props) {
  const { flows, loading, loadError, refresh, create } = useFlowsList();
  const [newName, setNewName] = useState('');
  const [importing, setImporting] = useState<{ file: File | undefined; key: number }>();
  const [duplicating, setDuplicating] = useState<string>();
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const [confirmingDelete, setConfirmingDelete] = useState<string>();
  // After closing the rename form or the delete confirmation, focus returns to the button
  // that opened it, so keyboard users keep their place.
  const list = useRef<HTMLUListElement>(null);
  const returnFocus = useRef<{ id: string; testId: string } | undefined>(undefined);
  useLayoutEffect(() => {
    const target = returnFocus.current;
    if (!target || !list.current) return;
    returnFocus.current = undefined;
    list.current
      .querySelector<HTMLElement>(`[data-flow-id="${target.id}"] [data-testid="${target.testId}"]`)
      ?.focus();
  });
  const closeRename = (id: string) => {
    returnFocus.current = { id, testId: 'rename-flow' };
    setRenaming(undefined);
  };
  const cancelDelete = (id: string) => {
    returnFocus.current = { id, testId: 'delete-flow' };
    setConfirmingDelete(undefined);
  };
  const duplicateFlow = async (id: string) => {
    setDuplicating(id);
    try {
      await duplicateAndOpen(id, onSelect);
    } finally {
      setDuplicating(undefined);
    }
  };
  const { dropping, dropTarget } = useFlowFileDrop((file) =>
    setImporting({ file, key: Date.now() }),
  );

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
    if (await renameFlow(renaming.id, renaming.name)) closeRename(renaming.id);
  };

  return (
    <nav
      className={`flows-list${dropping ? ' is-dropping' : ''}`}
      aria-label="Flows"
      data-testid="flows-list"
      {...dropTarget}
    >
      {dropping && (
        <div className="drop-hint" aria-hidden>
          <UploadIcon /> Drop a flow file to import it
        </div>
      )}
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
      <button
        type="button"
        className="import-button"
        data-testid="import-flow"
        title="Import a .flow.json file (or drop one here)"
        onClick={() => setImporting({ file: undefined, key: Date.now() })}
      >
        <UploadIcon /> Import…
      </button>
      <ImportDialog
        key={importing?.key}
        open={importing !== undefined}
        initialFile={importing?.file}
        onClose={() => setImporting(undefined)}
        onImported={onSelect}
      />
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
      <ul ref={list}>
        {flows.map((flow) => (
          <li
            key={flow.id}
            className={flow.id === selectedId ? 'is-selected' : ''}
            data-testid="flow-item"
            data-flow-id={flow.id}
          >
            {renaming?.id === flow.id ? (
              <form onSubmit={submitRename} className="rename-flow">
                <input
                  aria-label="Flow name"
                  data-testid="rename-input"
                  autoFocus
                  value={renaming.name}
                  onChange={(event) => setRenaming({ id: flow.id, name: event.target.value })}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') {
                      event.preventDefault();
                      closeRename(flow.id);
                    }
                  }}
                />
                <button type="submit">Save</button>
              </form>
            ) : confirmingDelete === flow.id ? (
              <div
                className="confirm-delete"
                role="alertdialog"
                aria-label={`Delete ${flow.name}?`}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') {
                    event.preventDefault();
                    cancelDelete(flow.id);
                  }
                }}
              >
                <span>Delete “{flow.name}”?</span>
                <button
                  type="button"
                  className="danger"
                  data-testid="confirm-delete"
                  onClick={async () => {
                    if (await deleteFlow(flow.id)) {
                      setConfirmingDelete(undefined);
                      if (selectedId === flow.id) onSelect(undefined);
                    }
                  }}
                >
                  Delete
                </button>
                <button type="button" autoFocus onClick={() => cancelDelete(flow.id)}>
                  Cancel
                </button>
              </div>
            ) : (
              <>
                <button
                  type="button"
                  className="flow-open"
                  aria-current={flow.id === selectedId ? 'page' : undefined}
                  onClick={() => onSelect(flow.id)}
                >
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
                    title="Duplicate"
                    aria-label={`Duplicate ${flow.name}`}
                    data-testid="duplicate-flow"
                    disabled={duplicating === flow.id}
                    aria-busy={duplicating === flow.id}
                    onClick={() => void duplicateFlow(flow.id)}
                  >
                    <CopyIcon />
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
