import { Router } from 'express';
import type { ApiContext } from '../../api/context';
import {
  getVersion,
  listVersions,
  publishFlow,
  unpublishFlow,
  validateFlow,
} from '../../api/publish';

export function publishRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/flows/:id/validate', (req, res) => {
    res.json(validateFlow(ctx, req.params.id));
  });
  router.post('/flows/:id/publish', async (req, res) => {
    res.json(await publishFlow(ctx, req.params.id, req.body));
  });
  router.post('/flows/:id/unpublish', async (req, res) => {
    res.json(await unpublishFlow(ctx, req.params.id));
  });
  router.get('/flows/:id/versions', async (req, res) => {
    res.json({ versions: await listVersions(ctx, req.params.id) });
  });
  router.get('/flows/:id/versions/:version', async (req, res) => {
    res.json(await getVersion(ctx, req.params.id, req.params.version));
  });
  return router;
}
