// The Security tab of the Webhook Trigger (seed 001): who may call a webhook URL. Shared by
// the node definition, the designer's inspector and the runtime's checks
// (runtime/security/webhook-auth, ip-allowlist, origin-allowlist), so it is browser-safe.
// Configs hold secret *ids* only; the values live encrypted in the secrets store.
import { z } from 'zod';
import type { NodeConfigProblem, SecretLookup } from './node-validation';
import { GRAPH_PROBLEM_CODES } from './problem-codes';

/** RFC 9110 `token`: the characters an HTTP header name may use. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const headerNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a header name')
  .max(100)
  .regex(HEADER_NAME, 'A header name uses letters, digits and - _ . only (no spaces or colons)');

export const secretIdSchema = z.string().trim().min(1).max(128);

/** Several ids = rotation: a request signed with any one of them is accepted. */
export const secretIdsSchema = z
  .array(secretIdSchema)
  .min(1, 'Add a secret')
  .max(5, 'At most 5 secrets (rotation keeps the old ones only until senders switch)')
  .refine((ids) => new Set(ids).size === ids.length, 'Each secret may be listed once');

export const hmacAlgorithmSchema = z.enum(['sha1', 'sha256', 'sha512']);
export type HmacAlgorithm = z.infer<typeof hmacAlgorithmSchema>;

const toleranceSecondsSchema = z.number().int().min(1).max(86_400).default(300);

export const providerAuthTypes = [
  'standard-webhooks',
  'stripe',
  'github',
  'shopify',
  'slack',
] as const;
export type ProviderAuthType = (typeof providerAuthTypes)[number];

function providerAuthSchema<const T extends ProviderAuthType>(type: T) {
  return z.object({
    type: z.literal(type),
    secretIds: secretIdsSchema,
    /** Ignored by providers that sign no timestamp (GitHub, Shopify). */
    toleranceSeconds: toleranceSecondsSchema,
  });
}

/** Senders whose HMAC is a known set of fields (hmacPresets). */
export const hmacPresetIds = ['kiwify'] as const;
export type HmacPresetId = (typeof hmacPresetIds)[number];

export const hmacAuthSchema = z
  .object({
    type: z.literal('hmac'),
    /**
     * The preset the user chose (Authentication: Kiwify), which fixes the fields below.
     * Stored, never inferred: a generic HMAC that happens to use the same fields stays
     * generic.
     */
    preset: z.enum(hmacPresetIds).optional(),
    algorithm: hmacAlgorithmSchema,
    source: z.enum(['query', 'header']),
    /** The query parameter or header carrying the signature. */
    paramName: z.string().trim().min(1, 'Enter the parameter or header name').max(100),
    encoding: z.enum(['hex', 'base64']).default('hex'),
    /** Text before the digest in the signature, e.g. `sha256=`. */
    prefix: z.string().max(32).default(''),
    secretIds: secretIdsSchema,
  })
  .superRefine((config, context) => {
    if (config.source === 'header' && !HEADER_NAME.test(config.paramName)) {
      context.addIssue({
        code: 'custom',
        path: ['paramName'],
        message: 'A header name uses letters, digits and - _ . only (no spaces or colons)',
      });
    }
    if (config.preset !== undefined) {
      const preset = hmacPresets[config.preset];
      for (const field of presetFieldNames) {
        if (config[field] === preset.fields[field]) continue;
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `The ${preset.label} preset sets this to "${preset.fields[field]}": choose HMAC signature to change it`,
        });
      }
    }
  });

export const webhookAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('public') }),
  z.object({ type: z.literal('bearer'), tokenSecretId: secretIdSchema }),
  z.object({
    type: z.literal('header'),
    headerName: headerNameSchema,
    tokenSecretId: secretIdSchema,
  }),
  z.object({
    type: z.literal('query'),
    paramName: z.string().trim().min(1).max(100).default('token'),
    tokenSecretId: secretIdSchema,
  }),
  hmacAuthSchema,
  providerAuthSchema('standard-webhooks'),
  providerAuthSchema('stripe'),
  providerAuthSchema('github'),
  providerAuthSchema('shopify'),
  providerAuthSchema('slack'),
]);

export type WebhookAuth = z.infer<typeof webhookAuthSchema>;
export type WebhookAuthType = WebhookAuth['type'];
export type HmacAuth = Extract<WebhookAuth, { type: 'hmac' }>;
export type ProviderAuth = Extract<WebhookAuth, { type: ProviderAuthType }>;

export const webhookSecuritySchema = z.object({
  auth: webhookAuthSchema.default({ type: 'public' }),
  /** Addresses or CIDR ranges, IPv4 or IPv6; empty = any (checked by runtime/security/ip-allowlist). */
  ipAllowlist: z.array(z.string().max(100)).max(500).default([]),
  /** Origins like `https://app.kiwify.com.br`; empty = any. */
  originAllowlist: z.array(z.string().max(300)).max(100).default([]),
});
export type WebhookSecurity = z.infer<typeof webhookSecuritySchema>;

/** The secret ids a config refers to, in the order verification receives their values. */
export function webhookAuthSecretIds(auth: WebhookAuth): string[] {
  switch (auth.type) {
    case 'public':
      return [];
    case 'bearer':
    case 'header':
    case 'query':
      return [auth.tokenSecretId];
    default:
      return auth.secretIds;
  }
}

/**
 * The secret ids the config names that the data folder does not hold: a flow imported
 * from another folder keeps only the ids, and every call would then be refused (401
 * `secret_not_configured`). `path` is where the auth sits in the config.
 */
export function missingSecretProblems(
  auth: WebhookAuth,
  path: string,
  secrets: SecretLookup | undefined,
): NodeConfigProblem[] {
  if (!secrets) return [];
  const token = auth.type === 'bearer' || auth.type === 'header' || auth.type === 'query';
  const fields = token
    ? [{ field: `${path}.tokenSecretId`, id: auth.tokenSecretId }]
    : webhookAuthSecretIds(auth).map((id, index) => ({ field: `${path}.secretIds[${index}]`, id }));
  const noun = token ? 'token' : 'secret';
  return fields
    .filter(({ id }) => id !== '' && !secrets.has(id))
    .map(({ field }) => ({
      field,
      message: `The ${noun} is missing from this data folder (a flow brought from another one carries only its id): generate or paste a new one in the Security tab`,
      code: GRAPH_PROBLEM_CODES.missingSecret,
    }));
}

export const webhookAuthTypeLabels: Record<WebhookAuthType, string> = {
  public: 'Public (no authentication)',
  bearer: 'Bearer token',
  header: 'Custom header',
  query: 'Query param',
  hmac: 'HMAC signature',
  'standard-webhooks': 'Standard Webhooks / Svix',
  stripe: 'Stripe',
  github: 'GitHub',
  shopify: 'Shopify',
  slack: 'Slack',
};

export interface ProviderPreset {
  label: string;
  /** Headers the provider sends, as documented (matched case-insensitively). */
  signatureHeaders: string[];
  /** Whether a timestamp is signed, so `toleranceSeconds` applies. */
  timestamped: boolean;
  /** Where the user finds the secret to paste. */
  secretHint: string;
}

export const providerPresets: Record<ProviderAuthType, ProviderPreset> = {
  'standard-webhooks': {
    label: 'Standard Webhooks / Svix',
    signatureHeaders: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
    timestamped: true,
    secretHint:
      'The endpoint signing secret, starting with whsec_ (svix-* headers are accepted too)',
  },
  stripe: {
    label: 'Stripe',
    signatureHeaders: ['Stripe-Signature'],
    timestamped: true,
    secretHint: "The endpoint's signing secret (whsec_…) from the Stripe dashboard or CLI",
  },
  github: {
    label: 'GitHub',
    signatureHeaders: ['X-Hub-Signature-256'],
    timestamped: false,
    secretHint: 'The Secret field of the GitHub webhook settings',
  },
  shopify: {
    label: 'Shopify',
    signatureHeaders: ['X-Shopify-Hmac-Sha256'],
    timestamped: false,
    secretHint: "The app's client secret (or the store's webhook signing key)",
  },
  slack: {
    label: 'Slack',
    signatureHeaders: ['X-Slack-Signature', 'X-Slack-Request-Timestamp'],
    timestamped: true,
    secretHint: "The app's Signing Secret (Basic Information page)",
  },
};

export type HmacPresetFields = Omit<HmacAuth, 'type' | 'preset' | 'secretIds'>;

const presetFieldNames = ['algorithm', 'source', 'paramName', 'encoding', 'prefix'] as const;

export interface HmacPreset {
  label: string;
  fields: HmacPresetFields;
}

export const hmacPresets = {
  // Seed 001 "Example for Kiwify": SHA-1, source query, parameter `signature`; the digest is
  // HMAC-SHA1 of the raw body keyed with the webhook token, hex, sent as `?signature=`.
  // Verified: the seed states algorithm, source and parameter. Kiwify's public docs found
  // (docs.kiwify.com.br) describe only the newer banking webhooks (Ed25519, headers), not
  // this one; third-party Kiwify integrations (e.g. GitHub betiol/shopee-video-downloader,
  // KIWIFY_WEBHOOK_SECRET.md) compute createHmac('sha1', token).digest('hex') over the JSON
  // body and compare it with the `signature` query parameter. Hookflow hashes the raw bytes
  // as received (re-serialising JSON can change them); that those bytes are what Kiwify
  // signed is an assumption no official page confirms.
  kiwify: {
    label: 'Kiwify',
    fields: {
      algorithm: 'sha1',
      source: 'query',
      paramName: 'signature',
      encoding: 'hex',
      prefix: '',
    },
  },
} satisfies Record<HmacPresetId, HmacPreset>;

const algorithmLabels: Record<HmacAlgorithm, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
};

/** One line for the node card, e.g. `HMAC SHA-1 (query signature)`. Never shows a secret. */
export function describeWebhookAuth(auth: WebhookAuth): string {
  switch (auth.type) {
    case 'public':
      return 'Public';
    case 'bearer':
      return 'Bearer token';
    case 'header':
      return `Token in header ${auth.headerName}`;
    case 'query':
      return `Token in ?${auth.paramName}=`;
    case 'hmac':
      return auth.preset
        ? `${hmacPresets[auth.preset].label} signature`
        : `HMAC ${algorithmLabels[auth.algorithm]} (${auth.source} ${auth.paramName})`;
    default:
      return `${providerPresets[auth.type].label} signature`;
  }
}
