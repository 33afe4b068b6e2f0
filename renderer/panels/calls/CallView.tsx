// One call in full (Listen and the Logs tab): method, time, status, authentication outcome,
// markers, the caller's IP and Origin with "Add to allowlist", and the payload tree.
import type { ReactNode } from 'react';
import type { CallAuth } from '../../../runtime/shared/calls';
import {
  authText,
  callMarkers,
  callTime,
  formatBytes,
  statusKind,
  type CallMarkersInput,
} from './call-format';
import type { CallViewData } from './call-view-data';
import { PayloadTree, type MapAction, type PayloadRoot } from './PayloadTree';

export interface AllowlistActions {
  hasIp: (ip: string) => boolean;
  hasOrigin: (origin: string) => boolean;
  addIp: (ip: string) => void;
  addOrigin: (origin: string) => void;
}

interface Props {
  call: CallViewData;
  map?: MapAction | undefined;
  allowlist?: AllowlistActions | undefined;
  /** Extra actions in the header (Replay). */
  actions?: ReactNode;
  testId?: string;
}

/** What a one-line summary needs (a logged call's summary, a listened call, a full one). */
export interface CallLineData extends CallMarkersInput {
  method: string;
  at: string;
  status?: number | undefined;
  auth: CallAuth;
  size: number;
}

export function CallSummaryLine({ call }: { call: CallLineData }) {
  return (
    <span className="call-line">
      <span className="call-method">{call.method}</span>
      <StatusBadge status={call.status} />
      <span className={`call-auth outcome-${call.auth.outcome}`}>{authText(call.auth)}</span>
      {callMarkers(call).map((marker) => (
        <span key={marker} className="call-marker">
          {marker}
        </span>
      ))}
      <span className="call-meta muted">
        <time dateTime={call.at}>{callTime(call.at)}</time> · {formatBytes(call.size)}
      </span>
    </span>
  );
}

export function StatusBadge({ status }: { status: number | undefined }) {
  return (
    <span className={`status-badge kind-${statusKind(status)}`} title="HTTP status returned">
      {status ?? '…'}
    </span>
  );
}

export function CallView({ call, map, allowlist, actions, testId }: Props) {
  const roots: PayloadRoot[] = [
    { name: 'body', value: call.body, open: true },
    ...(Object.keys(call.query).length > 0 ? [{ name: 'query' as const, value: call.query }] : []),
    ...(Object.keys(call.params).length > 0
      ? [{ name: 'params' as const, value: call.params }]
      : []),
    { name: 'headers', value: call.headers, open: false },
  ];
  return (
    <article className="call-view" data-testid={testId} data-call-id={call.id}>
      <header className="call-view-head">
        <CallSummaryLine call={call} />
        {actions}
      </header>
      {call.error && (
        <p className="call-error" role="note">
          {call.error}
        </p>
      )}
      {call.runId && (
        <p className="call-run muted">
          Run <code>{call.runId}</code>
        </p>
      )}
      <dl className="call-caller">
        <div>
          <dt>IP</dt>
          <dd>
            <code>{call.ip || 'unknown'}</code>
            {allowlist && call.ip && (
              <AddButton
                done={allowlist.hasIp(call.ip)}
                label="Add to IP allowlist"
                doneLabel="In the IP allowlist"
                onAdd={() => allowlist.addIp(call.ip)}
              />
            )}
          </dd>
        </div>
        <div>
          <dt>Origin</dt>
          <dd>
            {call.origin ? (
              <>
                <code>{call.origin}</code>
                {allowlist && (
                  <AddButton
                    done={allowlist.hasOrigin(call.origin)}
                    label="Add to origin allowlist"
                    doneLabel="In the origin allowlist"
                    onAdd={() => call.origin && allowlist.addOrigin(call.origin)}
                  />
                )}
              </>
            ) : (
              <span className="muted">none sent (servers usually send none)</span>
            )}
          </dd>
        </div>
      </dl>
      {call.bodyNote && <p className="muted call-note">{call.bodyNote}</p>}
      {call.files.length > 0 && (
        <ul className="call-files">
          {call.files.map((file) => (
            <li key={`${file.field}/${file.filename}`}>
              File <code>{file.field}</code>: {file.filename} ({file.mimeType},{' '}
              {formatBytes(file.size)})
            </li>
          ))}
        </ul>
      )}
      <PayloadTree roots={roots} map={map} label={`Payload of the ${call.method} call`} />
    </article>
  );
}

function AddButton({
  done,
  label,
  doneLabel,
  onAdd,
}: {
  done: boolean;
  label: string;
  doneLabel: string;
  onAdd: () => void;
}) {
  if (done) return <span className="call-added">{doneLabel}</span>;
  return (
    <button type="button" className="link-button" onClick={onAdd}>
      {label}
    </button>
  );
}
