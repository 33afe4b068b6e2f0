// Chats bound to runs. A channel (test chat now; WhatsApp, the web widget later) hands the
// engine a ChatBinding; the run stores only its ChatRef, and after a restart the engine
// asks the channel to bind the same key again.
import { z } from 'zod';
import type { ChatApi } from './executor';

export const chatRefSchema = z.object({ channel: z.string(), key: z.string() });
/** Which conversation a run talks to: input waits are matched by `key`. */
export type ChatRef = z.infer<typeof chatRefSchema>;

export interface ChatBinding extends ChatApi {
  readonly ref: ChatRef;
}

export interface ChatChannel {
  readonly name: string;
  /** The binding for a stored conversation, or undefined when it no longer exists. */
  bind(key: string): ChatBinding | undefined;
}
