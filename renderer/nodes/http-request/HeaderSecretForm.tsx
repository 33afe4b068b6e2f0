// The small form under a header row that gives it a secret (HeaderRows): type the value
// once — it goes to the secrets store, encrypted, and only its id comes back into the
// flow — or pick a stored one: those the flow's other headers use, then the data folder's
// other header secrets. Enter stores, Escape cancels.
import { useEffect, useState } from 'react';
import { webhooksApi } from '../../api/webhooks';
import { errorText } from '../../store/notices-store';
import { Spinner } from '../../ui/icons';
import {
  HEADER_SECRET_PURPOSE,
  pickableSecrets,
  type KnownSecret,
  type StoredSecret,
} from './header-secrets';

/** How many stored secrets the form offers as buttons (the most recently changed). */
const PICKABLE_SHOWN = 8;

export function SecretForm({
  rowId,
  number,
  initial,
  label,
  known,
  current,
  onStored,
  onCancel,
}: {
  rowId: string;
  number: number;
  initial: string;
  /** What the picker calls the new secret later (the header's name). */
  label: string;
  known: readonly KnownSecret[];
  /** The row's secret now (Replace), not offered again. */
  current: string | undefined;
  onStored: (secretId: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [stored, setStored] = useState<readonly StoredSecret[]>([]);
  const inputId = `${rowId}-secret`;
  useEffect(() => {
    let live = true;
    // Without the list the form still stores and offers the flow's own secrets.
    webhooksApi.listSecrets(HEADER_SECRET_PURPOSE).then(
      (page) => live && setStored(page.secrets),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const offered = pickableSecrets(known, stored).filter((secret) => secret.secretId !== current);
  const store = async () => {
    if (value === '') {
      setProblem('Enter the secret (an API key or token), or Cancel');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await webhooksApi.createSecret(HEADER_SECRET_PURPOSE, value, label);
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
      {offered.length > 0 && (
        <p className="header-secret-known">
          <span className="muted">Or use the secret already stored for</span>
          {offered.slice(0, PICKABLE_SHOWN).map((secret) => (
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
