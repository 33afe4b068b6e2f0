import { Router } from 'express';
import {
  createProjectToken,
  deleteProjectToken,
  listProjectTokens,
  type ProjectTokensContext,
} from '../../api/project-tokens';

/** Admin API: `/api/project-tokens` (the admin token, as every admin route). */
export function projectTokensRoutes(ctx: ProjectTokensContext): Router {
  const router = Router();
  router.get('/project-tokens', (_req, res) => {
    res.json(listProjectTokens(ctx));
  });
  router.post('/project-tokens', async (req, res) => {
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json(await createProjectToken(ctx, req.body));
  });
  router.delete('/project-tokens/:id', async (req, res) => {
    await deleteProjectToken(ctx, req.params.id);
    res.status(204).end();
  });
  return router;
}
