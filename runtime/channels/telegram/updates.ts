// Telegram updates, validated (webhook bodies are outside input) and normalised into the
// few events a flow cares about: a text message, /start, a button press. Everything else
// (edited messages, photos, joins…) is ignored and counted, never an error.
import { z } from 'zod';

const userSchema = z.object({
  id: z.number().int(),
  first_name: z.string().max(256).optional(),
  last_name: z.string().max(256).optional(),
  username: z.string().max(64).optional(),
});

const chatSchema = z.object({ id: z.number().int() });

const messageSchema = z.object({
  message_id: z.number().int(),
  from: userSchema.optional(),
  chat: chatSchema,
  // Telegram caps a message at 4096 characters; a little slack for entities is harmless.
  text: z.string().max(8192).optional(),
});

const callbackQuerySchema = z.object({
  id: z.string().min(1).max(256),
  from: userSchema,
  message: z.object({ chat: chatSchema }).optional(),
  data: z.string().max(256).optional(),
});

/** One update: `update_id` and the two kinds we read checked; other fields pass through. */
export const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: messageSchema.optional(),
  callback_query: callbackQuerySchema.optional(),
});

export type TelegramUpdate = z.infer<typeof updateSchema>;

export interface TelegramSender {
  /** First and last name as the user set them (or their username, or their id). */
  name: string;
  username?: string;
}

interface EventBase {
  updateId: number;
  /** The chat's id as text: a run's ChatRef key. */
  chatId: string;
  userId: string;
  from: TelegramSender;
}

export type TelegramEvent =
  | (EventBase & { kind: 'message'; text: string })
  /** `/start` or `/start <payload>` (deep links: t.me/<bot>?start=<payload>). */
  | (EventBase & { kind: 'start'; payload?: string })
  | (EventBase & { kind: 'button'; buttonId: string; callbackQueryId: string });

export type IgnoredReason = 'not_text' | 'no_sender' | 'unsupported_update';

export type Normalised = { event: TelegramEvent } | { ignored: IgnoredReason };

const START = /^\/start(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/;

export function normaliseUpdate(update: TelegramUpdate): Normalised {
  const { update_id: updateId, message, callback_query: query } = update;
  if (message) {
    if (!message.from) return { ignored: 'no_sender' };
    if (message.text === undefined) return { ignored: 'not_text' };
    const base = {
      updateId,
      chatId: String(message.chat.id),
      userId: String(message.from.id),
      from: sender(message.from),
    };
    const start = START.exec(message.text.trim());
    if (start) {
      const payload = start[1]?.trim();
      return { event: { ...base, kind: 'start', ...(payload ? { payload } : {}) } };
    }
    return { event: { ...base, kind: 'message', text: message.text } };
  }
  if (query) {
    // A button on a message older than 48 h can arrive without the message: no chat to answer.
    if (!query.message || query.data === undefined) return { ignored: 'unsupported_update' };
    return {
      event: {
        kind: 'button',
        updateId,
        chatId: String(query.message.chat.id),
        userId: String(query.from.id),
        from: sender(query.from),
        buttonId: query.data,
        callbackQueryId: query.id,
      },
    };
  }
  return { ignored: 'unsupported_update' };
}

function sender(user: z.infer<typeof userSchema>): TelegramSender {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return {
    name: name || user.username || String(user.id),
    ...(user.username ? { username: user.username } : {}),
  };
}
