// The Chats view (issue 13): chats per channel, newest activity first, each with its
// contact, channel, linked customer and whether the channel can deliver; the selected
// chat's conversation beside the list. Channel and chat are in the URL
// (#/chats/<id>?channel=<channel>), so a customer's chat links straight here.
import { useCallback, useEffect, useState } from 'react';
import type { Chat, ChatPage } from '../../../runtime/shared/chats';
import {
  CHAT_BINDING_CHANNELS,
  type ChatBindingChannel,
} from '../../../runtime/shared/customer-chat-binding';
import { chatsApi } from '../../api/chats';
import { errorText } from '../../store/notices-store';
import { Spinner } from '../../ui/icons';
import { routeHref } from '../../use-hash-route';
import { useCustomerNames } from '../customers/use-customer-names';
import { CHANNEL_LABELS } from './chat-format';
import { ChatConversation } from './ChatConversation';

export const CHATS_PAGE = 50;

interface Props {
  chatId: string | undefined;
  channel: ChatBindingChannel | undefined;
}

export function ChatsView({ chatId, channel }: Props) {
  const list = useChatList(channel);
  const names = useCustomerNames(list.chats.flatMap((chat) => chat.customerId ?? []));
  return (
    <div className="chats-view" data-testid="chats-view">
      <section className="chats-list-column" aria-labelledby="chats-heading">
        <header className="customers-head">
          <h2 id="chats-heading">Chats</h2>
          <span className="spacer" />
          <label className="chats-channel">
            <span>Channel</span>
            <select
              value={channel ?? ''}
              data-testid="chats-channel"
              onChange={(event) => {
                const value = event.target.value as ChatBindingChannel | '';
                window.location.hash = routeHref({
                  view: 'chats',
                  ...(chatId ? { chatId } : {}),
                  ...(value ? { channel: value } : {}),
                }).slice(1);
              }}
            >
              <option value="">All channels</option>
              {CHAT_BINDING_CHANNELS.map((id) => (
                <option key={id} value={id}>
                  {CHANNEL_LABELS[id]}
                </option>
              ))}
            </select>
          </label>
        </header>
        {list.error && (
          <p className="error" role="alert">
            Could not load chats: {list.error}{' '}
            <button type="button" className="link" onClick={list.reload}>
              Retry
            </button>
          </p>
        )}
        {list.loading && (
          <p className="muted" role="status">
            <Spinner /> Loading chats…
          </p>
        )}
        {!list.loading && !list.error && list.chats.length === 0 && (
          <p className="muted" data-testid="chats-empty">
            {channel
              ? `No chats on ${CHANNEL_LABELS[channel]} yet.`
              : 'No chats yet. A Webhook Trigger with chat binding opens one per contact and channel.'}
          </p>
        )}
        {list.chats.length > 0 && (
          <ul
            className="customer-list"
            aria-label="Chats, newest activity first"
            data-testid="chat-list"
          >
            {list.chats.map((chat) => (
              <li key={chat.id}>
                <ChatRow
                  chat={chat}
                  channel={channel}
                  selected={chat.id === chatId}
                  customerName={chat.customerId ? names.get(chat.customerId) : undefined}
                />
              </li>
            ))}
          </ul>
        )}
        {list.next && (
          <button
            type="button"
            className="customers-more"
            data-testid="chats-more"
            disabled={list.loadingMore}
            onClick={list.loadMore}
          >
            {list.loadingMore ? <Spinner /> : null} Load more
          </button>
        )}
      </section>
      <section className="chat-detail-column" aria-label="Conversation">
        {chatId ? (
          <ChatConversation key={chatId} chatId={chatId} />
        ) : (
          <p className="muted customer-detail-empty">Select a chat to read its conversation.</p>
        )}
      </section>
    </div>
  );
}

function ChatRow({
  chat,
  channel,
  selected,
  customerName,
}: {
  chat: Chat;
  channel: ChatBindingChannel | undefined;
  selected: boolean;
  customerName: string | undefined;
}) {
  return (
    <a
      href={routeHref({ view: 'chats', chatId: chat.id, ...(channel ? { channel } : {}) })}
      className={`customer-row${selected ? ' is-selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-testid="chat-row"
      data-chat-id={chat.id}
    >
      <span className="customer-row-name">{chat.contact.value}</span>
      <span className="muted customer-row-values">
        {CHANNEL_LABELS[chat.channel]} ·{' '}
        {chat.customerId ? (customerName ?? chat.customerId) : 'no customer'} ·{' '}
        <span className={chat.connected ? 'chat-connected' : 'chat-not-connected'}>
          {chat.connected ? 'connected' : 'not connected'}
        </span>
      </span>
    </a>
  );
}

function useChatList(channel: ChatBindingChannel | undefined) {
  const [page, setPage] = useState<ChatPage>({ chats: [] });
  const [answered, setAnswered] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const key = `${attempt}:${channel ?? ''}`;
    chatsApi.list({ channel, limit: CHATS_PAGE }, controller.signal).then(
      (first) => {
        setPage(first);
        setError(undefined);
        setAnswered(key);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorText(caught));
        setAnswered(key);
      },
    );
    return () => controller.abort();
  }, [channel, attempt]);
  const loadMore = useCallback(() => {
    if (!page.next) return;
    setLoadingMore(true);
    chatsApi
      .list({ channel, limit: CHATS_PAGE, after: page.next })
      .then(
        (more) =>
          setPage((shown) => ({
            chats: [...shown.chats, ...more.chats],
            ...(more.next ? { next: more.next } : {}),
          })),
        (caught: unknown) => setError(errorText(caught)),
      )
      .finally(() => setLoadingMore(false));
  }, [channel, page.next]);
  const loading = answered !== `${attempt}:${channel ?? ''}`;
  return {
    chats: page.chats,
    next: page.next,
    loading,
    loadingMore,
    error,
    loadMore,
    reload: () => setAttempt((n) => n + 1),
  };
}
