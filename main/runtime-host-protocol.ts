// Messages between the desktop app and the runtime it runs in a separate process.
// Both sides validate what they receive: a process boundary is a trust boundary.
import { z } from 'zod';

export const hostStartOptionsSchema = z.object({
  dataDir: z.string().min(1),
  adminPort: z.number().int().min(0).max(65535),
  publicPort: z.number().int().min(0).max(65535),
  publicHost: z.string().min(1),
});

export const toHostSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    options: hostStartOptionsSchema,
    /** base64 AES-256 key for secrets at rest (from the OS keychain via safeStorage). */
    secretsKey: z.string().optional(),
  }),
  z.object({ type: z.literal('login-url'), requestId: z.number().int() }),
  z.object({ type: z.literal('stop') }),
]);

export const fromHostSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    urls: z.object({ admin: z.string(), public: z.string() }),
    loginUrl: z.string(),
  }),
  z.object({ type: z.literal('login-url'), requestId: z.number().int(), url: z.string() }),
  z.object({ type: z.literal('start-failed'), message: z.string() }),
  z.object({ type: z.literal('stopped') }),
]);

export type ToHost = z.infer<typeof toHostSchema>;
export type FromHost = z.infer<typeof fromHostSchema>;
export type HostStartOptions = z.infer<typeof hostStartOptionsSchema>;
