// The web chat widget as a registered channel (issue 14, seed 003 "Publish your bot: Web"):
// its store, its public routes (embed script, full-page chat, visitor API) and its admin
// settings routes. A bot cannot write first here: a conversation exists only once a
// visitor opened the widget, and runs start from the visitor's first message.
import type { Channel, ChannelKind } from '../channel';
import { widgetPublicRoutes } from './public-routes';
import { WidgetStore } from './session-store';
import { widgetSettingsRoutes } from './settings-api';
import { VisitorMessages } from './visitor-messages';
import { WIDGET_CHANNEL, WidgetConversations } from './widget';

export const widgetChannel = {
  id: WIDGET_CHANNEL,
  async open({ dataDir, problems, people }) {
    const store = await WidgetStore.open(dataDir, problems);
    const conversations = new WidgetConversations(store);
    const visitors = new VisitorMessages(
      conversations,
      people && { ...people, widgetFlowId: () => store.settings().flowId },
    );
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
      adminRoutes: (ctx) => [widgetSettingsRoutes(ctx, store)],
      publicRoutes: () => [widgetPublicRoutes({ conversations, visitors })],
      closeStreams: () => conversations.close(),
      settled: () => store.settled(),
      conversation: (key, context) => conversations.conversation(key, context),
      onInbound: (listener) => conversations.onInbound(listener),
    };
    return channel;
  },
} as const satisfies ChannelKind;
