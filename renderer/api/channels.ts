// The admin API behind the Channels view: the channels with their status (shapes in
// runtime/shared/channels.ts) and the Telegram bot's setup (runtime/shared/telegram.ts).
import type { ChannelList } from '../../runtime/shared/channels';
import type { TelegramConnectInput, TelegramInfo } from '../../runtime/shared/telegram';
import { request } from './client';

export const channelsApi = {
  list: (signal?: AbortSignal) =>
    request<ChannelList>('GET', '/api/channels', undefined, signal).then((r) => r.channels),
};

export const telegramApi = {
  get: (signal?: AbortSignal) =>
    request<TelegramInfo>('GET', '/api/channels/telegram', undefined, signal),
  /** Checks the token with Telegram (getMe) before anything is saved. */
  connect: (input: TelegramConnectInput) =>
    request<TelegramInfo>('POST', '/api/channels/telegram/connect', input),
  setFlow: (flowId: string | null) =>
    request<TelegramInfo>('PUT', '/api/channels/telegram/settings', { flowId }),
  disconnect: () => request<TelegramInfo>('DELETE', '/api/channels/telegram'),
};
