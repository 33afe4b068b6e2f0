// Where the test conversation stands: the run's status in words, and the connection to
// the runtime while the conversation is still going.
import type { RunStatus } from '../../../runtime/shared/run';
import { useTestChat } from '../../store/test-chat-store';
import type { ChatConnection } from '../../store/test-chat-follow';
import { Spinner } from '../../ui/icons';

const STATUS: Record<RunStatus | 'unknown', string> = {
  running: 'The flow is working…',
  waiting: 'Waiting for your reply',
  completed: 'Conversation completed',
  failed: 'Failed',
  unknown: 'Status unknown',
};

const CONNECTION: Record<ChatConnection, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  polling: 'Live (polling)',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

export function ChatStatus() {
  const runStatus = useTestChat((state) => state.runStatus);
  const connection = useTestChat((state) => state.connection);
  const connectionError = useTestChat((state) => state.connectionError);
  if (!runStatus) return null;
  const finished = runStatus === 'completed' || runStatus === 'failed';
  return (
    <>
      <span
        className={`chat-status status-${runStatus}`}
        role="status"
        data-testid="chat-status"
        data-status={runStatus}
      >
        {runStatus === 'running' && <Spinner />} {STATUS[runStatus]}
      </span>
      {!finished && connection && (
        <span
          className={`chat-connection is-${connection}`}
          data-testid="chat-connection"
          data-state={connection}
          title={connectionError}
        >
          <span className="chat-connection-dot" aria-hidden />
          {CONNECTION[connection]}
          {connectionError && connection === 'offline' && (
            <span className="error">: {connectionError}</span>
          )}
        </span>
      )}
    </>
  );
}
