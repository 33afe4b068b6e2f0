// Chats bound to runs. A channel (test chat now; WhatsApp, the web widget later) hands the
// engine a ChatBinding; the run stores only its ChatRef, and after a restart the engine
// asks the channel to bind the same key again.
import { z } from 'zod';

export const chatRefSchema = z.object({ channel: z.string(), key: z.string() });
/** Which conversation a run talks to: input waits are matched by `key`. */
export type ChatRef = z.infer<typeof chatRefSchema>;

export interface ChatButton {
  id: string;
  label: string;
}

/** What a node can do with the chat bound to the run (full mode only). */
export interface ChatApi {
  sendText(text: string): Promise<ChatDelivery | void>;
  sendButtons(text: string, buttons: readonly ChatButton[]): Promise<ChatDelivery | void>;
}

/**
 * What a send reports besides success (nothing: delivered). A chat whose channel is not
 * connected takes the message into its record but cannot deliver it; the step says so as
 * a warning and the flow goes on (issue 13).
 */
export interface ChatDelivery {
  notDelivered?: string;
}

export interface ChatBinding extends ChatApi {
  readonly ref: ChatRef;
}

export interface ChatChannel {
  readonly name: string;
  /** The binding for a stored conversation, or undefined when it no longer exists. */
  bind(key: string): ChatBinding | undefined;
}
