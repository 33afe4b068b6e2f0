// The web chat widget as a registered channel (issue 14, seed 003 "Publish your bot: Web"):
// its store, its public routes (embed script, full-page chat, visitor API) and its admin
// settings routes. A bot cannot write first here: a conversation exists only once a
// visitor opened the widget, and runs start from the visitor's first message.
import type { ApiContext } from '../../api/context';
import type { Channel, ChannelKind } from '../channel';
import { widgetPublicRoutes } from './public-routes';
import { WidgetStore } from './session-store';
import { widgetSettingsRoutes } from './settings-api';
import { VisitorMessages } from './visitor-messages';
import { WIDGET_CHANNEL, WidgetConversations } from './widget';

export const widgetChannel = {
  id: WIDGET_CHANNEL,
  async open({ dataDir, problems, inbound }) {
    const store = await WidgetStore.open(dataDir, problems);
    const conversations = new WidgetConversations(store);
    // The flows come with the admin API's context, given once at start (adminRoutes).
    let flows: ApiContext['flows'] | undefined;
    const visitors = new VisitorMessages(conversations, inbound, () => flows);
    const channel: Channel = {
      ...conversations.channel,
      label: 'Web widget',
      canWriteFirst: false,
      status: () =>
        store.settings().flowId === ''
          ? {
              state: 'needs-setup',
              message: 'Not set up yet',
              action: 'Choose the flow the widget starts, then copy the snippet to your website',
            }
          : { state: 'connected', message: 'Live on the websites that embed the snippet' },
      attach: (engine) => conversations.attach(engine),
      adminRoutes: (ctx) => {
        flows = ctx.flows;
        return [widgetSettingsRoutes(ctx, store)];
      },
      publicRoutes: () => [widgetPublicRoutes({ conversations, visitors })],
      closeStreams: () => conversations.close(),
      settled: () => store.settled(),
      conversation: (key, context) => conversations.conversation(key, context),
    };
    return channel;
  },
} as const satisfies ChannelKind;
