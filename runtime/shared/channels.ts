// The chat channels as the designer and `GET /api/channels` see them (issue 14): which
// channels exist, whether each can write first (seed 004), and its live status with what
// to do about it. Browser-safe: the Channels view reads the same types the runtime writes.
//
//   GET /api/channels → { channels: ChannelSummary[] }
export type ChannelState = 'connected' | 'needs-setup' | 'error';

export interface ChannelStatus {
  state: ChannelState;
  /** What is going on, for people ("Connected as @shop_bot, long polling"). */
  message?: string;
  /** What to do about it ("Paste the bot token from @BotFather"); absent when nothing is needed. */
  action?: string;
}

export interface ChannelSummary {
  id: string;
  label: string;
  /** False: a bot may only answer people who have written to it first (seed 004). */
  canWriteFirst: boolean;
  status: ChannelStatus;
}

export interface ChannelList {
  channels: ChannelSummary[];
}
