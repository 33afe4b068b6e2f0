// The admin API behind the Chats view (shapes in runtime/shared/chats.ts).
import type { ChatDetail, ChatPage } from '../../runtime/shared/chats';
import type { ChatBindingChannel } from '../../runtime/shared/customer-chat-binding';
import { request } from './client';

export interface ChatQuery {
  channel?: ChatBindingChannel;
  /** A contact value (normalised like a customer's) or a customer id. */
  q?: string;
  limit: number;
  after?: string;
}

export const chatsApi = {
  /** Newest activity first. */
  list: (query: ChatQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.channel) params.set('channel', query.channel);
    if (query.q) params.set('q', query.q);
    if (query.after) params.set('after', query.after);
    return request<ChatPage>('GET', `/api/chats?${params.toString()}`, undefined, signal);
  },
  get: (id: string, signal?: AbortSignal) =>
    request<ChatDetail>('GET', `/api/chats/${encodeURIComponent(id)}`, undefined, signal),
};
