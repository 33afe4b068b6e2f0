// The chat channels for the designer's Channels view and GET /api/channels: each
// registered channel with its label, whether it may write first, and its live status.
import type { Channel } from '../channels/channel';
import type { ChannelList } from '../shared/channels';

export function listChannels(channels: readonly Channel[]): ChannelList {
  return {
    channels: channels.map((channel) => ({
      id: channel.name,
      label: channel.label,
      canWriteFirst: channel.canWriteFirst,
      status: channel.status(),
    })),
  };
}
