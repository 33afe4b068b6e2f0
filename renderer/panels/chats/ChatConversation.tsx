// One chat's conversation, oldest first: what the person wrote (in) and what flows sent
// (out). An out message the channel could not take is marked "not delivered" with why.
import { useEffect, useState } from 'react';
import type { ChatDetail } from '../../../runtime/shared/chats';
import { ApiRequestError } from '../../api/client';
import { chatsApi } from '../../api/chats';
import { errorText } from '../../store/notices-store';
import { Spinner, WarningIcon } from '../../ui/icons';
import { routeHref } from '../../use-hash-route';
import { useCustomerNames } from '../customers/use-customer-names';
import { formatStarted } from '../runs/run-format';
import { useNow } from '../runs/use-now';
import { chatTitle, connectionText } from './chat-format';

type Load =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; detail: ChatDetail };

export function ChatConversation({ chatId }: { chatId: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    chatsApi.get(chatId, controller.signal).then(
      (detail) => setLoad({ state: 'ok', detail }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({
          state: 'error',
          message:
            error instanceof ApiRequestError && error.status === 404
              ? 'There is no chat with this id.'
              : `Could not load the chat: ${errorText(error)}`,
        });
      },
    );
    return () => controller.abort();
  }, [chatId, attempt]);
  const customerId = load.state === 'ok' ? load.detail.chat.customerId : undefined;
  const names = useCustomerNames(customerId ? [customerId] : []);
  const now = useNow(false);

  if (load.state === 'loading') {
    return (
      <p className="muted" role="status">
        <Spinner /> Loading the conversation…
      </p>
    );
  }
  if (load.state === 'error') {
    return (
      <p className="error" role="alert" data-testid="chat-error">
        {load.message}{' '}
        <button type="button" className="link" onClick={() => setAttempt((n) => n + 1)}>
          Retry
        </button>
      </p>
    );
  }
  const { chat, messages } = load.detail;
  return (
    <article
      className="chat-detail"
      aria-labelledby="chat-title"
      data-testid="chat-detail"
      data-chat-id={chat.id}
    >
      <header className="customer-detail-head">
        <h3 id="chat-title">{chatTitle(chat)}</h3>
        <code className="muted">{chat.id}</code>
      </header>
      <p className={chat.connected ? 'muted' : 'run-chat-note'} data-testid="chat-connection">
        {!chat.connected && <WarningIcon />} {connectionText(chat)}
      </p>
      <p>
        Customer:{' '}
        {chat.customerId ? (
          <a
            href={routeHref({ view: 'customers', customerId: chat.customerId })}
            data-testid="chat-customer-link"
          >
            {names.get(chat.customerId) ?? chat.customerId}
          </a>
        ) : (
          <span className="muted">none linked</span>
        )}
      </p>
      {messages.length === 0 ? (
        <p className="muted">No messages yet.</p>
      ) : (
        <ol
          className="chat-conversation"
          aria-label="Messages, oldest first"
          data-testid="chat-messages"
        >
          {messages.map((message, index) => (
            <li
              key={index}
              className={`chat-message is-${message.direction}${message.notDelivered ? ' is-undelivered' : ''}`}
              data-testid="chat-message"
              data-direction={message.direction}
            >
              <span className="visually-hidden">
                {message.direction === 'in' ? 'They wrote: ' : 'Sent: '}
              </span>
              <span className="chat-message-text">{message.text}</span>
              <span className="muted chat-message-meta">
                <time dateTime={message.at}>{formatStarted(message.at, now)}</time>
                {message.runId && (
                  <>
                    {' '}
                    · run <code>{message.runId}</code>
                  </>
                )}
              </span>
              {message.notDelivered && (
                <span className="chat-undelivered" data-testid="chat-not-delivered">
                  <WarningIcon /> {message.notDelivered}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
