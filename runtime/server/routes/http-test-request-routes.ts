import { Router } from 'express';
import { testHttpRequest, type TestRequestDeps } from '../../api/http-test-request';

/** POST /api/flows/:flowId/nodes/:nodeId/test-request (runtime/shared/http-test-request.ts). */
export function httpTestRequestRoutes(deps: TestRequestDeps): Router {
  const router = Router();
  router.post('/flows/:flowId/nodes/:nodeId/test-request', async (req, res) => {
    // The designer gave up (closed the inspector): stop waiting on the other server.
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    res.json(
      await testHttpRequest(deps, req.params.flowId, req.params.nodeId, req.body, abort.signal),
    );
  });
  return router;
}
