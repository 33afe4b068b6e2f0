// Chats (issue 13, seed 001 "Chat Binding"): a conversation with one contact on one
// channel, linked to a customer. Admin API shapes, browser-safe so the designer's Chats view
// reads the same types the runtime writes.
//
//   GET    /api/chats?channel=&q=&limit=&after=   → ChatPage (newest activity first)
//   GET    /api/chats/:id                          → ChatDetail (with its recent messages)
//   GET    /api/customers/:id                      → includes `chatIds` (see customer.ts)
import { z } from 'zod';
import { chatBindingChannelSchema, chatContactTypeSchema } from './customer-chat-binding';

export const CHAT_ID_PATTERN = /^chat_[0-9a-z]{8,40}$/;

export const chatSchema = z.object({
  id: z.string().regex(CHAT_ID_PATTERN),
  channel: chatBindingChannelSchema,
  contact: z.object({ type: chatContactTypeSchema, value: z.string().min(1).max(320) }),
  customerId: z.string().optional(),
  /** Whether the channel can deliver to this chat right now (test chat: yes). */
  connected: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * When the person first wrote in this chat (an inbound message). Until then a channel
   * that cannot write first (Telegram, the widget) refuses to send here (seed 004).
   */
  firstInboundAt: z.string().optional(),
});
export type Chat = z.infer<typeof chatSchema>;

export const chatMessageSchema = z.object({
  at: z.string(),
  /** `out`: the flow sent it; `in`: the person wrote it. */
  direction: z.enum(['in', 'out']),
  text: z.string(),
  runId: z.string().optional(),
  /** Out messages a channel could not take, with the reason shown in the Chats view. */
  notDelivered: z.string().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export interface ChatPage {
  chats: Chat[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

export interface ChatDetail {
  chat: Chat;
  /** Oldest first, the most recent ones (bounded). */
  messages: ChatMessage[];
}

export const chatListQuerySchema = z.object({
  channel: chatBindingChannelSchema.optional(),
  /** Matches the contact value (normalised like a customer's) or the customer id. */
  q: z.string().max(320).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().max(100).optional(),
});
