// The Security tab's origin allowlist (seed 001), e.g. `https://app.kiwify.com.br`. Browsers
// send Origin (or at least Referer) with cross-site POSTs, so this fits webhooks called from
// web pages and forms; most server-to-server senders send neither, and a non-empty list
// refuses them — the IP allowlist or a signature is the tool for those.
import type { AllowlistProblem } from './ip-allowlist';

export type OriginOutcome =
  { ok: true } | { ok: false; status: 403; code: 'origin_not_allowed'; message: string };

/**
 * `scheme://host[:port]`, lower-cased, default port dropped (the URL parser does both), or a
 * message saying what is wrong with the entry.
 */
function parseOriginEntry(entry: string): string | { problem: string } {
  if (entry.includes('*')) {
    return {
      problem: 'Wildcards are not supported: list each origin, e.g. https://app.example.com',
    };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    return { problem: `Add the scheme: https://${entry.replace(/^\/+/, '')}` };
  }
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return { problem: 'Not a valid origin: write e.g. https://app.kiwify.com.br' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: 'An origin starts with https:// or http://' };
  }
  if (url.username !== '' || url.password !== '') {
    return { problem: 'Remove the user name and password: an origin is scheme, host and port' };
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return { problem: `Remove the path: an origin is scheme, host and port, e.g. ${url.origin}` };
  }
  return url.origin;
}

/** The normalized origin of an allowlist entry, or undefined when it is not one. */
export function normalizeOrigin(entry: string): string | undefined {
  const parsed = parseOriginEntry(entry.trim());
  return typeof parsed === 'string' ? parsed : undefined;
}

/** Problems to show at publish; blank lines are ignored. */
export function parseOriginAllowlist(entries: readonly string[]): {
  origins: string[];
  problems: AllowlistProblem[];
} {
  const origins: string[] = [];
  const problems: AllowlistProblem[] = [];
  entries.forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return;
    const parsed = parseOriginEntry(entry);
    if (typeof parsed === 'string') origins.push(parsed);
    else problems.push({ index, entry: raw, message: parsed.problem });
  });
  return { origins, problems };
}

/** The origin a request comes from: its Origin header, else the origin of its Referer. */
function requestOrigin(
  origin: string | undefined,
  referer: string | undefined,
): string | undefined {
  const sent = origin?.trim();
  // `Origin: null` (sandboxed frames, privacy redirects) is kept as is: it matches no entry.
  if (sent) return sent === 'null' ? 'null' : (normalizeOrigin(sent) ?? sent);
  const from = referer?.trim();
  if (!from) return undefined;
  try {
    const url = new URL(from);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export type OriginHeaders = { origin: string | undefined; referer: string | undefined };

/**
 * The origin step of the ingress pipeline. An empty list accepts any call; a non-empty one
 * refuses a call without Origin or Referer, and — like the IP list — a list whose every
 * entry is invalid accepts nobody.
 */
export function checkOrigin(list: readonly string[], headers: OriginHeaders): OriginOutcome {
  return compileOriginAllowlist(list)(headers);
}

/** checkOrigin with the list parsed once (at publish), for the per-request hot path. */
export function compileOriginAllowlist(
  list: readonly string[],
): (headers: OriginHeaders) => OriginOutcome {
  const configured = list.some((entry) => entry.trim() !== '');
  if (!configured) return () => ({ ok: true });
  const origins = new Set(parseOriginAllowlist(list).origins);
  return (headers) => {
    const seen = requestOrigin(headers.origin, headers.referer);
    if (seen !== undefined && origins.has(seen)) return { ok: true };
    return {
      ok: false,
      status: 403,
      code: 'origin_not_allowed',
      message:
        seen === undefined
          ? 'The call has no Origin or Referer header, and this webhook accepts only listed origins: ' +
            'callers that are not browsers send neither, so empty the origin allowlist for them ' +
            '(and use a token, a signature or the IP allowlist instead).'
          : `Calls from origin ${seen.slice(0, 200)} are not allowed: add it to the origin allowlist in the ` +
            'Security tab, or empty the list to accept any origin.',
    };
  };
}

/** The origin a call came from, as the call log records it. */
export function callOrigin(headers: OriginHeaders): string | undefined {
  return requestOrigin(headers.origin, headers.referer);
}
