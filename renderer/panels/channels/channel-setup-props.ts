import type { ChannelSummary } from '../../../runtime/shared/channels';

/** What each channel's setup in the Channels view gets (channel-setups.ts). */
export interface ChannelSetupProps {
  channel: ChannelSummary;
  /** Call after connecting or disconnecting: the list reloads every channel's status. */
  onChanged(): void;
}
