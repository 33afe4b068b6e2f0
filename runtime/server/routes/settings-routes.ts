import { Router } from 'express';
import { getSettings, updateSettings } from '../../api/settings';
import type { ApiContext } from '../../api/context';

export function settingsRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/settings', (_req, res) => {
    res.json(getSettings(ctx));
  });
  router.patch('/settings', async (req, res) => {
    res.json(await updateSettings(ctx, req.body));
  });
  return router;
}
