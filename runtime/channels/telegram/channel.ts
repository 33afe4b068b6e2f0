// Telegram as a registered channel (runtime/channels/registry.ts): the bot, its settings
// and its webhook, opened on the data folder's `telegram/` (telegram-channel.ts).
import type { ChannelKind } from '../channel';
import { TELEGRAM_CHANNEL, TelegramChannel } from './telegram-channel';

export const telegramChannel = {
  id: TELEGRAM_CHANNEL,
  open: (options) => TelegramChannel.open(options),
} as const satisfies ChannelKind;
