// The Telegram channel's admin API (browser-safe: the designer's Telegram setup sends and
// reads these). The bot token goes in once, in `connect`, and never comes back.
//
//   GET    /api/channels/telegram           → TelegramInfo
//   POST   /api/channels/telegram/connect   { token, flowId? } → TelegramInfo (getMe first)
//   PUT    /api/channels/telegram/settings  { flowId } → TelegramInfo
//   DELETE /api/channels/telegram           → TelegramInfo (disconnected, token deleted)
import { z } from 'zod';
import type { ChannelStatus } from './channels';

/** Where the Bot API calls Hookflow while the public tunnel is online (public listener). */
export const TELEGRAM_WEBHOOK_PATH = '/channels/telegram/webhook';

const flowIdSchema = z.string().trim().min(1).max(100);

export const telegramConnectInputSchema = z.object({
  /** From @BotFather: `123456789:AA…`. Checked with getMe before anything is saved. */
  token: z
    .string()
    .trim()
    .min(1, 'Paste the bot token from @BotFather')
    .max(200, 'A bot token is shorter than that: copy it again from @BotFather'),
  flowId: flowIdSchema.nullable().optional(),
});
export type TelegramConnectInput = z.infer<typeof telegramConnectInputSchema>;

export const telegramSettingsInputSchema = z.object({
  /** The flow a new conversation (and every `/start`) opens; null: none. */
  flowId: flowIdSchema.nullable(),
});

export type TelegramMode = 'stopped' | 'polling' | 'webhook';

export interface TelegramInfo {
  /** A token is saved (it may still be connecting, or refused since). */
  configured: boolean;
  bot?: { id: number; username: string; name: string };
  /** Long polling without a public URL; webhook while the tunnel is online. */
  mode: TelegramMode;
  flowId?: string;
  status: ChannelStatus;
}
