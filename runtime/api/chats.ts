// The chats admin API (issue 13): the Chats view's list (paged, by channel, by contact or
// customer) and one chat with its conversation. Chats are made by Webhook Trigger runs,
// never through this API.
import { UnknownCursorError, type ChatService } from '../chats/chat-service';
import {
  CHAT_ID_PATTERN,
  chatListQuerySchema,
  type ChatDetail,
  type ChatPage,
} from '../shared/chats';
import { ApiError, notFound, parseInput } from './api-error';

export interface ChatsContext {
  chats: ChatService;
}

export function listChats(ctx: ChatsContext, query: unknown): ChatPage {
  const parsed = parseInput(chatListQuerySchema, query);
  try {
    return ctx.chats.page(parsed);
  } catch (error) {
    if (error instanceof UnknownCursorError) {
      throw new ApiError(400, 'invalid_cursor', error.message);
    }
    throw error;
  }
}

export async function getChat(ctx: ChatsContext, id: string): Promise<ChatDetail> {
  const detail = CHAT_ID_PATTERN.test(id) ? await ctx.chats.detail(id) : undefined;
  if (!detail) throw notFound('chat', id);
  return detail;
}
