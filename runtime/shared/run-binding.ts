// What a Webhook Trigger's Customer & Chat binding did in one run (seed 001), as its step's
// output records it for the run view: which customer, created or found, the others that
// matched, the values kept as given, the chat — or why the run stayed headless.
import { z } from 'zod';

export const runBindingSchema = z.object({
  customer: z
    .object({
      /** `unbound`: no field with the search icon had a value in this call. */
      status: z.enum(['created', 'updated', 'unchanged', 'unbound']),
      id: z.string().optional(),
      /** Other customers that matched too; the oldest (`id`) won (no silent merge). */
      alsoMatched: z.array(z.string()).optional(),
      /** Values that did not normalise, kept as given. */
      flags: z
        .array(z.object({ field: z.string(), value: z.string(), reason: z.string() }))
        .optional(),
    })
    .optional(),
  chat: z
    .object({
      status: z.enum(['created', 'found']),
      id: z.string(),
      channel: z.string(),
      /** False: the chat exists, but sends are recorded as not delivered. */
      connected: z.boolean(),
    })
    .optional(),
  /** Set when the run is headless although a binding is on: why. */
  headless: z.string().optional(),
});
export type RunBinding = z.infer<typeof runBindingSchema>;
