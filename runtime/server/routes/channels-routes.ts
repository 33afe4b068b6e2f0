import { Router } from 'express';
import { listChannels } from '../../api/channels';
import type { Channel } from '../../channels/channel';

export function channelsRoutes(channels: readonly Channel[]): Router {
  const router = Router();
  router.get('/channels', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(listChannels(channels));
  });
  return router;
}
