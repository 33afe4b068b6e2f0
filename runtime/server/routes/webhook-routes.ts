// The public listener's webhook namespaces: one catch-all each, looked up in the ingress's
// in-memory trigger map (no Express route per node). `/api/call_node/…` is the Start node
// webhook of seed 000; it lives on the public listener and has nothing to do with the
// admin API, which is only on the admin listener.
import { Router, type Request, type Response } from 'express';
import type { Ingress, WebhookRoute } from '../../ingress/pipeline';

export function webhookRoutes<Binding>(ingress: Ingress<Binding>): Router {
  const router = Router();
  const handle = async (req: Request, res: Response, route: WebhookRoute) => {
    const reply = await ingress.handle(req, route);
    res.set('Cache-Control', 'no-store');
    if (reply.headers) res.set(reply.headers);
    res.status(reply.status).json(reply.body);
    if (reply.after) void reply.after();
  };
  router.all('/webhooks/flow/:webhookId', (req, res) =>
    handle(req, res, { kind: 'webhook', webhookId: req.params.webhookId }),
  );
  router.all('/api/call_node/:flowId/:nodeId', (req, res) =>
    handle(req, res, { kind: 'call-node', flowId: req.params.flowId, nodeId: req.params.nodeId }),
  );
  router.all('/api/call_node/:flowId/:nodeId/:channel/:chatId', (req, res) =>
    handle(req, res, {
      kind: 'call-node',
      flowId: req.params.flowId,
      nodeId: req.params.nodeId,
      channel: req.params.channel,
      chatId: req.params.chatId,
    }),
  );
  return router;
}
