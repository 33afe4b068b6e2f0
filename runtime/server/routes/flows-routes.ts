import { Router } from 'express';
import { createFlow, deleteFlow, getFlow, listFlows, updateFlow } from '../../api/flows';
import type { ApiContext } from '../../api/context';
import { flowFilesRoutes } from './flow-files-routes';
import { publishRoutes } from './publish-routes';

export function flowsRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/flows', (_req, res) => {
    res.json({ flows: listFlows(ctx) });
  });
  router.post('/flows', async (req, res) => {
    res.status(201).json(await createFlow(ctx, req.body));
  });
  router.get('/flows/:id', (req, res) => {
    res.json(getFlow(ctx, req.params.id));
  });
  router.patch('/flows/:id', async (req, res) => {
    res.json(await updateFlow(ctx, req.params.id, req.body));
  });
  router.delete('/flows/:id', async (req, res) => {
    await deleteFlow(ctx, req.params.id);
    res.status(204).end();
  });
  router.use(publishRoutes(ctx), flowFilesRoutes(ctx));
  return router;
}
