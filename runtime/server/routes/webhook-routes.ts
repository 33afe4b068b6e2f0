// The public listener's webhook namespaces: one catch-all each, looked up in the ingress's
// in-memory trigger map (no Express route per node). `/api/call_node/…` is the Start node
// webhook of seed 000; it lives on the public listener and has nothing to do with the
// admin API, which is only on the admin listener.
//
// A direct route (tried before Express, see public-app.ts) matches both prefixes itself
// and writes the JSON answer directly: on the hottest path of the product this skips
// Express entirely (measured by `npm run bench:webhook`).
import type { ServerResponse } from 'node:http';
import type { Ingress, WebhookRoute } from '../../ingress/pipeline';
import { messageOf, type IngressReply } from '../../ingress/reply';
import type { Logger } from '../../logger';
import type { DirectRoute } from '../public-app';

const WEBHOOK_PREFIX = '/webhooks/flow/';
const CALL_NODE_PREFIX = '/api/call_node/';

/** The route a URL names, or undefined when it is not a webhook URL (Express goes on). */
export function matchWebhookRoute(url: string): WebhookRoute | undefined {
  const mark = url.indexOf('?');
  let path = mark < 0 ? url : url.slice(0, mark);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path.startsWith(WEBHOOK_PREFIX)) {
    const parts = segments(path.slice(WEBHOOK_PREFIX.length));
    const [webhookId] = parts ?? [];
    return parts?.length === 1 && webhookId ? { kind: 'webhook-id', webhookId } : undefined;
  }
  if (path.startsWith(CALL_NODE_PREFIX)) {
    const parts = segments(path.slice(CALL_NODE_PREFIX.length));
    if (!parts) return undefined;
    const [flowId, nodeId, channel, chatId] = parts;
    if (!flowId || !nodeId) return undefined;
    if (parts.length === 2) return { kind: 'call-node', flowId, nodeId };
    if (parts.length === 4 && channel && chatId) {
      return { kind: 'call-node', flowId, nodeId, channel, chatId };
    }
  }
  return undefined;
}

function segments(rest: string): string[] | undefined {
  try {
    const parts = rest.split('/').map((part) => decodeURIComponent(part));
    return parts.every((part) => part !== '') ? parts : undefined;
  } catch {
    return undefined; // a malformed %-escape: not a URL we answer
  }
}

function send(res: ServerResponse, reply: IngressReply, logger: Logger): void {
  let body: string;
  try {
    body = JSON.stringify(reply.body);
  } catch (error) {
    // Never expected (what a run answers was serialised in its record first), but a
    // throw here would escape the request and leave the caller hanging.
    logger.error('a webhook answer could not be serialised', { error: messageOf(error) });
    reply = INTERNAL_ERROR;
    body = JSON.stringify(INTERNAL_ERROR.body);
  }
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...reply.headers,
  });
  res.end(body);
}

const INTERNAL_ERROR: IngressReply = {
  status: 500,
  body: { error: { code: 'internal_error', message: 'Something went wrong inside Hookflow' } },
};

export function webhookRoutes<Binding>(ingress: Ingress<Binding>, logger: Logger): DirectRoute {
  return (req, res) => {
    const route = matchWebhookRoute(req.url ?? '/');
    if (!route) return false;
    ingress.handle(req, route).then(
      (reply) => {
        send(res, reply, logger);
        if (reply.after) void reply.after();
      },
      (error: unknown) => {
        logger.error('unexpected error while handling a webhook', { error: messageOf(error) });
        if (!res.headersSent) send(res, INTERNAL_ERROR, logger);
        else res.destroy();
      },
    );
    return true;
  };
}
