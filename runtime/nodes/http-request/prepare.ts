// An HTTP Request node's config and a run's scope made into the request the outbound client
// sends, and the same request as it may be shown (run view, Test Request, logs): secret
// header values replaced by `[secret <id>]`, credential headers typed in plain text and a
// password in the URL redacted. The executor and Test Request both build requests here.
import type { OutboundRequest } from '../../outbound/outbound-types';
import { REDACTED } from '../../security/redacted';
import type { HttpRequestConfig } from './definition';
import { fillRequest } from './request-parts';

/** Shown as `[redacted]` even when typed in plain text rather than picked as a secret. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
]);

export interface ShownRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type PreparedRequest =
  | {
      ok: true;
      request: OutboundRequest;
      shown: ShownRequest;
      /** The plaintexts of the secrets used, for redacting what comes back by value. */
      secretValues: string[];
    }
  | { ok: false; message: string; shown: ShownRequest };

export function prepareRequest(
  config: HttpRequestConfig,
  scope: Readonly<Record<string, unknown>>,
  secret: (id: string) => string | undefined,
  signal?: AbortSignal,
): PreparedRequest {
  const secretValues: string[] = [];
  const filled = fillRequest(config, scope, (id) => {
    const value = secret(id);
    if (value === undefined) return undefined;
    secretValues.push(value);
    return { value, name: id };
  });
  if (!filled.ok) {
    return {
      ok: false,
      message: filled.message,
      shown: { method: config.method, url: redactUrl(config.url), headers: {} },
    };
  }
  const { request } = filled;
  const shownHeaders: Record<string, string> = {};
  const secretHeaders = new Set(
    config.headers.filter((row) => row.secretId).map((row) => row.name.trim()),
  );
  for (const [name, value] of Object.entries(request.shownHeaders)) {
    const plainCredential = !secretHeaders.has(name) && CREDENTIAL_HEADERS.has(name.toLowerCase());
    shownHeaders[name] = plainCredential ? REDACTED : value;
  }
  return {
    ok: true,
    request: {
      method: config.method,
      url: request.url,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      timeoutMs: config.timeoutSeconds * 1000,
      allowPrivateNetwork: config.allowPrivateNetwork,
      retries: config.retries.count,
      retryNonIdempotent: config.retries.nonIdempotent,
      ...(signal ? { signal } : {}),
    },
    shown: {
      method: config.method,
      url: redactUrl(request.url),
      headers: shownHeaders,
      ...(request.body === undefined ? {} : { body: request.body }),
    },
    secretValues,
  };
}

/** The URL with a password (`https://user:pass@host`) cut out. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password === '') return text;
    url.password = REDACTED;
    return url.href;
  } catch {
    return text;
  }
}
