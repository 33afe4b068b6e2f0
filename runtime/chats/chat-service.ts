// Chats in the runtime (issue 13): find-or-create a chat for a Webhook Trigger's chat
// binding, the binding a run talks through, and the Chats admin API's reads.
//
// Delivery: a chat on a connected channel (a registered channel that can open a
// conversation: the test chat today) talks through that channel's own binding, keyed by
// the chat's contact value — for the test chat, the session the designer's Test Chat panel
// opens and replies in. Every message either way is also recorded in the chat's
// conversation. A chat on any other channel is "not connected": it still exists, and each
// send is recorded with `notDelivered: "not delivered: channel <X> is not connected"`,
// which the send reports back (ChatDelivery) so the Send Message step shows it as a
// warning; a Collect Input on such a chat waits until its timeout.
//
// A bot cannot write first (seed 004), enforced here and nowhere else: on a channel whose
// `canWriteFirst` is false (Telegram, the widget), a send to a chat whose person has never
// written on it (no inbound message: `firstInboundAt`) is refused with
// writeFirstReason(label); it is recorded as not delivered and thrown, so the step fails
// with that reason. A send the channel itself refuses (blocked by the user, rate limited)
// is recorded the same way and fails the step with the channel's message. A registered
// channel that is not connected right now (no bot token) records with notConnectedReason
// and reports it as a warning, like a chat on a channel Hookflow does not have.
//
// Inbound: a channel hands a person's message to `receive()` (through
// runtime/channels/inbound.ts), which finds or creates the chat and records the message.
//
// Restarts: the engine re-binds a run by its ChatRef through `chatChannels()`: each
// registered channel (wrapped so its messages are still recorded), plus, for every chat
// binding channel that is not connected, a binding by chat id. Which channels are connected comes
// from the registry (runtime/channels/registry.ts); nothing here names one.
import type { Channel } from '../channels/channel';
import type { ChatBinding, ChatChannel } from '../engine/chat';
import type { IngressChannel } from '../ingress/run-dispatch';
import type { ChatButton, ChatDelivery } from '../engine/executor';
import { silentLogger, type Logger } from '../logger';
import type { Chat, ChatDetail, ChatMessage, ChatPage } from '../shared/chats';
import {
  CHAT_BINDING_CHANNELS,
  type ChatBindingChannel,
  type ChatContactType,
} from '../shared/customer-chat-binding';
import { ChatsStore, type StoredChat } from '../store/chats-store';
import type { StoreProblems } from '../store/store-problems';
import { pageChats, type ChatListQuery } from './chat-list';

export { UnknownCursorError, type ChatListQuery } from './chat-list';

export interface ChatBindInput {
  channel: ChatBindingChannel;
  contact: { type: ChatContactType; value: string };
  /** The customer the same webhook bound: the chat is linked (or re-linked) to it. */
  customerId?: string;
  /** The run that will talk in the chat (recorded on its messages). */
  runId?: string;
  /** The run's flow (a test chat session names it). */
  flowId?: string;
}

export interface ChatBindResult {
  chat: Chat;
  status: 'created' | 'found';
  /** What the run talks through; give it to the engine as the run's chat. */
  binding: ChatBinding;
  /** False: the contact value did not normalise and is kept as given (flag it in the step). */
  normalised: boolean;
}

export interface ChatServiceOptions {
  /** `<data>/chats`. */
  dir: string;
  /** The registered channels; those that can open a conversation are connected. */
  channels: readonly Channel[];
  problems?: StoreProblems;
  logger?: Logger;
  /** Read on every bind, so a settings change applies at once. */
  defaultCountry?: () => string | undefined;
}

export const notConnectedReason = (channel: string): string =>
  `not delivered: channel ${channel} is not connected`;

/** Seed 004, for a channel whose platform does not let a bot write first. */
export const writeFirstReason = (label: string): string =>
  `${label}: this person has not written to the bot yet, and a bot cannot write first`;

/**
 * Seed 004's rule as an answer to a caller who wants a run to talk to someone (a call_node
 * chat URL, a Webhook event): where the bot cannot write first, no chat with that person is
 * 404 and a chat whose person never wrote is 409 — before any run starts.
 */
export function writeFirstRefusal(
  channel: { label: string; canWriteFirst: boolean },
  chat: { firstInboundAt?: string | undefined } | undefined,
  named: string,
):
  { status: 404 | 409; code: 'chat_not_found' | 'not_written_first'; message: string } | undefined {
  if (channel.canWriteFirst) return undefined;
  if (!chat) {
    return {
      status: 404,
      code: 'chat_not_found',
      message: `${channel.label}: nobody with ${named} has written to the bot yet, and a bot cannot write first. Ask the person to write to the bot, then call again.`,
    };
  }
  if (chat.firstInboundAt !== undefined) return undefined;
  return {
    status: 409,
    code: 'not_written_first',
    message: `${writeFirstReason(channel.label)}. Ask the person to write to the bot (or press Start), then call again.`,
  };
}

/** A person's message, as a channel hands it over (runtime/channels/inbound.ts). */
export interface ChatReceiveInput {
  channel: ChatBindingChannel;
  contact: { type: ChatContactType; value: string };
  text: string;
  customerId?: string;
}

/** A send the chat could not deliver: the step fails with this message. */
export class ChatDeliveryError extends Error {
  override readonly name = 'ChatDeliveryError';
}

export class ChatService {
  /** Every registered channel. */
  readonly #channels = new Map<string, Channel>();
  readonly #unsubscribe: (() => void)[] = [];
  readonly #logger: Logger;
  readonly #defaultCountry: (() => string | undefined) | undefined;

  constructor(
    readonly store: ChatsStore,
    channels: readonly Channel[],
    options: {
      logger?: Logger | undefined;
      defaultCountry?: (() => string | undefined) | undefined;
    } = {},
  ) {
    this.#logger = options.logger ?? silentLogger;
    this.#defaultCountry = options.defaultCountry;
    for (const channel of channels) {
      this.#channels.set(channel.name, channel);
      const off = channel.onInbound?.((key, text) => this.#recordInbound(channel.name, key, text));
      if (off) this.#unsubscribe.push(off);
    }
  }

  static async open(options: ChatServiceOptions): Promise<ChatService> {
    const store = await ChatsStore.open({
      dir: options.dir,
      ...(options.problems ? { problems: options.problems } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
    });
    return new ChatService(store, options.channels, options);
  }

  /** Registered, able to open a conversation, and connected right now (its status). */
  isConnected(channel: string): boolean {
    const registered = this.#channels.get(channel);
    return registered?.conversation !== undefined && isUp(registered);
  }

  /**
   * Finds or creates the chat (atomic per channel and normalised contact), links it to the
   * customer, and opens the binding the run talks through. Throws if the contact value is
   * empty, or if a connected channel cannot open the conversation.
   */
  async bind(input: ChatBindInput): Promise<ChatBindResult> {
    const found = await this.store.findOrCreate({
      channel: input.channel,
      contact: input.contact,
      customerId: input.customerId,
    });
    const chat = this.#view(found.chat);
    const channel = this.#channels.get(chat.channel);
    const binding =
      channel?.conversation && this.isConnected(chat.channel)
        ? this.#recording(
            channel,
            await channel.conversation(chat.contact.value, {
              flowId: input.flowId,
              runId: input.runId,
            }),
            chat.contact.value,
            input.runId,
          )
        : this.#notConnected(found.chat, input.runId);
    return { chat, status: found.status, binding, normalised: found.normalised };
  }

  /**
   * A person wrote: the chat is found or created, marked as written to (from now on the
   * bot may answer, seed 004) and the message recorded; resolves once that is durable.
   */
  async receive(input: ChatReceiveInput): Promise<Chat> {
    const found = await this.store.findOrCreate({
      channel: input.channel,
      contact: input.contact,
      customerId: input.customerId,
    });
    const at = new Date().toISOString();
    await this.store.markInbound(found.chat.id, at);
    await this.#append(found.chat.id, { direction: 'in', text: input.text, runId: undefined });
    return this.#view(this.store.get(found.chat.id) ?? found.chat);
  }

  /**
   * What a call_node URL `…/{channel}/{chatId}` binds through (seed 000): the registered
   * channels, each saying why it cannot take a run (not connected) or a chat (none with
   * that key; or its person never wrote and the bot cannot write first).
   */
  ingressChannels(): IngressChannel<ChatBinding>[] {
    return [...this.#channels.values()].map((channel): IngressChannel<ChatBinding> => ({
      name: channel.name,
      bind: (key) => {
        const binding = channel.bind(key);
        return binding && this.#recording(channel, binding, key, undefined);
      },
      unavailable: () => (isUp(channel) ? undefined : channel.status()),
      refuse: (key) =>
        writeFirstRefusal(channel, this.#chatOf(channel.name, key), `chat "${key.slice(0, 80)}"`),
    }));
  }

  /** A registered channel by its id. */
  channel(name: string): Channel | undefined {
    return this.#channels.get(name);
  }

  get(id: string): Chat | undefined {
    const chat = this.store.get(id);
    return chat && this.#view(chat);
  }

  /** The chat with its newest messages, oldest first. */
  async detail(id: string): Promise<ChatDetail | undefined> {
    const chat = this.get(id);
    if (!chat) return undefined;
    return { chat, messages: await this.store.conversation(id) };
  }

  /** Most recent activity first; throws UnknownCursorError for an `after` not on the list. */
  page(query: ChatListQuery): ChatPage {
    const chats = this.store.all().map((chat) => this.#view(chat));
    return pageChats(chats, query, this.#defaultCountry?.());
  }

  /** A deleted customer's chats stay, without the link. */
  /** The ids of the customer's chats, oldest first: the link is kept on the chats. */
  chatIdsOf(customerId: string): string[] {
    return this.store.chatIdsOf(customerId);
  }

  unlinkCustomer(customerId: string): Promise<number> {
    return this.store.unlinkCustomer(customerId);
  }

  /**
   * What the engine binds runs through after a restart (see the header): every registered
   * channel, its bindings recording into the chat its key names; and for each chat binding
   * channel that is not connected, its chats by chat id.
   */
  chatChannels(): ChatChannel[] {
    const byChatId = (name: string) => (chatId: string) => {
      const chat = this.store.get(chatId);
      return chat?.channel === name ? this.#notConnected(chat, undefined) : undefined;
    };
    const registered = [...this.#channels.values()].map((channel): ChatChannel => {
      const fallback = this.#isChatChannel(channel.name) && !this.isConnected(channel.name);
      return {
        name: channel.name,
        bind: (key) => {
          const binding = channel.bind(key);
          if (binding) return this.#recording(channel, binding, key, undefined);
          return fallback ? byChatId(channel.name)(key) : undefined;
        },
      };
    });
    const unregistered = CHAT_BINDING_CHANNELS.filter((name) => !this.#channels.has(name)).map(
      (name): ChatChannel => ({ name, bind: byChatId(name) }),
    );
    return [...registered, ...unregistered];
  }

  settled(): Promise<void> {
    return this.store.settled();
  }

  async close(): Promise<void> {
    for (const off of this.#unsubscribe.splice(0)) off();
    await this.store.close();
  }

  #view(chat: StoredChat): Chat {
    return { ...chat, connected: this.isConnected(chat.channel) };
  }

  /** The chat whose conversation on `channel` is `key` (its contact value). */
  #chatOf(channel: string, key: string): StoredChat | undefined {
    return this.store.byContactValue(channel, key);
  }

  /**
   * A channel's binding (its conversation `key`) with the chats' rules around each send:
   * seed 004's write-first check, the not-connected warning, and the record of what was
   * sent (or why not) in the chat's conversation.
   */
  #recording(
    channel: Channel,
    inner: ChatBinding,
    key: string,
    runId: string | undefined,
  ): ChatBinding {
    const send = async (
      recorded: string,
      deliver: () => Promise<ChatDelivery | void>,
    ): Promise<ChatDelivery | void> => {
      const chat = this.#chatOf(channel.name, key);
      const note = (notDelivered: string) =>
        chat
          ? this.#append(chat.id, { direction: 'out', text: recorded, runId, notDelivered }).catch(
              (error: unknown) => this.#recordFailed(chat.id, error),
            )
          : Promise.resolve();
      if (!channel.canWriteFirst && chat?.firstInboundAt === undefined) {
        const reason = writeFirstReason(channel.label);
        await note(reason);
        throw new ChatDeliveryError(reason);
      }
      if (!isUp(channel)) {
        const notDelivered = notConnectedReason(channel.name);
        await note(notDelivered);
        return { notDelivered };
      }
      let delivery: ChatDelivery | void;
      try {
        delivery = await deliver();
      } catch (error) {
        await note(error instanceof Error ? error.message : String(error));
        throw error;
      }
      // Delivered already: a failed record is logged, not made the send's failure (the
      // step would then repeat a message the person has).
      if (chat) {
        await this.#append(chat.id, {
          direction: 'out',
          text: recorded,
          runId,
          ...(delivery?.notDelivered ? { notDelivered: delivery.notDelivered } : {}),
        }).catch((error: unknown) => this.#recordFailed(chat.id, error));
      }
      return delivery;
    };
    return {
      ref: inner.ref,
      sendText: (text) => send(text, () => inner.sendText(text)),
      sendButtons: (text, buttons) =>
        send(withButtons(text, buttons), () => inner.sendButtons(text, buttons)),
    };
  }

  /** Sends are recorded, not delivered, and say so. The key is the chat id. */
  #notConnected(chat: StoredChat, runId: string | undefined): ChatBinding {
    const notDelivered = notConnectedReason(chat.channel);
    const record = async (text: string): Promise<ChatDelivery> => {
      await this.#append(chat.id, { direction: 'out', text, runId, notDelivered });
      return { notDelivered };
    };
    return {
      ref: { channel: chat.channel, key: chat.id },
      sendText: (text) => record(text),
      sendButtons: (text, buttons) => record(withButtons(text, buttons)),
    };
  }

  async #append(
    chatId: string,
    message: Omit<ChatMessage, 'at' | 'runId'> & { runId: string | undefined },
  ): Promise<void> {
    const { runId, ...rest } = message;
    await this.store.appendMessage(chatId, {
      ...rest,
      at: new Date().toISOString(),
      ...(runId === undefined ? {} : { runId }),
    });
  }

  #recordInbound(channel: string, key: string, text: string): void {
    const chat = this.#chatOf(channel, key);
    if (!chat) return;
    // The channel has the message already: a failed record must not break its delivery.
    this.#append(chat.id, { direction: 'in', text, runId: undefined }).catch((error: unknown) =>
      this.#recordFailed(chat.id, error),
    );
  }

  #recordFailed(chatId: string, error: unknown): void {
    this.#logger.warn('Could not record a chat message', {
      chatId,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  #isChatChannel(name: string): name is ChatBindingChannel {
    return (CHAT_BINDING_CHANNELS as readonly string[]).includes(name);
  }
}

/** Whether a channel says it is connected now (a test chat always is; Telegram once set up). */
function isUp(channel: Channel): boolean {
  return channel.status().state === 'connected';
}

/** Buttons are recorded with the text, so the Chats view shows what was offered. */
function withButtons(text: string, buttons: readonly ChatButton[]): string {
  return buttons.length === 0 ? text : `${text}\n[${buttons.map((b) => b.label).join(' | ')}]`;
}
