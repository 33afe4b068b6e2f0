// Settings → API tokens (seed 004 "We create a token", "Deleting a token"): generate a
// project token with a name and an access level, see its value once, list the tokens with
// when they were created and last used, delete one (it stops working at once).
import { useEffect, useState } from 'react';
import {
  PROJECT_TOKEN_LEVEL_LABELS,
  PROJECT_TOKEN_LEVELS,
  type CreatedProjectToken,
  type ProjectTokenInfo,
  type ProjectTokenLevel,
} from '../../../runtime/shared/project-tokens';
import { projectTokensApi } from '../../api/project-tokens';
import { SelectField, TextField } from '../../inspector/fields';
import { errorText, useNotices } from '../../store/notices-store';
import { CopyButton } from '../../ui/CopyButton';
import { Spinner } from '../../ui/icons';
import { Modal } from '../../ui/Modal';

const LEVEL_OPTIONS = PROJECT_TOKEN_LEVELS.map((value) => ({
  value,
  label: PROJECT_TOKEN_LEVEL_LABELS[value],
}));

const LEVEL_HINTS: Record<ProjectTokenLevel, string> = {
  'block-execution': 'Launches published flows: POST /api/v1/flows/{flowId}/runs.',
  'read-runs': 'Reads runs: GET /api/v1/runs/{runId}.',
  'admin-api': 'Everything the public API offers.',
};

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : 'Never');

export function ApiTokens() {
  const [tokens, setTokens] = useState<ProjectTokenInfo[]>();
  const [loadError, setLoadError] = useState<string>();
  const [created, setCreated] = useState<CreatedProjectToken>();
  const [deleting, setDeleting] = useState<ProjectTokenInfo>();

  // Bumped to read the list again (after a create or a delete, or "Try again").
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((current) => current + 1);
  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const { tokens: listed } = await projectTokensApi.list();
        if (!current) return;
        setTokens(listed);
        setLoadError(undefined);
      } catch (error) {
        if (current) setLoadError(`Could not load the tokens: ${errorText(error)}`);
      }
    })();
    return () => {
      current = false;
    };
  }, [version]);

  return (
    <section className="settings-section" aria-labelledby="api-tokens-heading">
      <h3 id="api-tokens-heading">API tokens</h3>
      <p className="muted">
        Other services launch flows and read runs through the public API with a project token:{' '}
        <code>Authorization: Bearer hf_pt_…</code>. Hookflow keeps only a hash of each token; the
        value is shown once, when it is generated.
      </p>
      <CreateToken
        onCreated={(token) => {
          setCreated(token);
          reload();
        }}
      />
      {created && <CreatedValue created={created} onDone={() => setCreated(undefined)} />}
      {loadError && (
        <p className="error" role="alert">
          {loadError}{' '}
          <button type="button" className="link-button" onClick={reload}>
            Try again
          </button>
        </p>
      )}
      {tokens === undefined && !loadError && <Spinner />}
      {tokens?.length === 0 && (
        <p className="muted" data-testid="api-tokens-empty">
          No tokens yet.
        </p>
      )}
      {tokens && tokens.length > 0 && (
        <table className="api-tokens" data-testid="api-tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Access level</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-testid="api-token-row" data-token-id={token.id}>
                <td>{token.name}</td>
                <td>{PROJECT_TOKEN_LEVEL_LABELS[token.level]}</td>
                <td>{when(token.createdAt)}</td>
                <td data-testid="api-token-last-used">{when(token.lastUsedAt)}</td>
                <td>
                  <button
                    type="button"
                    className="danger"
                    data-testid="api-token-delete"
                    aria-label={`Delete the token ${token.name}`}
                    onClick={() => setDeleting(token)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DeleteToken
        token={deleting}
        onClose={() => setDeleting(undefined)}
        onDeleted={() => {
          setDeleting(undefined);
          reload();
        }}
      />
    </section>
  );
}

function CreateToken({ onCreated }: { onCreated: (created: CreatedProjectToken) => void }) {
  const [name, setName] = useState('');
  const [level, setLevel] = useState<ProjectTokenLevel>('block-execution');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    if (name.trim() === '') {
      setError('Give the token a name, e.g. the service that will use it');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await projectTokensApi.create({ name: name.trim(), level }));
      setName('');
    } catch (caught) {
      setError(`Could not generate the token: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="api-token-form"
      data-testid="api-token-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextField
        id="api-token-name"
        label="Name"
        hint="Who uses it, e.g. Course platform."
        value={name}
        error={error}
        maxLength={100}
        onChange={setName}
      />
      <SelectField
        id="api-token-level"
        label="Access level"
        hint={LEVEL_HINTS[level]}
        options={LEVEL_OPTIONS}
        value={level}
        onChange={setLevel}
      />
      <button type="submit" className="primary" disabled={busy} data-testid="api-token-generate">
        {busy ? <Spinner /> : null} Generate token
      </button>
    </form>
  );
}

function CreatedValue({ created, onDone }: { created: CreatedProjectToken; onDone: () => void }) {
  return (
    <div className="api-token-created" role="status" data-testid="api-token-created">
      <p>
        <strong>{created.token.name}</strong> ({PROJECT_TOKEN_LEVEL_LABELS[created.token.level]}).
        Copy the token now: it is not shown again.
      </p>
      <p className="api-token-value">
        <code data-testid="api-token-value">{created.value}</code>{' '}
        <CopyButton text={created.value} what="the token" testId="api-token-copy" />
      </p>
      <button type="button" onClick={onDone} data-testid="api-token-done">
        Done
      </button>
    </div>
  );
}

function DeleteToken({
  token,
  onClose,
  onDeleted,
}: {
  token: ProjectTokenInfo | undefined;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async (target: ProjectTokenInfo) => {
    setBusy(true);
    setError(undefined);
    try {
      await projectTokensApi.remove(target.id);
      useNotices
        .getState()
        .notify('info', `Deleted ${target.name}: requests with it are refused from now on.`);
      onDeleted();
    } catch (caught) {
      setError(`Could not delete: ${errorText(caught)}. The token still works; try again.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={token !== undefined}
      onClose={onClose}
      title="Delete this token?"
      testId="api-token-delete-dialog"
    >
      {token && (
        <>
          <p>
            <strong>{token.name}</strong> stops working at once: services using it get 401. Do this
            when a token may have been stolen, then give the service a new one.
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={onClose} disabled={busy} data-autofocus>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              data-testid="api-token-delete-confirm"
              disabled={busy}
              onClick={() => void remove(token)}
            >
              {busy ? <Spinner /> : null} Delete token
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
