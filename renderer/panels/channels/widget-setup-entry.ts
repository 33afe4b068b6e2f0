// The widget's line for the Channels view's map (renderer/panels/channels/channel-setups.ts,
// which the Telegram setup brings): `widget: WidgetSetup`. Until the two are merged, this
// is where the Channels view finds it.
import { WidgetSetup } from './WidgetSetup';

export const widgetSetupEntry = { widget: WidgetSetup } as const;
