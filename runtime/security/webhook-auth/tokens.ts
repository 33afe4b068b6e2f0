// Shared-token schemes (seed 001: Bearer, custom header, query param). The token is compared
// with secretsEqual (hash, then constant time), so neither its content nor its length leaks.
import { randomBytes } from 'node:crypto';
import type { WebhookAuth } from '../../shared/webhook-security';
import { secretsEqual } from '../constant-time';
import { authFailure, headerValue, queryValue, type AuthOutcome, type AuthRequest } from './types';

const BEARER_REALM = 'Bearer realm="hookflow"';

/** "Generate new token": 32 random bytes, base64url (43 characters, URL- and header-safe). */
export function generateWebhookToken(): string {
  return randomBytes(32).toString('base64url');
}

function matchesAny(given: string, tokens: readonly string[]): boolean {
  let matched = false;
  for (const token of tokens) matched = secretsEqual(given, token) || matched;
  return matched;
}

export function verifyBearer(request: AuthRequest, tokens: readonly string[]): AuthOutcome {
  const header = headerValue(request.headers, 'authorization');
  if (header === undefined || header.trim() === '') {
    return authFailure(
      'missing_credentials',
      'No Authorization header: send "Authorization: Bearer <token>" with the token from the Security tab.',
      BEARER_REALM,
    );
  }
  // RFC 9110: the scheme name is case-insensitive.
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    return authFailure(
      'missing_credentials',
      'The Authorization header is not a Bearer token: send "Authorization: Bearer <token>".',
      BEARER_REALM,
    );
  }
  if (!matchesAny(match[1], tokens)) {
    return authFailure(
      'invalid_token',
      'The Bearer token is not valid: copy the current token from the Security tab (it changes when a new one is generated).',
      `${BEARER_REALM}, error="invalid_token"`,
    );
  }
  return { ok: true, scheme: 'bearer' };
}

export function verifyHeaderToken(
  auth: Extract<WebhookAuth, { type: 'header' }>,
  request: AuthRequest,
  tokens: readonly string[],
): AuthOutcome {
  const given = headerValue(request.headers, auth.headerName);
  if (given === undefined || given === '') {
    return authFailure(
      'missing_credentials',
      `No ${auth.headerName} header: send the token from the Security tab in it.`,
    );
  }
  if (!matchesAny(given, tokens)) {
    return authFailure(
      'invalid_token',
      `The token in the ${auth.headerName} header is not valid: copy the current token from the Security tab.`,
    );
  }
  return { ok: true, scheme: 'header' };
}

export function verifyQueryToken(
  auth: Extract<WebhookAuth, { type: 'query' }>,
  request: AuthRequest,
  tokens: readonly string[],
): AuthOutcome {
  const given = queryValue(request.query, auth.paramName);
  if (given.kind === 'missing') {
    return authFailure(
      'missing_credentials',
      `No "${auth.paramName}" query parameter: add ?${auth.paramName}=<token> to the webhook URL.`,
    );
  }
  if (given.kind === 'repeated') {
    return authFailure(
      'invalid_token',
      `The "${auth.paramName}" query parameter appears more than once: send it once.`,
    );
  }
  if (!matchesAny(given.value, tokens)) {
    return authFailure(
      'invalid_token',
      `The "${auth.paramName}" query parameter is not a valid token: copy the current token from the Security tab.`,
    );
  }
  return { ok: true, scheme: 'query' };
}
