// Each channel's setup in the Channels view, by channel id. A channel with a setup adds one
// line here; one without (the test chat) shows only its status.
import type { ComponentType } from 'react';
import type { ChannelSetupProps } from './channel-setup-props';
import { TelegramSetup } from './TelegramSetup';
import { WidgetSetup } from './WidgetSetup';

export type { ChannelSetupProps } from './channel-setup-props';

export const channelSetups: Record<string, ComponentType<ChannelSetupProps>> = {
  telegram: TelegramSetup,
  widget: WidgetSetup,
};
