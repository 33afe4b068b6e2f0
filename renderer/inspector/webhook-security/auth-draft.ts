// The Security tab's model: reading a trigger's security config as typed (a draft may hold
// half of one: a type chosen, no token yet) and switching the authentication type without
// losing what still applies. Missing secret ids are '' so the draft keeps its shape while
// the schema (and so Publish) still refuses it until a token or secret is stored.
import { z } from 'zod';
import {
  hmacAlgorithmSchema,
  hmacPresetIds,
  hmacPresets,
  providerAuthTypes,
  webhookAuthTypeLabels,
  type ProviderAuthType,
  type WebhookAuth,
  type HmacAuth,
  type HmacPresetId,
  type WebhookAuthType,
  type WebhookSecurity,
} from '../../../runtime/shared/webhook-security';

/** What the type select offers: the auth types, and HMAC presets (Kiwify) by name. */
export type AuthChoice = WebhookAuthType | HmacPresetId;

const TOKEN_TYPES = ['bearer', 'header', 'query'] as const;
const ALL_TYPES = ['public', ...TOKEN_TYPES, 'hmac', ...providerAuthTypes] as const;

export const AUTH_CHOICES: readonly { value: AuthChoice; label: string }[] = [
  { value: 'public', label: 'Public (no authentication)' },
  { value: 'bearer', label: 'Bearer token' },
  { value: 'header', label: 'Token in a custom header' },
  { value: 'query', label: 'Token in a query parameter' },
  { value: 'hmac', label: 'HMAC signature' },
  { value: 'kiwify', label: 'Kiwify (HMAC SHA-1)' },
  ...providerAuthTypes.map((type) => ({ value: type, label: webhookAuthTypeLabels[type] })),
];

export const DEFAULT_TOKEN_HEADER = 'X-Webhook-Token';
export const DEFAULT_SIGNATURE_HEADER = 'X-Signature';
export const DEFAULT_SIGNATURE_PARAM = 'signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function isTokenAuth(
  auth: WebhookAuth,
): auth is Extract<WebhookAuth, { type: 'bearer' | 'header' | 'query' }> {
  return auth.type === 'bearer' || auth.type === 'header' || auth.type === 'query';
}

export function isProviderAuth(
  auth: WebhookAuth,
): auth is Extract<WebhookAuth, { type: ProviderAuthType }> {
  return (providerAuthTypes as readonly string[]).includes(auth.type);
}

// Every field optional and forgiving: a field that does not fit is as good as absent.
const looseAuthSchema = z
  .object({
    type: z.enum(ALL_TYPES).catch('public'),
    preset: z.enum(hmacPresetIds).optional().catch(undefined),
    tokenSecretId: z.string().optional().catch(undefined),
    headerName: z.string().optional().catch(undefined),
    paramName: z.string().optional().catch(undefined),
    algorithm: hmacAlgorithmSchema.optional().catch(undefined),
    source: z.enum(['query', 'header']).optional().catch(undefined),
    encoding: z.enum(['hex', 'base64']).optional().catch(undefined),
    prefix: z.string().optional().catch(undefined),
    secretIds: z.array(z.string()).optional().catch(undefined),
    toleranceSeconds: z.number().optional().catch(undefined),
  })
  .catch({ type: 'public' });
type LooseAuth = z.infer<typeof looseAuthSchema>;

function build(type: WebhookAuthType, fields: Omit<LooseAuth, 'type'>): WebhookAuth {
  const tokenSecretId = fields.tokenSecretId ?? '';
  const secretIds = fields.secretIds ?? [];
  switch (type) {
    case 'public':
      return { type };
    case 'bearer':
      return { type, tokenSecretId };
    case 'header':
      return { type, headerName: fields.headerName ?? DEFAULT_TOKEN_HEADER, tokenSecretId };
    case 'query':
      return { type, paramName: fields.paramName ?? 'token', tokenSecretId };
    case 'hmac':
      return {
        type,
        ...(fields.preset ? { preset: fields.preset } : {}),
        algorithm: fields.algorithm ?? 'sha256',
        source: fields.source ?? 'header',
        paramName: fields.paramName ?? DEFAULT_SIGNATURE_HEADER,
        encoding: fields.encoding ?? 'hex',
        prefix: fields.prefix ?? '',
        secretIds,
      };
    default:
      return {
        type,
        secretIds,
        toleranceSeconds: fields.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
      };
  }
}

/** A config's auth as typed, whatever state the draft is in. */
export function readAuth(raw: unknown): WebhookAuth {
  const { type, ...fields } = looseAuthSchema.parse(raw);
  return build(type, fields);
}

const looseSecuritySchema = z
  .object({
    // Optional: a missing key would otherwise fail the object and lose the allowlists too.
    auth: z.unknown().optional(),
    ipAllowlist: z.array(z.string()).catch([]),
    originAllowlist: z.array(z.string()).catch([]),
  })
  .catch({ auth: undefined, ipAllowlist: [], originAllowlist: [] });

/** A trigger's security config as typed; absent (a Start node) reads as public, open. */
export function readSecurity(raw: unknown): WebhookSecurity {
  const loose = looseSecuritySchema.parse(raw ?? {});
  return {
    auth: readAuth(loose.auth ?? { type: 'public' }),
    ipAllowlist: loose.ipAllowlist,
    originAllowlist: loose.originAllowlist,
  };
}

function isPresetChoice(choice: AuthChoice): choice is HmacPresetId {
  return (hmacPresetIds as readonly string[]).includes(choice);
}

/** The select's value: the preset the user chose, else the type. Never guessed from fields. */
export function authChoiceOf(auth: WebhookAuth): AuthChoice {
  return auth.type === 'hmac' && auth.preset ? auth.preset : auth.type;
}

/**
 * The auth after choosing another type. The token carries over between the token types
 * (bearer, header, query) and the secrets between the signature types, since they mean
 * the same there; nothing crosses between the two families (a generated token is no
 * Stripe signing secret). Leaving a preset for HMAC keeps its fields, to edit from there.
 */
export function switchAuth(current: WebhookAuth, choice: AuthChoice): WebhookAuth {
  if (choice === 'hmac' && current.type === 'hmac') {
    const { preset: _left, ...fields } = current;
    return current.preset === undefined ? current : fields;
  }
  const carried: Omit<LooseAuth, 'type'> = {};
  if (isTokenAuth(current)) carried.tokenSecretId = current.tokenSecretId;
  if (current.type === 'header') carried.headerName = current.headerName;
  if (current.type === 'query') carried.paramName = current.paramName;
  if (current.type === 'hmac' || isProviderAuth(current)) carried.secretIds = current.secretIds;
  if (isProviderAuth(current)) carried.toleranceSeconds = current.toleranceSeconds;
  if (isPresetChoice(choice)) {
    return build('hmac', { ...carried, ...hmacPresets[choice].fields, preset: choice });
  }
  if (choice === 'query' && current.type !== 'query') carried.paramName = undefined;
  return build(choice, carried);
}

/**
 * An HMAC after choosing where the signature is. A name still at the other place's
 * default follows (X-Signature ↔ ?signature=); a name the user typed stays.
 */
export function switchSignatureSource(current: HmacAuth, source: HmacAuth['source']): HmacAuth {
  if (current.source === source) return current;
  const defaults = { header: DEFAULT_SIGNATURE_HEADER, query: DEFAULT_SIGNATURE_PARAM };
  const untouched =
    current.paramName.trim() === '' || current.paramName === defaults[current.source];
  return { ...current, source, paramName: untouched ? defaults[source] : current.paramName };
}

/** The secret ids a draft auth holds (the empty placeholder left out). */
export function storedSecretIds(auth: WebhookAuth): string[] {
  if (isTokenAuth(auth)) return auth.tokenSecretId ? [auth.tokenSecretId] : [];
  if (auth.type === 'public') return [];
  return auth.secretIds.filter(Boolean);
}
