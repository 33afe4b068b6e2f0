// The widget on the public listener (the tunnel reaches it): the embed script, the
// full-page chat, and the visitor API the two share (shared/widget.ts lists the URLs).
// Every visitor request is hostile until checked: CORS by the user's origin list, rate
// limits per IP and per session (429 + Retry-After), small JSON bodies (413), ids checked
// by pattern before any lookup, JSON errors.
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { ApiError, notFound, parseInput } from '../../api/api-error';
import { clientAddress, normalizeIpAddress } from '../../security/ip-allowlist';
import { normalizeOrigin } from '../../security/origin-allowlist';
import { RateLimiter, type RateLimit } from '../../security/rate-limiter';
import { requireJsonBody } from '../../server/json-errors';
import { SseStream } from '../../server/sse-stream';
import { isViaTunnel } from '../../server/via-tunnel';
import {
  MAX_WIDGET_BODY_BYTES,
  WIDGET_FLOW_ID_PATTERN,
  WIDGET_PATH,
  widgetReplySchema,
  type WidgetAppearance,
  type WidgetMessages,
} from '../../shared/widget';
import { toInteger } from '../test-chat/api';
import { EMBED_SCRIPT } from './embed-script';
import { widgetCors } from './cors';
import type { VisitorMessages } from './visitor-messages';
import type { WidgetConversations } from './widget';

/** Long-polls wait at most this long, under typical proxy and browser timeouts. */
export const MAX_POLL_SECONDS = 25;

/** Generous for people, tight for scripts. */
export const WIDGET_RATE_LIMITS = {
  /** New conversations per IP address. */
  sessionsPerIp: { burst: 10, perMinute: 10 },
  /** Messages per session (one visitor) and per IP (a whole office behind one address). */
  messagesPerSession: { burst: 8, perMinute: 20 },
  messagesPerIp: { burst: 30, perMinute: 120 },
  /** History reads, long-polls and event streams per IP. */
  readsPerIp: { burst: 60, perMinute: 240 },
} satisfies Record<string, RateLimit>;

export interface WidgetPublicDeps {
  conversations: WidgetConversations;
  visitors: VisitorMessages;
  limits?: typeof WIDGET_RATE_LIMITS;
}

export function widgetPublicRoutes(deps: WidgetPublicDeps): Router {
  const { conversations } = deps;
  const store = conversations.store;
  const limits = deps.limits ?? WIDGET_RATE_LIMITS;
  const sessionsPerIp = limited(new RateLimiter(limits.sessionsPerIp), ipOf, 'new conversations');
  const messagesPerIp = limited(new RateLimiter(limits.messagesPerIp), ipOf, 'messages');
  const messagesPerSession = limited(
    new RateLimiter(limits.messagesPerSession),
    (req) => `session:${String(req.params.id)}`,
    'messages',
  );
  const readsPerIp = limited(new RateLimiter(limits.readsPerIp), ipOf, 'requests');
  const json = [requireJsonBody, express.json({ limit: MAX_WIDGET_BODY_BYTES, strict: true })];

  const router = Router();
  router.get(`${WIDGET_PATH}/embed.js`, (_req, res) => {
    res
      .set({
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=300',
        // Websites load it from their own pages: another origin's resource, on purpose.
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(EMBED_SCRIPT);
  });
  router.get(`${WIDGET_PATH}/chat/:flowId`, (req, res) => {
    const flowId = flowIdOf(req.params.flowId);
    res
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': pageCsp(store.settings().allowedOrigins),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .send(chatPage(flowId));
  });

  const api = Router();
  api.use(widgetCors(() => store.settings().allowedOrigins));
  api.get('/flows/:flowId/config', readsPerIp, (req, res) => {
    res.set('Cache-Control', 'no-store').json(appearanceFor(flowIdOf(req.params.flowId)));
  });
  api.post('/flows/:flowId/sessions', sessionsPerIp, ...json, async (req, res) => {
    const flowId = flowIdOf(req.params.flowId);
    appearanceFor(flowId); // 404 when the widget is not on this flow
    const session = await store.create(flowId);
    res.status(201).json({ sessionId: session.id });
  });
  api.get('/sessions/:id/messages', readsPerIp, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await poll(req, res));
  });
  api.get('/sessions/:id/events', readsPerIp, async (req, res) => {
    await stream(req, res);
  });
  api.post(
    '/sessions/:id/messages',
    messagesPerIp,
    messagesPerSession,
    ...json,
    async (req, res) => {
      const reply = parseInput(widgetReplySchema, req.body);
      const result = await deps.visitors.receive(String(req.params.id), reply);
      res.status(202).json({ seq: result.seq });
    },
  );
  router.use(WIDGET_PATH, api);
  return router;

  /** The widget's look, when it is set up on this flow. */
  function appearanceFor(flowId: string): WidgetAppearance {
    const settings = store.settings();
    if (settings.flowId === '' || settings.flowId !== flowId) {
      throw new ApiError(
        404,
        'widget_not_found',
        'There is no chat widget for this flow: set it up in Hookflow (Channels → Web widget).',
      );
    }
    return { title: settings.title, colour: settings.colour, greeting: settings.greeting };
  }

  async function messagesAfter(id: string, after: number): Promise<WidgetMessages> {
    const session = await store.get(id);
    if (!session) throw notFound('web widget session', id);
    return { messages: session.messages.filter((message) => message.seq > after) };
  }

  /** `?after=<seq>&wait=<seconds>`: at once if there is news (or no wait), else at the next. */
  async function poll(req: Request, res: Response): Promise<WidgetMessages> {
    const id = String(req.params.id);
    const after = toInteger(req.query.after, 'after', 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const wait = toInteger(req.query.wait, 'wait', 0, MAX_POLL_SECONDS) ?? 0;
    const first = await messagesAfter(id, after);
    if (first.messages.length > 0 || wait === 0) return first;
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    await conversations.nextEvent(id, wait * 1000, gone.signal);
    return messagesAfter(id, after);
  }

  /** One `message` event per message, id = its seq: a reconnect (Last-Event-ID) misses none. */
  async function stream(req: Request, res: Response): Promise<void> {
    const id = String(req.params.id);
    const lastEventId = req.headers['last-event-id'];
    const after =
      toInteger(
        typeof lastEventId === 'string' ? lastEventId : req.query.after,
        'after',
        0,
        Number.MAX_SAFE_INTEGER,
      ) ?? 0;
    const backlog = await messagesAfter(id, after); // 404 before the stream starts
    const sse = new SseStream(res);
    let lastSeq = after;
    for (const message of backlog.messages) {
      sse.send('message', message, message.seq);
      lastSeq = message.seq;
    }
    sse.onEnd(
      conversations.subscribe(id, (event) => {
        if (event.type === 'closed') return sse.end();
        if (event.message.seq <= lastSeq) return;
        lastSeq = event.message.seq;
        sse.send('message', event.message, event.message.seq);
      }),
    );
  }
}

/** The caller's address (through the tunnel, the one ngrok saw), for per-IP limits. */
function ipOf(req: Request): string {
  return (
    clientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      viaTunnel: isViaTunnel(req),
    }) ||
    normalizeIpAddress(req.socket.remoteAddress ?? '') ||
    'unknown'
  );
}

function limited(
  limiter: RateLimiter,
  keyOf: (req: Request) => string,
  what: string,
): RequestHandler {
  return (req, _res, next) => {
    const decision = limiter.take(keyOf(req));
    if (decision.ok) {
      next();
      return;
    }
    const seconds = String(decision.retryAfterSeconds);
    next(
      new ApiError(
        429,
        'rate_limited',
        `Too many ${what}: wait ${seconds} seconds and try again.`,
        { retryAfterSeconds: decision.retryAfterSeconds },
        { 'Retry-After': seconds },
      ),
    );
  };
}

function flowIdOf(value: unknown): string {
  if (typeof value !== 'string' || !WIDGET_FLOW_ID_PATTERN.test(value)) {
    throw new ApiError(404, 'widget_not_found', 'There is no chat widget at this address.');
  }
  return value;
}

/**
 * The full-page chat's policy: only its own script, API and styles. Framing: by the listed
 * websites (any website when the list is empty) and by local pages (the designer's preview).
 */
function pageCsp(allowedOrigins: readonly string[]): string {
  const listed = allowedOrigins.flatMap((entry) => normalizeOrigin(entry) ?? []);
  const ancestors =
    listed.length === 0
      ? '*'
      : ["'self'", 'http://127.0.0.1:*', 'http://localhost:*', ...listed].join(' ');
  return (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; " +
    `img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`
  );
}

/** `flowId` matched WIDGET_FLOW_ID_PATTERN (letters, digits, _ and -): safe in the page. */
function chatPage(flowId: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Chat</title></head>' +
    `<body><script src="${WIDGET_PATH}/embed.js" data-flow="${flowId}" data-mode="page"></script>` +
    '</body></html>'
  );
}
