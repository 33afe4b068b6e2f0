// What a channel hands the runtime when a person writes (runtime/channels/inbound.ts does
// the work), as plain types: channel.ts names them without depending on the chats or the
// engine.
import type { BindingRow } from '../customers/binding';
import type { ChatContactType } from '../shared/customer-chat-binding';

export interface InboundMessage {
  /** The channel's id (also the run's trigger type). */
  channel: string;
  /** The conversation: the run's ChatRef key, and the chat's contact value. */
  key: string;
  contactType: ChatContactType;
  /** What the person wrote; for a button press, the button's label (or id). */
  text: string;
  buttonId?: string;
  /** Opens the connected flow even if a run waits in this chat (Telegram's /start). */
  restart?: boolean;
  /** The customer fields the channel knows (the contact searched, a name): find-or-create. */
  customer?: readonly BindingRow[];
  /** The flow a new conversation starts; undefined: nothing starts (and the outcome says so). */
  flowId: string | undefined;
  /** What the run's trigger input carries (`{{body.text}}`, `{{body.from.name}}`). */
  body?: Record<string, unknown>;
}

export type InboundOutcome =
  | { kind: 'resumed'; runId: string; chatId: string }
  | { kind: 'started'; runId: string; chatId: string }
  /** Nothing waits and no flow can start: `reason` says what to do (shown in the status). */
  | { kind: 'no-flow'; chatId: string; reason: string };

/** Where a channel sends each message (ChannelOpenOptions.inbound). */
export interface InboundPort {
  /**
   * Resolves once the message is durably part of the chat and of the run it resumed or
   * started; throws when that could not be done (the channel retries or says so).
   */
  receive(message: InboundMessage): Promise<InboundOutcome>;
}
