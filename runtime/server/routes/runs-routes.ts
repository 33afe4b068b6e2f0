import { Router } from 'express';
import type { ApiContext } from '../../api/context';
import { cancelRun, getRun, listRuns, startManualRun } from '../../api/runs';

export function runsRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/runs', async (req, res) => {
    res.json(await listRuns(ctx, req.query));
  });
  router.get('/runs/:id', async (req, res) => {
    res.json(await getRun(ctx, req.params.id));
  });
  router.post('/runs/:id/cancel', async (req, res) => {
    res.json(await cancelRun(ctx, req.params.id));
  });
  router.post('/flows/:id/runs', async (req, res) => {
    res.status(201).json(await startManualRun(ctx, req.params.id, req.body));
  });
  return router;
}
