// The chat a launch by API binds its run to (seed 004 "Launch the bot via API", a Webhook
// event node): the channel must be connected, the chat known, and — on a channel whose bot
// cannot write first — its person must have written to the bot (seed 004's two
// conditions: the write-first rule of chat-service.ts, checked here before any run starts
// rather than failing its first send). A chat is never created on such a channel; on one
// that may write first (the test chat), a conversation the channel has open without a
// chat record yet gets one, as a Webhook Trigger's chat binding would.
import {
  CHAT_BINDING_CHANNELS,
  chatContactTypeSchema,
  type ChatBindingChannel,
} from '../shared/customer-chat-binding';
import { writeFirstRefusal, type ChatBindResult, type ChatService } from './chat-service';

/** Who a launch talks to: a person on a channel, by their id there or by the chat's. */
export interface LaunchChatInput {
  channel: string;
  /** The person's id on the channel (a Telegram chat id, a test chat session). */
  peerId?: string | undefined;
  /** A Hookflow chat id (`GET /api/chats`). */
  chatId?: string | undefined;
  runId: string;
  flowId: string;
}

/** Why a launch cannot talk to that person: no run starts. */
export interface LaunchRefusal {
  status: 404 | 409;
  code: 'chat_not_found' | 'not_written_first' | 'channel_not_connected';
  message: string;
}

export type LaunchChats = Pick<ChatService, 'channel' | 'isConnected' | 'store' | 'bind'>;

const isChatChannel = (name: string): name is ChatBindingChannel =>
  (CHAT_BINDING_CHANNELS as readonly string[]).includes(name);

export async function bindLaunchChat(
  chats: LaunchChats,
  input: LaunchChatInput,
): Promise<ChatBindResult | LaunchRefusal> {
  const name = input.channel;
  const channel = chats.channel(name);
  const label = channel?.label ?? name;
  if (!channel || !isChatChannel(name) || !chats.isConnected(name)) {
    const status = channel?.status();
    const why = [status?.message, status?.action].filter(Boolean).join('. ');
    return {
      status: 409,
      code: 'channel_not_connected',
      message: `The ${label} channel is not connected${why ? ` (${why})` : ''}: connect it in Channels, or choose another channel in the node and publish again.`,
    };
  }
  const { chatId, peerId } = input;
  const stored =
    chatId !== undefined ? chats.store.get(chatId) : chats.store.byContactValue(name, peerId ?? '');
  const named =
    chatId !== undefined
      ? `chat "${chatId.slice(0, 80)}"`
      : `peer_id "${(peerId ?? '').slice(0, 80)}"`;
  if (stored && stored.channel !== name) {
    return {
      status: 404,
      code: 'chat_not_found',
      message: `The ${named} is on ${stored.channel}, and this event launches on ${label}: name a chat on ${label}.`,
    };
  }
  // A conversation the channel has open (a test chat session) with no chat record yet.
  const sessionType = chatContactTypeSchema.safeParse(name);
  const contact =
    stored?.contact ??
    (peerId !== undefined &&
    channel.canWriteFirst &&
    sessionType.success &&
    channel.bind(peerId) !== undefined
      ? { type: sessionType.data, value: peerId }
      : undefined);
  if (!contact) {
    return (
      writeFirstRefusal(channel, undefined, named) ?? {
        status: 404,
        code: 'chat_not_found',
        message: `${label} has no chat with ${named}: check the id (Chats lists them).`,
      }
    );
  }
  const refused = writeFirstRefusal(channel, stored, named);
  if (refused) return refused;
  return chats.bind({
    channel: name,
    contact,
    ...(stored?.customerId === undefined ? {} : { customerId: stored.customerId }),
    runId: input.runId,
    flowId: input.flowId,
  });
}
