// What the Webhook Trigger node and the Start node's webhook have in common (seeds 001 and
// 000): accepted methods, the body limit, permanent webhook ids, idempotency sources and
// the response options. Browser-safe: the designer, the node definitions and the runtime's
// ingress all read these schemas.
import { z } from 'zod';
import { SHIPPED_CHANNEL_IDS } from './channel-ids';
import type { ProviderAuthType } from './webhook-security';

export const webhookMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type WebhookMethod = (typeof webhookMethods)[number];

export const webhookMethodsSchema = z
  .array(z.enum(webhookMethods))
  .min(1, 'Accept at least one method')
  .refine((methods) => new Set(methods).size === methods.length, 'Each method may be listed once');

export const KIB = 1024;
export const MIB = 1024 * 1024;
export const DEFAULT_BODY_LIMIT_BYTES = MIB;
export const MAX_BODY_LIMIT_BYTES = 25 * MIB;

export const bodyLimitBytesSchema = z
  .number()
  .int()
  .min(KIB, 'The body limit must be at least 1 KiB')
  .max(MAX_BODY_LIMIT_BYTES, 'The body limit can be at most 25 MiB');

/** `wh_` and at least 128 random bits, base64url: the id is the whole secret of the URL. */
export const WEBHOOK_ID_PATTERN = /^wh_[A-Za-z0-9_-]{22,64}$/;
export const webhookIdSchema = z
  .string()
  .regex(WEBHOOK_ID_PATTERN, 'A webhook id is "wh_" and 22–64 letters, digits, "_" or "-"');

/** A new webhook id (128 random bits). Browser-safe: Web Crypto exists in both places. */
export function newWebhookId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `wh_${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** Content types a trigger can insist on (415 otherwise); from runtime/ingress/parse-body. */
export const requiredContentTypes = ['json', 'form', 'multipart', 'xml', 'text'] as const;

export const idempotencySchema = z
  .object({
    source: z.enum(['none', 'header', 'body-path']).default('none'),
    /** The header name, or a path such as `body.id`. */
    name: z.string().trim().max(300).optional(),
  })
  .superRefine((value, context) => {
    if (value.source !== 'none' && !value.name) {
      context.addIssue({
        code: 'custom',
        path: ['name'],
        message:
          value.source === 'header'
            ? 'Enter the header that carries the delivery id'
            : 'Enter the body path of the delivery id (e.g. body.id)',
      });
    }
  });
export type IdempotencyConfig = z.infer<typeof idempotencySchema>;

/** Where each provider puts the id of a delivery, which stays the same on its retries. */
export const idempotencyPresets: Record<ProviderAuthType, IdempotencyConfig> = {
  'standard-webhooks': { source: 'header', name: 'webhook-id' },
  github: { source: 'header', name: 'X-GitHub-Delivery' },
  shopify: { source: 'header', name: 'X-Shopify-Webhook-Id' },
  stripe: { source: 'body-path', name: 'body.id' },
  // Slack retries carry X-Slack-Retry-Num but no delivery id; event callbacks have one.
  slack: { source: 'body-path', name: 'body.event_id' },
};

export const MAX_RESPONSE_TIMEOUT_SECONDS = 30;

export const webhookResponseSchema = z.object({
  /** `accepted`: 202 once recorded; `when-finished`: 200 with variables once the run ends. */
  mode: z.enum(['accepted', 'when-finished']).default('accepted'),
  variables: z.array(z.string().max(64)).max(50).default([]),
  timeoutSeconds: z.number().int().min(1).max(MAX_RESPONSE_TIMEOUT_SECONDS).default(10),
});
export type WebhookResponseConfig = z.infer<typeof webhookResponseSchema>;

/** The URL paths of the two webhook kinds on the public listener. */
export const webhookPaths = {
  trigger: (webhookId: string) => `/webhooks/flow/${webhookId}`,
  callNode: (flowId: string, nodeId: string) => `/api/call_node/${flowId}/${nodeId}`,
};

/** The chat channels a Start webhook can bind a run to (`…/{channel}/{chatId}`). */
export const callNodeChannels = SHIPPED_CHANNEL_IDS;
