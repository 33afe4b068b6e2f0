// Standard Webhooks (standardwebhooks.com), which Svix sends under `svix-*` header names:
// `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a space-separated
// list of `v1,<base64>` entries (several during the sender's key rotation). Each is
// HMAC-SHA256 of `${id}.${timestamp}.${body}` keyed with the base64 bytes after `whsec_`.
import { randomBytes } from 'node:crypto';
import type { ProviderAuth } from '../../shared/webhook-security';
import {
  anyDigestMatches,
  checkSignedTimestamp,
  decodeBase64,
  hmac,
  parseUnixSeconds,
  SIGNATURE_MISMATCH,
} from './signatures';
import { authFailure, headerValue, type AuthOutcome, type AuthRequest } from './types';

const SECRET_PREFIX = 'whsec_';

/** A new signing secret in the format senders expect: `whsec_` + base64 of 32 random bytes. */
export function generateStandardWebhooksSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The HMAC key: the base64 after `whsec_` (a bare base64 secret is accepted, as the spec's libraries do). */
export function standardWebhooksKey(secret: string): Buffer | undefined {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = decodeBase64(encoded.trim());
  return key && key.length > 0 ? key : undefined;
}

export function verifyStandardWebhooks(
  auth: Extract<ProviderAuth, { type: 'standard-webhooks' }>,
  request: AuthRequest,
  secrets: readonly string[],
  now: Date,
): AuthOutcome {
  // One family of headers per request: `webhook-*`, else Svix's `svix-*`.
  const family =
    headerValue(request.headers, 'webhook-signature') !== undefined ? 'webhook' : 'svix';
  const signature = headerValue(request.headers, `${family}-signature`)?.trim();
  const id = headerValue(request.headers, `${family}-id`)?.trim();
  const timestamp = headerValue(request.headers, `${family}-timestamp`)?.trim();
  if (!signature) {
    return authFailure(
      'missing_signature',
      'No webhook-signature (or svix-signature) header: check that the sender signs with Standard Webhooks.',
    );
  }
  if (!id || !timestamp) {
    return authFailure(
      'missing_signature',
      `The ${family}-id and ${family}-timestamp headers are required with ${family}-signature: the sender must send all three.`,
    );
  }
  const signedAt = parseUnixSeconds(timestamp);
  if (signedAt === undefined) {
    return authFailure(
      'malformed_signature',
      `The ${family}-timestamp header is not a Unix time in seconds.`,
    );
  }
  const given = signature
    .split(/\s+/)
    .flatMap((entry) => {
      const comma = entry.indexOf(',');
      // Only v1 (symmetric) entries apply; others, such as v1a (asymmetric), are skipped.
      return comma > 0 && entry.slice(0, comma) === 'v1' ? [entry.slice(comma + 1)] : [];
    })
    .flatMap((encoded) => decodeBase64(encoded) ?? []);
  if (given.length === 0) {
    return authFailure(
      'malformed_signature',
      `The ${family}-signature header holds no "v1,<base64>" signature.`,
    );
  }

  const expected = secrets.flatMap((secret) => {
    const key = standardWebhooksKey(secret);
    return key ? [hmac('sha256', key, `${id}.${timestamp}.`, request.rawBody)] : [];
  });
  if (!anyDigestMatches(given, expected)) {
    return authFailure(
      'invalid_signature',
      `${SIGNATURE_MISMATCH} (the secret is the whsec_… signing secret of this endpoint).`,
    );
  }
  return (
    checkSignedTimestamp(signedAt, now, auth.toleranceSeconds) ?? {
      ok: true,
      scheme: 'standard-webhooks',
    }
  );
}
