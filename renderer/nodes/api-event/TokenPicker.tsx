// The Webhook event node's token (seed 004 step 3 "select the created token or create a new
// one"): a list of the project tokens that may launch flows, and a small form that creates
// a Block execution token, selects it and shows its value once, to copy.
import { useState } from 'react';
import {
  PROJECT_TOKEN_LEVEL_LABELS,
  type CreatedProjectToken,
  type ProjectTokenInfo,
} from '../../../runtime/shared/project-tokens';
import { projectTokensApi } from '../../api/project-tokens';
import { SelectField, TextField } from '../../inspector/fields';
import { errorText, useNotices } from '../../store/notices-store';
import { CopyButton } from '../../ui/CopyButton';
import { Spinner } from '../../ui/icons';

interface Props {
  nodeId: string;
  tokenId: string;
  /** The tokens that may launch flows; undefined while loading. */
  tokens: ProjectTokenInfo[] | undefined;
  loadError: string | undefined;
  error: string | undefined;
  onSelect: (tokenId: string) => void;
  /** Read the lists again (a token was created, or loading failed). */
  onReload: () => void;
}

export function TokenPicker({
  nodeId,
  tokenId,
  tokens,
  loadError,
  error,
  onSelect,
  onReload,
}: Props) {
  const [created, setCreated] = useState<CreatedProjectToken>();
  const options = [
    {
      value: '',
      label: tokens?.length === 0 ? 'No tokens yet: create one below' : 'Choose a token…',
    },
    ...(tokens ?? []).map((token) => ({
      value: token.id,
      label: `${token.name} (${PROJECT_TOKEN_LEVEL_LABELS[token.level]})`,
    })),
  ];
  return (
    <section className="api-event-token" aria-label="Project token">
      {loadError ? (
        <p className="error" role="alert">
          {loadError}{' '}
          <button type="button" className="link-button" onClick={onReload}>
            Try again
          </button>
        </p>
      ) : tokens === undefined ? (
        <Spinner />
      ) : (
        <SelectField
          id={`${nodeId}-tokenId`}
          label="Token"
          hint="Callers send it as Authorization: Bearer <token>. Only this token launches this event."
          options={options}
          value={tokenId}
          error={error}
          onChange={onSelect}
        />
      )}
      <CreateEventToken
        nodeId={nodeId}
        onCreated={(token) => {
          setCreated(token);
          onSelect(token.token.id);
          onReload();
        }}
      />
      {created && (
        <div className="api-token-created" role="status" data-testid="api-event-token-created">
          <p>
            Created and selected <strong>{created.token.name}</strong>. Copy the token now and give
            it to the calling service: it is not shown again.
          </p>
          <p className="api-token-value">
            <code data-testid="api-event-token-value">{created.value}</code>{' '}
            <CopyButton text={created.value} what="the token" testId="api-event-token-copy" />
          </p>
          <button type="button" onClick={() => setCreated(undefined)}>
            Done
          </button>
        </div>
      )}
    </section>
  );
}

function CreateEventToken({
  nodeId,
  onCreated,
}: {
  nodeId: string;
  onCreated: (created: CreatedProjectToken) => void;
}) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const create = async () => {
    if (name.trim() === '') {
      setError('Give the new token a name, e.g. the service that will call (Course platform)');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const token = await projectTokensApi.create({ name: name.trim(), level: 'block-execution' });
      setName('');
      useNotices.getState().notify('info', `Created the token ${token.token.name}: copy it now`);
      onCreated(token);
    } catch (caught) {
      setError(`Could not create the token: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="api-event-new-token"
      data-testid="api-event-token-form"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <TextField
        id={`${nodeId}-new-token-name`}
        label="New token (Block execution)"
        hint="Or create one here; it is also listed in Settings → API tokens."
        placeholder="Course platform"
        value={name}
        error={error}
        maxLength={100}
        onChange={setName}
      />
      <button type="submit" disabled={busy} data-testid="api-event-token-create">
        {busy ? <Spinner /> : null} Create token
      </button>
    </form>
  );
}
