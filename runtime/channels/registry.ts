// The chat channels Hookflow ships. Adding one: its folder under runtime/channels/, a line
// here and its id in shared/channel-ids.ts (the check below keeps the two lists equal).
import { SHIPPED_CHANNEL_IDS, type ShippedChannelId } from '../shared/channel-ids';
import type { ChannelKind } from './channel';
import { telegramChannel } from './telegram/channel';
import { testChatChannel } from './test-chat/channel';
import { widgetChannel } from './widget/channel';

export const shippedChannels: readonly (ChannelKind & { id: ShippedChannelId })[] = [
  testChatChannel,
  telegramChannel,
  widgetChannel,
];

// Same ids, same order: the stored-run schema and the call_node URLs read the shared list.
if (shippedChannels.map((kind) => kind.id).join() !== SHIPPED_CHANNEL_IDS.join()) {
  throw new Error('runtime/channels/registry.ts and shared/channel-ids.ts list different channels');
}
