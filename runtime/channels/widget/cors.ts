// CORS for the widget's API: the websites the user lists may call it from their pages (an
// empty list: any website). The widget's own full-page chat is same-origin and always may.
// A browser enforces this, not a server: it stops other websites from embedding the bot in
// visitors' browsers; it is not authentication (rate limits bound what scripts can do).
import type { RequestHandler } from 'express';
import { ApiError } from '../../api/api-error';
import { normalizeOrigin } from '../../security/origin-allowlist';
import { sendError } from '../../server/json-errors';

/** Preflight answers may be cached this long (seconds). */
const PREFLIGHT_MAX_AGE = 600;

export type OriginDecision =
  /** `allowOrigin`: the value for Access-Control-Allow-Origin, when the request is cross-origin. */
  { ok: true; allowOrigin?: string } | { ok: false; error: ApiError };

export function decideOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): OriginDecision {
  // No Origin: not a cross-origin browser request (a same-origin GET, curl).
  if (origin === undefined) return { ok: true };
  const normalized = normalizeOrigin(origin);
  if (normalized !== undefined && host !== undefined && new URL(normalized).host === host) {
    return { ok: true };
  }
  const listed = allowedOrigins.flatMap((entry) => normalizeOrigin(entry) ?? []);
  if (listed.length === 0 || (normalized !== undefined && listed.includes(normalized))) {
    return { ok: true, allowOrigin: origin };
  }
  return {
    ok: false,
    error: new ApiError(
      403,
      'origin_not_allowed',
      `The website ${origin.slice(0, 200)} may not use this chat widget: add its origin to ` +
        "the widget's allowed origins in Hookflow (Channels → Web widget), or empty the list " +
        'to allow any website.',
    ),
  };
}

/** Sets the CORS headers, answers preflights, and refuses origins that are not allowed. */
export function widgetCors(allowedOrigins: () => readonly string[]): RequestHandler {
  return (req, res, next) => {
    res.vary('Origin');
    const decision = decideOrigin(req.headers.origin, req.headers.host, allowedOrigins());
    if (!decision.ok) {
      sendError(res, decision.error);
      return;
    }
    if (decision.allowOrigin !== undefined) {
      res.set('Access-Control-Allow-Origin', decision.allowOrigin);
    }
    if (req.method === 'OPTIONS') {
      res.set({
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type, Last-Event-ID',
        'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE),
      });
      res.status(204).end();
      return;
    }
    next();
  };
}
