// The test chat as the admin API and the designer's test panel see it (browser-safe).
import { z } from 'zod';
import type { RunStatus } from './run';

export const chatMessageSchema = z.object({
  /** Increases by one per message in a session; `after=<seq>` pages by it. */
  seq: z.number().int().positive(),
  from: z.enum(['bot', 'user']),
  text: z.string(),
  buttons: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  at: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const testChatSessionSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  draft: z.boolean(),
  /** The run talking in this session now (a Jump moves it to the new flow's run). */
  runId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextSeq: z.number().int().positive(),
  messages: z.array(chatMessageSchema),
});
export type TestChatSession = z.infer<typeof testChatSessionSchema>;

export const createTestChatInputSchema = z.object({
  flowId: z.string().min(1),
  /** Test the draft instead of the published version. */
  draft: z.boolean().default(false),
});

export const testChatReplySchema = z.union([
  z.object({ text: z.string().trim().min(1, 'Write a message').max(4096) }).strict(),
  z.object({ buttonId: z.string().min(1).max(64) }).strict(),
]);

export interface TestChatMessages {
  messages: ChatMessage[];
  runStatus: RunStatus | 'unknown';
}
