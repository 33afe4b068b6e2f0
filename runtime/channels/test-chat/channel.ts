// The test chat as a registered channel: the session store, the engine updates it follows
// and its routes under /api/test-chat.
import type { Channel, ChannelKind } from '../channel';
import { testChatRoutes } from './routes';
import { TEST_CHAT_CHANNEL, TestChat } from './test-chat';

export const testChatChannel = {
  id: TEST_CHAT_CHANNEL,
  async open({ dataDir, problems }) {
    return testChatAsChannel(await TestChat.open(dataDir, problems));
  },
} as const satisfies ChannelKind;

/** An open test chat as the runtime sees a channel (engine tests open one themselves). */
export function testChatAsChannel(chat: TestChat): Channel {
  return {
    ...chat.channel,
    label: 'Test chat',
    // The designer's own panel: the person is whoever tests the flow, so it may open a chat.
    canWriteFirst: true,
    status: () => ({ state: 'connected', message: 'Built in: the designer’s Test chat panel' }),
    attach: (engine) => chat.attach(engine),
    adminRoutes: (ctx) => [testChatRoutes({ ...ctx, testChat: chat })],
    closeStreams: () => chat.close(),
    settled: () => chat.settled(),
    conversation: (key, context) => chat.conversation(key, context),
    onInbound: (listener) => chat.onInbound(listener),
  };
}
