// A chat channel: how flows talk to people somewhere (the test chat, later Telegram…).
// It sends (ChatChannel: a run's binding to one chat), receives (an inbound message
// resumes the chat's waiting run or starts one, through the engine it is attached to),
// keeps its own store and adds its own admin routes. A channel is a folder under
// runtime/channels/ plus a line in registry.ts.
import type { Router } from 'express';
import type { ApiContext } from '../api/context';
import type { ChatBinding, ChatChannel } from '../engine/chat';
import type { Engine } from '../engine/engine';
import type { StoreProblems } from '../store/store-problems';

export interface Channel extends ChatChannel {
  /** From now on inbound messages reach runs through `engine` (called once it is open). */
  attach(engine: Engine): void;
  /** Its routers on the admin API (`/api`). */
  adminRoutes(ctx: ApiContext): Router[];
  /** Ends its live streams and long-polls (the runtime is stopping). */
  closeStreams(): void;
  /** Resolves once its store's pending writes are on disk. */
  settled(): Promise<void>;
  /**
   * The conversation with this contact (`key`), opened if it does not exist yet: how a
   * Webhook Trigger's chat binding reaches a person (runtime/chats/chat-service.ts). A
   * channel that cannot start a conversation leaves it out; its chats are not connected.
   */
  conversation?(key: string, context: ConversationContext): Promise<ChatBinding>;
  /** Hears each message a person writes (`key`: the conversation), for the chats' record. */
  onInbound?(listener: (key: string, text: string) => void): () => void;
}

/** Who opens a conversation: the run that will talk in it, and its flow. */
export interface ConversationContext {
  flowId?: string | undefined;
  runId?: string | undefined;
}

export interface ChannelOpenOptions {
  dataDir: string;
  problems: StoreProblems;
}

/** A kind of channel, as the registry lists it: its id and how to open it on a data folder. */
export interface ChannelKind {
  readonly id: string;
  open(options: ChannelOpenOptions): Promise<Channel>;
}
