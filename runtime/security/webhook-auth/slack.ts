// Slack: `X-Slack-Signature: v0=<hex>`, HMAC-SHA256 of `v0:${X-Slack-Request-Timestamp}:${body}`
// keyed with the app's Signing Secret; the timestamp is Unix seconds.
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

const VERSION = 'v0';

export function verifySlack(
  auth: Extract<ProviderAuth, { type: 'slack' }>,
  request: AuthRequest,
  secrets: readonly string[],
  now: Date,
): AuthOutcome {
  const signature = headerValue(request.headers, 'x-slack-signature')?.trim();
  const timestamp = headerValue(request.headers, 'x-slack-request-timestamp')?.trim();
  if (!signature) {
    return authFailure(
      'missing_signature',
      'No X-Slack-Signature header: check that the call comes from your Slack app.',
    );
  }
  if (!timestamp) {
    return authFailure(
      'missing_signature',
      'No X-Slack-Request-Timestamp header: Slack sends it with every signed request.',
    );
  }
  const signedAt = parseUnixSeconds(timestamp);
  if (signedAt === undefined) {
    return authFailure(
      'malformed_signature',
      'The X-Slack-Request-Timestamp header is not a Unix time in seconds.',
    );
  }
  const given = signature.startsWith(`${VERSION}=`)
    ? decodeHex(signature.slice(VERSION.length + 1))
    : undefined;
  if (!given) {
    return authFailure(
      'malformed_signature',
      'The X-Slack-Signature header should be "v0=" followed by a hexadecimal signature.',
    );
  }
  const expected = secrets.map((secret) =>
    hmac('sha256', secret, `${VERSION}:${timestamp}:`, request.rawBody),
  );
  if (!anyDigestMatches([given], expected)) {
    return authFailure(
      'invalid_signature',
      `${SIGNATURE_MISMATCH} (the secret is the app's Signing Secret, not its token).`,
    );
  }
  return (
    checkSignedTimestamp(signedAt, now, auth.toleranceSeconds) ?? { ok: true, scheme: 'slack' }
  );
}
