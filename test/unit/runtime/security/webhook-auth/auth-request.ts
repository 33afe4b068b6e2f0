// Builds the AuthRequest the ingress pipeline will build: lower-cased header names, the raw
// body bytes, and the query parsed from the URL as Express 5's default ("simple") query
// parser does it (node:querystring), so `+` and repeated parameters behave as in production.
import { parse } from 'node:querystring';
import type { AuthRequest } from '../../../../../runtime/security/webhook-auth';

export const NOW = new Date('2026-03-01T12:00:00.000Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

export function authRequest(options: {
  url?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): AuthRequest {
  const url = options.url ?? '/webhooks/flow/wh_1';
  const queryStart = url.indexOf('?');
  const query: AuthRequest['query'] = {};
  if (queryStart >= 0) {
    for (const [key, value] of Object.entries(parse(url.slice(queryStart + 1)))) query[key] = value;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  const body = options.body ?? '';
  return {
    method: 'POST',
    headers,
    query,
    rawBody: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    url,
  };
}

/** A body like the ones the providers send, with non-ASCII bytes to catch encoding slips. */
export const SAMPLE_BODY = JSON.stringify({
  event: 'order_approved',
  order: { id: 'ord_123', total: 4990, customer: { name: 'João Ñandú', email: 'j@example.com' } },
});
