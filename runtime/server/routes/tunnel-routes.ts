import { Router } from 'express';
import {
  startTunnel,
  stopTunnel,
  tunnelStatus,
  updateTunnelSettings,
  type TunnelContext,
} from '../../api/tunnel';

export function tunnelRoutes(ctx: TunnelContext): Router {
  const router = Router();
  router.get('/tunnel', (_req, res) => {
    res.json(tunnelStatus(ctx));
  });
  router.put('/tunnel/settings', async (req, res) => {
    res.json(await updateTunnelSettings(ctx, req.body));
  });
  router.post('/tunnel/start', async (_req, res) => {
    res.json(await startTunnel(ctx));
  });
  router.post('/tunnel/stop', async (_req, res) => {
    res.json(await stopTunnel(ctx));
  });
  return router;
}
