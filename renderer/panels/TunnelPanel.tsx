// The tunnel panel: the public URL (or what went wrong), Start and Stop, and the ngrok
// settings. The authtoken is write-only: once saved it is never shown again, only that
// one is saved.
import { useState, type FormEvent } from 'react';
import type { TunnelSettingsInput, TunnelStatus } from '../../runtime/shared/tunnel';
import { describedBy, Field, TextField, Toggle, UrlCopy } from '../inspector/fields';
import { useRuntime } from '../store/runtime-store';
import { useTunnel } from '../store/tunnel-store';
import { CheckIcon, ExternalIcon, Spinner } from '../ui/icons';

const AUTHTOKEN_PAGE = 'https://dashboard.ngrok.com/get-started/your-authtoken';

export function TunnelPanel() {
  const status = useTunnel((state) => state.status);
  const loadError = useTunnel((state) => state.loadError);
  const load = useTunnel((state) => state.load);
  if (!status) {
    return loadError ? (
      <p className="error" role="alert">
        Could not read the tunnel status: {loadError}{' '}
        <button type="button" className="link" onClick={() => void load()}>
          Retry
        </button>
      </p>
    ) : (
      <p className="muted" role="status">
        <Spinner /> Loading…
      </p>
    );
  }
  return <TunnelPanelBody status={status} />;
}

function TunnelPanelBody({ status }: { status: TunnelStatus }) {
  const busy = useTunnel((state) => state.busy);
  const actionError = useTunnel((state) => state.actionError);
  const saveSettings = useTunnel((state) => state.saveSettings);
  const start = useTunnel((state) => state.start);
  const stop = useTunnel((state) => state.stop);
  const localBase = useRuntime((state) => state.status?.urls.public);

  const [authtoken, setAuthtoken] = useState('');
  const [domain, setDomain] = useState(status.domain ?? '');
  const [autoStart, setAutoStart] = useState(status.autoStart);
  const [formError, setFormError] = useState<{ message: string; field?: string }>();
  const [justSaved, setJustSaved] = useState(false);

  const changes: TunnelSettingsInput = {
    ...(authtoken.trim() ? { authtoken: authtoken.trim() } : {}),
    ...(domain.trim() !== (status.domain ?? '') ? { domain: domain.trim() } : {}),
    ...(autoStart !== status.autoStart ? { autoStart } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  const save = async (input: TunnelSettingsInput): Promise<boolean> => {
    setFormError(undefined);
    setJustSaved(false);
    const result = await saveSettings(input);
    if (!result.ok) {
      const problem = result.problems[0];
      setFormError({ message: problem?.message ?? result.message, field: problem?.path });
      return false;
    }
    setAuthtoken('');
    // The runtime normalizes the domain (lower case): show what it kept.
    setDomain(useTunnel.getState().status?.domain ?? '');
    setJustSaved(true);
    return true;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty) void save(changes);
  };
  const startTunnel = async () => {
    // Settings typed but not saved are what the user means to start with.
    if (dirty && !(await save(changes))) return;
    await start();
  };

  const running = status.state === 'online' || status.state === 'starting';
  const authtokenError = formError?.field === 'authtoken' ? formError.message : undefined;
  const authtokenHint = status.hasAuthtoken
    ? 'Stored encrypted and never shown again. Paste a new one to replace it.'
    : 'Free with an ngrok account. Stored encrypted.';
  const canStart = status.hasAuthtoken || authtoken.trim() !== '';
  return (
    <div className="tunnel-panel">
      <h2>Public URL</h2>
      <p className="muted">
        Third parties on the internet reach your webhooks through an ngrok tunnel.
        {localBase && (
          <>
            {' '}
            On this computer they are at <code>{localBase}</code>.
          </>
        )}
      </p>

      <div className="tunnel-status" data-testid="tunnel-status" data-state={status.state}>
        {status.state === 'online' && status.url ? (
          <UrlCopy id="tunnel-url" label="Public URL" url={status.url} testId="tunnel-url" />
        ) : status.state === 'starting' ? (
          <p role="status">
            <Spinner /> Connecting to ngrok…
          </p>
        ) : status.state === 'error' ? (
          <p className="tunnel-error" role="alert" data-testid="tunnel-error">
            {status.error?.message ?? 'The tunnel failed.'}
          </p>
        ) : (
          <p className="muted">The tunnel is off.</p>
        )}
        {actionError && (
          <p className="error" role="alert">
            {actionError}
          </p>
        )}
        <div className="tunnel-actions">
          {running ? (
            <button
              type="button"
              data-testid="tunnel-stop"
              disabled={busy !== undefined}
              onClick={() => void stop()}
            >
              {busy === 'stopping' ? (
                <>
                  <Spinner /> Stopping…
                </>
              ) : (
                'Stop'
              )}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              data-testid="tunnel-start"
              disabled={busy !== undefined || !canStart}
              onClick={() => void startTunnel()}
            >
              {busy === 'starting' ? (
                <>
                  <Spinner /> Starting…
                </>
              ) : status.state === 'error' ? (
                'Try again'
              ) : (
                'Start'
              )}
            </button>
          )}
          {!canStart && <span className="muted">Add your authtoken first.</span>}
        </div>
      </div>

      <form className="tunnel-settings" onSubmit={submit}>
        <Field
          id="tunnel-authtoken"
          label="ngrok authtoken"
          error={authtokenError}
          hint={authtokenHint}
          aside={
            <span
              className={`authtoken-state${status.hasAuthtoken ? ' is-saved' : ''}`}
              data-testid="tunnel-authtoken-state"
            >
              {status.hasAuthtoken ? (
                <>
                  <CheckIcon /> Saved
                </>
              ) : (
                'Not set'
              )}
            </span>
          }
        >
          <input
            id="tunnel-authtoken"
            type="password"
            className="monospace"
            autoComplete="off"
            spellCheck={false}
            placeholder={status.hasAuthtoken ? '••••••••  (saved)' : 'Paste your authtoken'}
            value={authtoken}
            data-testid="tunnel-authtoken"
            {...describedBy('tunnel-authtoken', authtokenError, authtokenHint)}
            onChange={(event) => setAuthtoken(event.target.value)}
          />
        </Field>
        <p className="tunnel-links">
          <a href={AUTHTOKEN_PAGE} target="_blank" rel="noopener noreferrer">
            Get your authtoken <ExternalIcon />
          </a>
          {status.hasAuthtoken && (
            <button
              type="button"
              className="link"
              disabled={busy !== undefined}
              onClick={() => void save({ authtoken: '' })}
            >
              Remove the saved authtoken
            </button>
          )}
        </p>
        <TextField
          id="tunnel-domain"
          label="Reserved domain (optional)"
          hint="Keeps your public URL the same across restarts, e.g. my-bot.ngrok.app."
          placeholder="my-bot.ngrok.app"
          monospace
          value={domain}
          error={formError?.field === 'domain' ? formError.message : undefined}
          onChange={(value) => {
            setDomain(value);
            if (formError?.field === 'domain') setFormError(undefined);
          }}
        />
        <Toggle
          id="tunnel-autostart"
          label="Start automatically when Hookflow starts"
          value={autoStart}
          onChange={setAutoStart}
        />
        {formError && formError.field !== 'authtoken' && formError.field !== 'domain' && (
          <p className="error" role="alert">
            {formError.message}
          </p>
        )}
        <div className="tunnel-actions">
          <button type="submit" data-testid="tunnel-save" disabled={!dirty || busy !== undefined}>
            {busy === 'saving' ? (
              <>
                <Spinner /> Saving…
              </>
            ) : (
              'Save settings'
            )}
          </button>
          {justSaved && !dirty && (
            <span className="muted" role="status" data-testid="tunnel-saved">
              Settings saved
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
