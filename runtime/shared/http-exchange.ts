// What one HTTP Request step did, as the run view and Test Request show it (browser-safe):
// method, URL and headers with secrets redacted, status, time, attempts, the values the
// response mapping produced and why the node took `failed`. The executor writes it into
// the step's output (RunStep.output.http), bounded like every step output.
import { z } from 'zod';

/**
 * Why the node took `failed`. The first seven come from the outbound client
 * (runtime/outbound/outbound-types.ts); the node adds the rest.
 */
export const HTTP_FAILURE_KINDS = [
  'invalid-request',
  'private-address',
  'network',
  'timeout',
  'too-large',
  'redirects',
  'cancelled',
  /** The response's status is one the node treats as failure. */
  'status',
  /** The body could not be read in the declared format. */
  'unparsable',
  /** A required mapping's path found nothing in the response. */
  'missing-mapping',
  /** Asynchronous mode: the runtime already has its cap of background requests. */
  'busy',
] as const;
export type HttpFailureKind = (typeof HTTP_FAILURE_KINDS)[number];

export const httpFailureSchema = z.object({
  kind: z.enum(HTTP_FAILURE_KINDS),
  /** The response status when there was a response. */
  status: z.number().int().optional(),
  message: z.string(),
});
export type HttpFailure = z.infer<typeof httpFailureSchema>;

export const httpMissingMappingSchema = z.object({
  path: z.string(),
  variable: z.string(),
  reason: z.string(),
  required: z.boolean(),
});

export const httpExchangeSchema = z.object({
  method: z.string(),
  /** As sent, with any secret in it replaced by `[secret <name>]`. */
  url: z.string(),
  /** Request headers as sent, secret values replaced by `[secret <name>]`. */
  headers: z.record(z.string(), z.string()).optional(),
  /** Absent when no response came (network error, timeout, refused address). */
  status: z.number().int().optional(),
  /** From the first byte sent to the outcome, retries and their waits included. */
  ms: z.number().nonnegative(),
  /** Retries made (attempts beyond the first). */
  retries: z.number().int().nonnegative(),
  redirects: z.number().int().nonnegative(),
  output: z.enum(['success', 'failed']),
  /** Mapped values by variable (bounded). */
  mapped: z.record(z.string(), z.unknown()).optional(),
  missing: z.array(httpMissingMappingSchema).optional(),
  failure: httpFailureSchema.optional(),
  /**
   * Asynchronous mode: 'queued' in the step (the run went on at once on `success`), then
   * the outcome in the run log once the request ends.
   */
  background: z.enum(['queued', 'finished']).optional(),
});
export type HttpExchange = z.infer<typeof httpExchangeSchema>;
