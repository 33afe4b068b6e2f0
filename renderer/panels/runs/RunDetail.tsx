// One run in detail: how it started and ended, each step (click one to go to its node),
// its variables and output. Its path is drawn on the canvas while it is open; Escape or
// Close clears it.
import type { KeyboardEvent } from 'react';
import type { Run } from '../../../runtime/shared/run';
import { isTypingTarget } from '../../canvas/keyboard';
import { useEditor } from '../../store/editor-store';
import { routeHref } from '../../use-hash-route';
import { useChatTitle } from '../chats/use-chat-title';
import { useCustomerNames } from '../customers/use-customer-names';
import { useNodeNames } from '../../store/node-names';
import { isLiveRun, useRuns } from '../../store/runs-store';
import { CrossIcon, Spinner, StopIcon, WarningIcon } from '../../ui/icons';
import {
  chatSkippedText,
  formatDuration,
  formatStarted,
  routeText,
  runDuration,
  showValue,
  triggerText,
  versionText,
} from './run-format';
import { RunStatusBadge } from './RunStatusBadge';
import { RunSteps } from './RunSteps';
import { useNow } from './use-now';

const WAIT_TEXT = {
  input: 'a reply in the chat',
  timer: 'its timer',
  webhook: 'a webhook call',
};

export function RunDetail() {
  const selectedId = useRuns((state) => state.selectedId);
  const run = useRuns((state) => state.detail);
  const loading = useRuns((state) => state.detailLoading);
  const error = useRuns((state) => state.detailError);
  const close = useRuns((state) => state.close);
  const select = useRuns((state) => state.select);

  const closeAndReturn = () => {
    close();
    // The detail goes away with focus in it: hand focus back to the run's row.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-run-id="${selectedId}"]`)?.focus(),
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || isTypingTarget(event.target)) return;
    event.preventDefault();
    closeAndReturn();
  };

  return (
    <section
      className="run-detail"
      aria-label={`Run ${selectedId ?? ''}`}
      data-testid="run-detail"
      data-run-id={selectedId}
      onKeyDown={onKeyDown}
    >
      <header className="run-detail-head">
        <h3>
          Run <code>{selectedId}</code>
        </h3>
        {run && <RunStatusBadge status={run.status} />}
        {loading && (
          <span className="muted" role="status">
            <Spinner /> <span className="visually-hidden">Loading the run…</span>
          </span>
        )}
        <span className="spacer" />
        {run && isLiveRun(run) && <CancelButton />}
        <button
          type="button"
          className="icon-button"
          aria-label="Close the run and clear its path"
          title="Close (Esc)"
          data-testid="run-detail-close"
          onClick={closeAndReturn}
        >
          <CrossIcon />
        </button>
      </header>
      {error && (
        <p className="error" role="alert">
          Could not load the run: {error}{' '}
          {selectedId && (
            <button type="button" className="link" onClick={() => void select(selectedId)}>
              Retry
            </button>
          )}
        </p>
      )}
      {!run && !error && (
        <p className="muted" role="status">
          <Spinner /> Loading the run…
        </p>
      )}
      {run && <RunBody run={run} />}
    </section>
  );
}

function CancelButton() {
  const cancel = useRuns((state) => state.cancel);
  const cancelling = useRuns((state) => state.cancelling);
  const cancelError = useRuns((state) => state.cancelError);
  return (
    <>
      {cancelError && (
        <span className="error" role="alert">
          {cancelError}
        </span>
      )}
      <button
        type="button"
        className="run-cancel"
        data-testid="run-cancel"
        disabled={cancelling}
        onClick={() => void cancel()}
      >
        {cancelling ? <Spinner /> : <StopIcon />} Cancel run
      </button>
    </>
  );
}

function RunBody({ run }: { run: Run }) {
  const now = useNow(isLiveRun(run));
  const missing = useRuns((state) => state.path?.missingNodes ?? []);
  const nodes = useEditor((state) => state.nodes);
  const names = useNodeNames();
  const waitingName = run.waiting
    ? (names.get(run.waiting.nodeId) ?? 'a node no longer on the canvas')
    : undefined;
  const route = routeText(
    run,
    (nodeId) => nodes.find((node) => node.id === nodeId)?.type,
    (nodeId) => names.get(nodeId),
  );
  const duration = formatDuration(runDuration(run, now));
  const outputs = Object.entries(run.output ?? {});
  const variables = Object.entries(run.variables);
  return (
    <>
      <dl className="run-facts">
        <div>
          <dt>Trigger</dt>
          <dd data-testid="run-trigger">{triggerText(run.trigger.type)}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{versionText(run.flowVersion)}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <time dateTime={run.startedAt}>{formatStarted(run.startedAt, now)}</time>
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{isLiveRun(run) ? `${duration} so far` : duration}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd title={run.mode === 'headless' ? 'No chat: nodes that talk are skipped' : undefined}>
            {run.mode === 'full' ? 'With a chat' : 'Headless'}
          </dd>
        </div>
        <RunLinks run={run} />
        {route && (
          <div className="run-fact-wide">
            <dt>Path</dt>
            <dd data-testid="run-route">{route}</dd>
          </div>
        )}
      </dl>
      {run.chatSkipped !== undefined && run.chatSkipped > 0 && (
        <p className="run-chat-note" data-testid="run-chat-skipped">
          <WarningIcon /> {chatSkippedText(run.chatSkipped)}: this run had no chat (headless), so
          nodes that talk to a person did not run.{' '}
          {run.trigger.type === 'webhook'
            ? 'Webhook runs have no chat to talk in.'
            : 'Talk to the flow in Test chat to run them.'}
        </p>
      )}
      {run.error && (
        <p className="run-error" role="alert" data-testid="run-error">
          {run.error}
        </p>
      )}
      {run.waiting && (
        <p className="run-wait-note" data-testid="run-waiting">
          Waiting for {WAIT_TEXT[run.waiting.kind]} at <strong>{waitingName}</strong>
          {run.waiting.until
            ? ` until ${formatStarted(run.waiting.until, now)}`
            : ` since ${formatStarted(run.waiting.since, now)}`}
          .
        </p>
      )}
      {run.jumpedTo && (
        <p className="muted">
          Handed over to flow <code>{run.jumpedTo.flowId}</code>, run{' '}
          <code>{run.jumpedTo.runId}</code>.
        </p>
      )}
      {missing.length > 0 && (
        <p className="muted run-missing">
          {missing.length === 1 ? 'One node' : `${missing.length} nodes`} of this run{' '}
          {missing.length === 1 ? 'is' : 'are'} no longer on the canvas (the draft changed since{' '}
          {versionText(run.flowVersion)}).
        </p>
      )}
      <div className="run-detail-grid">
        <section aria-label="Steps">
          <h4>
            Steps <span className="muted">({run.steps.length})</span>
          </h4>
          <RunSteps run={run} />
        </section>
        <section aria-label="Variables and output">
          <h4>Variables</h4>
          <ValueTable entries={variables} empty="No variables set." testId="run-variables" />
          {run.output && (
            <>
              <h4>Output</h4>
              <ValueTable entries={outputs} empty="Empty." testId="run-output" />
            </>
          )}
        </section>
      </div>
    </>
  );
}

/** The customer and chat the run's binding linked, as links into their views. */
function RunLinks({ run }: { run: Run }) {
  const names = useCustomerNames(run.customerId ? [run.customerId] : []);
  const chat = useChatTitle(run.chatId);
  return (
    <>
      {run.customerId && (
        <div>
          <dt>Customer</dt>
          <dd>
            <a
              href={routeHref({ view: 'customers', customerId: run.customerId })}
              data-testid="run-customer-link"
            >
              {names.get(run.customerId) ?? run.customerId}
            </a>
          </dd>
        </div>
      )}
      {run.chatId && (
        <div>
          <dt>Chat</dt>
          <dd>
            <a href={routeHref({ view: 'chats', chatId: run.chatId })} data-testid="run-chat-link">
              {chat ?? run.chatId}
            </a>
          </dd>
        </div>
      )}
    </>
  );
}

function ValueTable({
  entries,
  empty,
  testId,
}: {
  entries: [string, unknown][];
  empty: string;
  testId: string;
}) {
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="value-table" data-testid={testId}>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>
              <pre>{showValue(value)}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
