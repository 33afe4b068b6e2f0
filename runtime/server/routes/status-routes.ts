import { Router } from 'express';
import type { ApiContext } from '../../api/context';
import type { RuntimeStatus } from '../../shared/runtime-status';
import { HOOKFLOW_VERSION } from '../../version';

export interface StatusDeps {
  ctx: ApiContext;
  urls: () => RuntimeStatus['urls'];
  /** Issues a fresh designer sign-in URL (for `hookflow open`). */
  loginUrl: () => string;
}

export function statusRoutes({ ctx, urls, loginUrl }: StatusDeps): Router {
  const router = Router();
  router.get('/status', (_req, res) => {
    const status: RuntimeStatus = {
      version: HOOKFLOW_VERSION,
      dataDir: ctx.dataDir,
      urls: urls(),
      problems: [...ctx.problems.list()],
    };
    res.json(status);
  });
  router.post('/session/login-url', (_req, res) => {
    res.status(201).json({ url: loginUrl() });
  });
  return router;
}
