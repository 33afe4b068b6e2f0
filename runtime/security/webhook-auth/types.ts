// What a webhook's authentication check sees and answers. The ingress pipeline builds an
// AuthRequest from the HTTP request (raw body kept byte for byte) and turns a failure into
// `401 { error: { code, message } }`, plus `WWW-Authenticate` when one is given.

export interface AuthRequest {
  method: string;
  /**
   * Lower-cased header names, as Node gives them (`req.headers` as is: a header Node keeps
   * as a list, which no scheme reads, is ignored).
   */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  query: Record<string, string | string[] | undefined>;
  /** The body exactly as received: signatures are computed over these bytes. */
  rawBody: Buffer;
  /** Path and query as received. */
  url: string;
}

export type AuthFailureCode =
  | 'missing_credentials'
  | 'invalid_token'
  | 'missing_signature'
  | 'invalid_signature'
  | 'signature_expired'
  | 'timestamp_in_future'
  | 'malformed_signature'
  /** The config names a secret whose value is missing: a set-up problem, fail closed. */
  | 'secret_not_configured';

export interface AuthFailure {
  ok: false;
  status: 401;
  code: AuthFailureCode;
  /** Tells the caller what to check. Never contains a secret or an expected signature. */
  message: string;
  wwwAuthenticate?: string;
}

export type AuthOutcome = { ok: true; scheme: string } | AuthFailure;

export function authFailure(
  code: AuthFailureCode,
  message: string,
  wwwAuthenticate?: string,
): AuthFailure {
  return wwwAuthenticate === undefined
    ? { ok: false, status: 401, code, message }
    : { ok: false, status: 401, code, message, wwwAuthenticate };
}

/**
 * A header's value, by case-insensitive name. Own properties only, so a header named
 * `constructor` or `__proto__` in a config never reads the object's prototype.
 */
export function headerValue(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const lower = name.toLowerCase();
  if (Object.hasOwn(headers, lower)) {
    const value = headers[lower];
    return typeof value === 'string' ? value : undefined;
  }
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const value = headers[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export type QueryValue =
  { kind: 'missing' } | { kind: 'repeated' } | { kind: 'one'; value: string };

/** A query parameter that must appear once: a repeated one is ambiguous, so it is refused. */
export function queryValue(
  query: Record<string, string | string[] | undefined>,
  name: string,
): QueryValue {
  if (!Object.hasOwn(query, name)) return { kind: 'missing' };
  const value: unknown = query[name];
  if (typeof value === 'string') return value === '' ? { kind: 'missing' } : { kind: 'one', value };
  if (Array.isArray(value)) {
    const strings = value.filter((item): item is string => typeof item === 'string');
    if (strings.length === 1 && strings[0]) return { kind: 'one', value: strings[0] };
    return strings.length === 0 ? { kind: 'missing' } : { kind: 'repeated' };
  }
  return { kind: 'missing' };
}
