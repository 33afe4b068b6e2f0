// The small form under a header row that gives it a secret (HeaderRows): type the value
// once — it goes to the secrets store, encrypted, and only its id comes back into the
// flow — or pick a secret another header of the flow already uses. Enter stores, Escape
// cancels.
import { useState } from 'react';
import { webhooksApi } from '../../api/webhooks';
import { errorText } from '../../store/notices-store';
import { Spinner } from '../../ui/icons';
import { HEADER_SECRET_PURPOSE, type KnownSecret } from './header-secrets';

export function SecretForm({
  rowId,
  number,
  initial,
  known,
  onStored,
  onCancel,
}: {
  rowId: string;
  number: number;
  initial: string;
  known: readonly KnownSecret[];
  onStored: (secretId: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const inputId = `${rowId}-secret`;
  const store = async () => {
    if (value === '') {
      setProblem('Enter the secret (an API key or token), or Cancel');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await webhooksApi.createSecret(HEADER_SECRET_PURPOSE, value);
      onStored(created.id);
    } catch (caught) {
      setProblem(`Could not store the secret: ${errorText(caught)}. Try again.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className="header-secret-form"
      role="group"
      aria-label={`Secret for header ${number}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={inputId}>Secret value (stored encrypted, never in the flow)</label>
      <div className="map-prompt-row">
        <input
          id={inputId}
          type="password"
          className="monospace"
          autoComplete="off"
          autoFocus
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${inputId}-error` : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void store();
            }
          }}
        />
        <button type="button" disabled={busy} onClick={() => void store()}>
          {busy ? <Spinner /> : null} Store secret
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {problem && (
        <p className="field-error" id={`${inputId}-error`}>
          {problem}
        </p>
      )}
      {known.length > 0 && (
        <p className="header-secret-known">
          <span className="muted">Or use the secret already stored for</span>
          {known.slice(0, 5).map((secret) => (
            <button
              key={secret.secretId}
              type="button"
              className="link-button"
              data-testid="header-known-secret"
              onClick={() => onStored(secret.secretId)}
            >
              {secret.label}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
