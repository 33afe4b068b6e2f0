// Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`; each v1 is HMAC-SHA256 of
// `${t}.${body}` keyed with the whole signing secret string, `whsec_` included (unlike
// Standard Webhooks, nothing is base64-decoded). Several v1 appear while Stripe rolls a secret.
import type { ProviderAuth } from '../../shared/webhook-security';
import {
  anyDigestMatches,
  checkSignedTimestamp,
  decodeHex,
  hmac,
  parseUnixSeconds,
  SIGNATURE_MISMATCH,
} from './signatures';
import { authFailure, headerValue, type AuthOutcome, type AuthRequest } from './types';

export function verifyStripe(
  auth: Extract<ProviderAuth, { type: 'stripe' }>,
  request: AuthRequest,
  secrets: readonly string[],
  now: Date,
): AuthOutcome {
  const header = headerValue(request.headers, 'stripe-signature')?.trim();
  if (!header) {
    return authFailure(
      'missing_signature',
      'No Stripe-Signature header: check that the call comes from a Stripe webhook endpoint.',
    );
  }
  const timestamps: string[] = [];
  const given: Buffer[] = [];
  for (const item of header.split(',')) {
    const equals = item.indexOf('=');
    if (equals < 0) continue;
    const key = item.slice(0, equals).trim();
    const value = item.slice(equals + 1).trim();
    if (key === 't') timestamps.push(value);
    if (key === 'v1') {
      const decoded = decodeHex(value);
      if (decoded) given.push(decoded);
    }
  }
  const timestamp = timestamps.length === 1 ? timestamps[0] : undefined;
  const signedAt = timestamp === undefined ? undefined : parseUnixSeconds(timestamp);
  if (timestamp === undefined || signedAt === undefined) {
    return authFailure(
      'malformed_signature',
      'The Stripe-Signature header needs exactly one t=<Unix seconds> timestamp.',
    );
  }
  if (given.length === 0) {
    return authFailure(
      'malformed_signature',
      'The Stripe-Signature header holds no v1=<hex> signature (test v0 signatures are not accepted).',
    );
  }
  const expected = secrets.map((secret) =>
    hmac('sha256', secret, `${timestamp}.`, request.rawBody),
  );
  if (!anyDigestMatches(given, expected)) {
    return authFailure(
      'invalid_signature',
      `${SIGNATURE_MISMATCH} (the secret is the endpoint's whsec_… signing secret, not an API key).`,
    );
  }
  return (
    checkSignedTimestamp(signedAt, now, auth.toleranceSeconds) ?? { ok: true, scheme: 'stripe' }
  );
}
