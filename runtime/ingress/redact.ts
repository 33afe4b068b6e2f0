// What never reaches the call log, the listen stream or a run: credentials in headers and
// query parameters. Every known signature header is redacted whatever the trigger's auth
// type (a call signed for another endpoint still carries a signature), plus the header or
// query parameter this trigger reads its token or signature from.
import { REDACTED } from '../security/redacted';
import type { WebhookAuth } from '../shared/webhook-security';

const ALWAYS_REDACTED_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  // The signature headers of every provider in providerPresets (and Svix's own names).
  'webhook-signature',
  'svix-signature',
  'stripe-signature',
  'x-hub-signature',
  'x-hub-signature-256',
  'x-shopify-hmac-sha256',
  'x-slack-signature',
];

export interface Redaction {
  /** Lower-cased header names. */
  headers: ReadonlySet<string>;
  query: ReadonlySet<string>;
}

/** For calls that reach no trigger (an unknown URL): only the always-secret names. */
export const baseRedaction: Redaction = {
  headers: new Set(ALWAYS_REDACTED_HEADERS),
  query: new Set(['token', 'signature']),
};

export function redactionFor(auth: WebhookAuth | undefined): Redaction {
  const headers = new Set(ALWAYS_REDACTED_HEADERS);
  const query = new Set<string>();
  switch (auth?.type) {
    case 'header':
      headers.add(auth.headerName.toLowerCase());
      break;
    case 'query':
      query.add(auth.paramName);
      break;
    case 'hmac':
      if (auth.source === 'header') headers.add(auth.paramName.toLowerCase());
      else query.add(auth.paramName);
      break;
    default:
      break;
  }
  // Without a trigger config (drafts being listened to) guess the usual names too.
  if (auth === undefined) for (const name of baseRedaction.query) query.add(name);
  return { headers, query };
}

export type QueryRecord = Record<string, string | string[]>;

/** Headers as one string each (repeated ones joined), secrets redacted. */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  redaction: Redaction,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === '__proto__') continue;
    out[name] = redaction.headers.has(name)
      ? REDACTED
      : Array.isArray(value)
        ? value.join(', ')
        : value;
  }
  return out;
}

export function redactQuery(query: QueryRecord, redaction: Redaction): QueryRecord {
  if (redaction.query.size === 0) return query;
  let out: QueryRecord | undefined;
  for (const name of redaction.query) {
    if (!Object.hasOwn(query, name)) continue;
    out ??= { ...query };
    out[name] = REDACTED;
  }
  return out ?? query;
}

/** The query string as parsed once: repeated names become arrays. */
export function parseQuery(url: string): QueryRecord {
  const mark = url.indexOf('?');
  const query: QueryRecord = {};
  if (mark < 0 || mark === url.length - 1) return query;
  for (const [name, value] of new URLSearchParams(url.slice(mark + 1))) {
    if (name === '__proto__') continue;
    const existing = Object.hasOwn(query, name) ? query[name] : undefined;
    if (existing === undefined) query[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[name] = [existing, value];
  }
  return query;
}
