// Inbound calls on the admin listener: a trigger's log, one call, replay, its URLs, and
// Listen mode (server-sent events).
import { Router, type Response } from 'express';
import {
  findTriggerNode,
  getCall,
  listTriggerCalls,
  replay,
  triggerUrls,
  type CallsContext,
} from '../../api/calls';
import { triggerKey } from '../../ingress/compile-trigger';
import { SseStream } from '../sse-stream';

export function callsRoutes<Binding>(ctx: CallsContext<Binding>): Router {
  const router = Router();
  router.get('/flows/:flowId/nodes/:nodeId/calls', async (req, res) => {
    res.json(await listTriggerCalls(ctx, req.params.flowId, req.params.nodeId, req.query));
  });
  router.get('/flows/:flowId/nodes/:nodeId/urls', (req, res) => {
    res.json(triggerUrls(ctx, req.params.flowId, req.params.nodeId));
  });
  router.get('/flows/:flowId/nodes/:nodeId/listen', (req, res) => {
    findTriggerNode(ctx, req.params.flowId, req.params.nodeId); // 404/409 before streaming
    listen(ctx, triggerKey(req.params.flowId, req.params.nodeId), res);
  });
  router.get('/calls/:callId', async (req, res) => {
    res.json(await getCall(ctx, req.params.callId));
  });
  router.post('/calls/:callId/replay', async (req, res) => {
    res.status(202).json(await replay(ctx, req.params.callId, req.body));
  });
  return router;
}

/**
 * One `call` event per call to the trigger (body, headers and query redacted, IP, origin,
 * auth outcome, status); a `ready` event once listening; comments as heartbeats. Ends
 * when the client goes away or the runtime stops (`closed` event).
 */
function listen<Binding>(ctx: CallsContext<Binding>, key: string, res: Response): void {
  const stream = new SseStream(res);
  stream.onEnd(
    ctx.ingress.listen(key, (event) => {
      if (event.type === 'call') {
        stream.send('call', event.call);
        return;
      }
      stream.send('closed', {});
      stream.end();
    }),
  );
  stream.send('ready', { key });
}
