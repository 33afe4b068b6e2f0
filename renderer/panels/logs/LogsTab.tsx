// The Logs tab (seed 001): this trigger's recent calls, newest first and paged — status,
// authentication outcome, time, method, size and markers — and a call in full with the
// same Map / copy-path tree, and Replay (runs it again against the published version).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallDetails, CallSummary } from '../../../runtime/shared/calls';
import { webhooksApi } from '../../api/webhooks';
import { errorText } from '../../store/notices-store';
import { ArrowLeftIcon, Spinner } from '../../ui/icons';
import { CallSummaryLine, CallView, type AllowlistActions } from '../calls/CallView';
import { fromDetails } from '../calls/call-view-data';
import type { MapAction } from '../calls/PayloadTree';
import { ReplayButton, type ReplayState } from './ReplayButton';

const PAGE = 20;

interface Props {
  flowId: string;
  nodeId: string;
  map?: MapAction | undefined;
  allowlist?: AllowlistActions | undefined;
  /** Changes whenever a call arrived meanwhile (Listen saw one): the list reloads. */
  refreshKey?: number;
}

interface ListState {
  calls: CallSummary[];
  next: string | undefined;
  loading: 'first' | 'more' | undefined;
  error: string | undefined;
}

export function LogsTab({ flowId, nodeId, map, allowlist, refreshKey = 0 }: Props) {
  const [list, setList] = useState<ListState>({
    calls: [],
    next: undefined,
    loading: 'first',
    error: undefined,
  });
  const [openId, setOpenId] = useState<string>();
  const seq = useRef(0);

  const load = useCallback(
    async (before?: string) => {
      const mine = (seq.current += 1);
      setList((current) => ({ ...current, loading: before ? 'more' : 'first', error: undefined }));
      try {
        const page = await webhooksApi.listCalls(flowId, nodeId, { limit: PAGE, before });
        if (mine !== seq.current) return;
        setList((current) => ({
          calls: before ? [...current.calls, ...page.calls] : page.calls,
          next: page.next,
          loading: undefined,
          error: undefined,
        }));
      } catch (error) {
        if (mine !== seq.current) return;
        setList((current) => ({ ...current, loading: undefined, error: errorText(error) }));
      }
    },
    [flowId, nodeId],
  );

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  if (openId) {
    return (
      <CallDetail
        callId={openId}
        map={map}
        allowlist={allowlist}
        onBack={() => setOpenId(undefined)}
        onReplayed={() => void load()}
      />
    );
  }
  return (
    <section className="logs" aria-label="Logs" data-testid="logs">
      <header className="logs-head">
        <h3>Recent calls</h3>
        <button
          type="button"
          data-testid="logs-refresh"
          disabled={list.loading !== undefined}
          onClick={() => void load()}
        >
          {list.loading === 'first' ? <Spinner /> : null} Refresh
        </button>
      </header>
      {list.error && (
        <p className="error" role="alert">
          Could not load the calls: {list.error}{' '}
          <button type="button" className="link" onClick={() => void load()}>
            Retry
          </button>
        </p>
      )}
      {list.loading === 'first' && list.calls.length === 0 && (
        <p className="muted">
          <Spinner /> Loading calls…
        </p>
      )}
      {!list.loading && !list.error && list.calls.length === 0 && (
        <p className="muted" data-testid="logs-empty">
          No calls yet. Every call to this trigger&apos;s URL appears here, refused ones too, newest
          first.
        </p>
      )}
      <ul className="call-list">
        {list.calls.map((call) => (
          <li key={call.id}>
            <button
              type="button"
              className="call-row"
              data-testid="log-call"
              data-status={call.status}
              data-call-id={call.id}
              onClick={() => setOpenId(call.id)}
            >
              <CallSummaryLine call={call} />
            </button>
          </li>
        ))}
      </ul>
      {list.next && (
        <button
          type="button"
          className="logs-more"
          disabled={list.loading !== undefined}
          onClick={() => void load(list.next)}
        >
          {list.loading === 'more' ? (
            <>
              <Spinner /> Loading…
            </>
          ) : (
            'Load older calls'
          )}
        </button>
      )}
    </section>
  );
}

interface DetailProps {
  callId: string;
  map: MapAction | undefined;
  allowlist: AllowlistActions | undefined;
  onBack: () => void;
  onReplayed: () => void;
}

function CallDetail({ callId, map, allowlist, onBack, onReplayed }: DetailProps) {
  const [call, setCall] = useState<CallDetails>();
  const [error, setError] = useState<string>();
  const [replay, setReplay] = useState<ReplayState>();
  const back = useRef<HTMLButtonElement>(null);

  // Bumped by Retry: loads the call again.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    webhooksApi.getCall(callId).then(
      (found) => {
        if (!current) return;
        setCall(found);
        setError(undefined);
      },
      (failure: unknown) => {
        if (current) setError(errorText(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [callId, attempt]);

  useEffect(() => {
    back.current?.focus();
  }, []);

  return (
    <section className="logs" aria-label="Call" data-testid="log-detail">
      <header className="logs-head">
        <button ref={back} type="button" className="link-button" onClick={onBack}>
          <ArrowLeftIcon /> All calls
        </button>
      </header>
      {error && (
        <p className="error" role="alert">
          Could not load this call: {error}{' '}
          <button type="button" className="link" onClick={() => setAttempt(attempt + 1)}>
            Retry
          </button>
        </p>
      )}
      {!call && !error && (
        <p className="muted">
          <Spinner /> Loading the call…
        </p>
      )}
      {replay && 'result' in replay && (
        <p className="replay-result" role="status" data-testid="replay-result">
          Replayed as a new call. Run <code>{replay.result.runId}</code> started.
        </p>
      )}
      {replay && 'error' in replay && (
        <p className="error" role="alert">
          Could not replay: {replay.error}
        </p>
      )}
      {call && (
        <CallView
          call={fromDetails(call)}
          map={map}
          allowlist={allowlist}
          actions={
            <ReplayButton call={call} state={replay} onState={setReplay} onReplayed={onReplayed} />
          }
        />
      )}
    </section>
  );
}
