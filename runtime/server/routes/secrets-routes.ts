import { Router } from 'express';
import type { ApiContext } from '../../api/context';
import {
  createSecret,
  deleteSecret,
  listSecrets,
  revealSecret,
  secretSummary,
  setSecret,
} from '../../api/secrets';

export function secretsRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.post('/secrets', async (req, res) => {
    res.status(201).json(await createSecret(ctx, req.body));
  });
  router.get('/secrets', (req, res) => {
    res.json(listSecrets(ctx, req.query));
  });
  router.get('/secrets/:id', (req, res) => {
    res.json(secretSummary(ctx, req.params.id));
  });
  router.put('/secrets/:id', async (req, res) => {
    res.json(await setSecret(ctx, req.params.id, req.body));
  });
  router.post('/secrets/:id/reveal', (req, res) => {
    res.json(revealSecret(ctx, req.params.id));
  });
  router.delete('/secrets/:id', async (req, res) => {
    await deleteSecret(ctx, req.params.id);
    res.status(204).end();
  });
  return router;
}
