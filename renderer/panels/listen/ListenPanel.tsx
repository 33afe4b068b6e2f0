// Listen mode (seed 001 "Listen mode — real-time testing"): wait for a real call to this
// trigger and show it as it arrives — body, headers and query as a tree with Map and
// copy-path, the caller's IP and Origin with "Add to allowlist". Before the flow is
// published the call is captured (answered, logged, nothing runs).
import { useState } from 'react';
import type { WebhookAuth } from '../../../runtime/shared/webhook-security';
import { CopyButton } from '../../ui/CopyButton';
import { Spinner, StopIcon } from '../../ui/icons';
import { CallSummaryLine, CallView, type AllowlistActions } from '../calls/CallView';
import { fromListened } from '../calls/call-view-data';
import type { MapAction } from '../calls/PayloadTree';
import { curlExample, needsSignature } from './curl-example';
import type { Listen } from './use-listen';

interface Props {
  listen: Listen;
  /** The trigger's URL on this computer (undefined while the runtime status loads). */
  url: string | undefined;
  method: string;
  auth: WebhookAuth;
  /** Whether the published version answers on this URL (else calls are captured). */
  live: boolean;
  map?: MapAction | undefined;
  allowlist?: AllowlistActions | undefined;
  /**
   * Whether the panel has its own state line and Listen / Stop button. The Webhook Trigger
   * keeps those in the bar above its tabs (so they stay in reach on every tab) and shows
   * the panel only once listening began.
   */
  controls?: boolean;
}

export function ListenPanel({
  listen,
  url,
  method,
  auth,
  live,
  map,
  allowlist,
  controls = true,
}: Props) {
  const [openCall, setOpenCall] = useState<string>();
  const active = listen.status === 'listening' || listen.status === 'connecting';
  const [newest, ...older] = listen.calls;
  const shown = listen.calls.find((call) => call.callId === openCall) ?? newest;
  if (!controls && listen.status === 'idle' && listen.calls.length === 0) return null;
  return (
    <section
      className={`listen-panel is-${listen.status}`}
      aria-label="Listen"
      data-testid="listen-panel"
      data-status={listen.status}
    >
      {controls && (
        <header className="listen-head">
          <span className="listen-state" role="status">
            {listen.status === 'connecting' ? (
              <>
                <Spinner /> Connecting…
              </>
            ) : listen.status === 'listening' ? (
              <>
                <span className="live-dot is-pulsing" aria-hidden /> Listening
                {listen.calls.length > 0 &&
                  ` · ${listen.calls.length} call${listen.calls.length === 1 ? '' : 's'}`}
              </>
            ) : (
              'Listen'
            )}
          </span>
          {active ? (
            <button type="button" data-testid="listen-stop" onClick={listen.stop}>
              <StopIcon /> Stop
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              data-testid="listen-start"
              onClick={listen.start}
            >
              {listen.status === 'idle' ? 'Listen' : 'Listen again'}
            </button>
          )}
        </header>
      )}
      {controls && listen.status === 'idle' && listen.calls.length === 0 && (
        <p className="muted listen-intro">
          See the next real call to this URL as it arrives, then map its fields with one click.
          {live ? '' : ' Until you publish, calls are captured without running the flow.'}
        </p>
      )}
      {(listen.status === 'error' || listen.status === 'ended') && (
        <p className={listen.status === 'error' ? 'error' : 'muted'} role="alert">
          {listen.message}
        </p>
      )}
      {listen.status === 'listening' && listen.calls.length === 0 && url && (
        <Waiting url={url} method={method} auth={auth} />
      )}
      {listen.status === 'listening' && listen.calls.length > 0 && (
        <p className="muted listen-intro">Send more calls: they appear here as they arrive.</p>
      )}
      {shown && (
        <CallView
          call={fromListened(shown)}
          map={map}
          allowlist={allowlist}
          testId="listened-call"
        />
      )}
      {older.length > 0 && (
        <details className="listen-older">
          <summary>Earlier calls ({older.length})</summary>
          <ul>
            {[newest, ...older].map((call) =>
              call ? (
                <li key={call.callId}>
                  <button
                    type="button"
                    className={`call-row${call === shown ? ' is-open' : ''}`}
                    aria-pressed={call === shown}
                    onClick={() => setOpenCall(call.callId)}
                  >
                    <CallSummaryLine call={call} />
                  </button>
                </li>
              ) : null,
            )}
          </ul>
        </details>
      )}
    </section>
  );
}

function Waiting({ url, method, auth }: { url: string; method: string; auth: WebhookAuth }) {
  const command = curlExample(url, method, auth);
  return (
    <div className="listen-waiting" data-testid="listen-waiting">
      <p>
        <Spinner /> Waiting for a call… send one to
      </p>
      <div className="listen-url">
        <code data-testid="listen-url">{url}</code>
        <CopyButton text={url} what="the URL" />
      </div>
      {needsSignature(auth) ? (
        <p className="muted">
          This trigger checks a signature: send a test delivery from the sender&apos;s dashboard.
        </p>
      ) : (
        <>
          <p className="muted">For example, from a terminal:</p>
          <div className="listen-curl">
            <pre data-testid="listen-curl">{command}</pre>
            <CopyButton text={command} what="the curl command" />
          </div>
        </>
      )}
    </div>
  );
}
