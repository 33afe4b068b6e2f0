// The Chats view's list: filter by channel and by `q`, most recent activity first, paged by
// a cursor (the last chat id of the previous page), like the customers list.
import type { z } from 'zod';
import { CHAT_CONTACT_TYPES } from '../shared/customer-chat-binding';
import type { chatListQuerySchema, Chat, ChatPage } from '../shared/chats';
import { normaliseChatContact } from './chat-contact';

export type ChatListQuery = z.output<typeof chatListQuerySchema>;

/** `after` names no chat on this list (it was deleted, or the filter changed). */
export class UnknownCursorError extends Error {
  constructor(readonly after: string) {
    super(`"${after}" is not on this list`);
    this.name = 'UnknownCursorError';
  }
}

/**
 * `q` matches a contact value exactly in any spelling (normalised as each contact type
 * would be: "(11) 99999-8888" finds "+5511999998888"), a customer id, or part of a contact
 * value, case-insensitively. `chats` come most recent first.
 */
export function pageChats(
  chats: readonly Chat[],
  query: ChatListQuery,
  defaultCountry: string | undefined,
): ChatPage {
  const { channel, limit, after } = query;
  const q = query.q?.trim() ?? '';
  let matches =
    channel === undefined ? [...chats] : chats.filter((chat) => chat.channel === channel);
  if (q !== '') {
    const spellings = new Set(
      CHAT_CONTACT_TYPES.map(
        (type) => normaliseChatContact({ type, value: q }, defaultCountry).contact.value,
      ),
    );
    const needle = q.toLowerCase();
    matches = matches.filter(
      (chat) =>
        spellings.has(chat.contact.value) ||
        chat.customerId === q ||
        chat.contact.value.toLowerCase().includes(needle),
    );
  }
  let start = 0;
  if (after !== undefined) {
    const at = matches.findIndex((chat) => chat.id === after);
    if (at === -1) throw new UnknownCursorError(after);
    start = at + 1;
  }
  const page = matches.slice(start, start + limit);
  const last = page.at(-1);
  return { chats: page, ...(last && start + limit < matches.length ? { next: last.id } : {}) };
}
