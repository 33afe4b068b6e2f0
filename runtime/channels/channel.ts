// A chat channel: how flows talk to people somewhere (the test chat, Telegram, the web
// widget…). It sends (ChatChannel: a run's binding to one chat), receives (an inbound
// message resumes the chat's waiting run or starts one: runtime/channels/inbound.ts),
// keeps its own store, adds its own admin routes and, if outsiders must reach it (a
// platform's webhook, a widget's page), public routes. A channel is a folder under
// runtime/channels/ plus a line in registry.ts; nothing outside runtime/channels/ names one.
import type { Router } from 'express';
import type { ApiContext } from '../api/context';
import type { ChatBinding, ChatChannel } from '../engine/chat';
import type { Engine } from '../engine/engine';
import type { Logger } from '../logger';
import type { ChannelStatus } from '../shared/channels';
import type { SecretsStore } from '../store/secrets-store';
import type { SettingsStore } from '../store/settings-store';
import type { StoreProblems } from '../store/store-problems';
import type { InboundPort } from './inbound-message';

export interface Channel extends ChatChannel {
  /** What people call it: "Test chat", "Telegram", "Web widget". */
  readonly label: string;
  /**
   * Seed 004: whether the platform lets a bot write to someone who never wrote to it. False
   * (Telegram, the widget): runtime/chats/chat-service.ts refuses such sends, in one place.
   */
  readonly canWriteFirst: boolean;
  /** Live: connected, needs setup, or an error with what to do (GET /api/channels). */
  status(): ChannelStatus;
  /** From now on inbound messages reach runs through `engine` (called once it is open). */
  attach(engine: Engine): void;
  /** Its routers on the admin API (`/api`). */
  adminRoutes(ctx: ApiContext): Router[];
  /**
   * Routers on the PUBLIC listener (the tunnel reaches them), under `/channels/<id>/…`:
   * a platform's webhook, a widget's script. Nothing on them may read or change flows.
   */
  publicRoutes?(): Router[];
  /** The tunnel came online (its https URL) or went offline (undefined). */
  onPublicUrl?(url: string | undefined): void;
  /** Ends its live streams and long-polls (the runtime is stopping). */
  closeStreams(): void;
  /** Stops what it runs in the background (pollers), after the engine has stopped. */
  close?(): Promise<void>;
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

/** What a channel gets from the runtime when it opens (fields, never globals). */
export interface ChannelOpenOptions {
  dataDir: string;
  problems: StoreProblems;
  /** Credentials (bot tokens) live here, encrypted at rest; never in flow documents. */
  secrets: SecretsStore;
  settings: SettingsStore;
  /** Never given a secret: callers redact first. */
  logger: Logger;
  /** Where a person's message goes: the chat, the customer, and the run it resumes or starts. */
  inbound: InboundPort;
  /**
   * The environment channels read their overrides from (process.env by default), e.g.
   * HOOKFLOW_TELEGRAM_API_ROOT, which points Telegram at a local emulator in tests.
   */
  env: Readonly<Record<string, string | undefined>>;
}

/** A kind of channel, as the registry lists it: its id and how to open it on a data folder. */
export interface ChannelKind {
  readonly id: string;
  open(options: ChannelOpenOptions): Promise<Channel>;
}
