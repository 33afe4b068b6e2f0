// `/readyz` on the public listener, for load balancers: 200 while this instance can serve
// (on PostgreSQL: the database answers, its migrations have run, the change feed listens),
// 503 otherwise. `/healthz` beside it says only that the process answers.
import { Router } from 'express';
import type { Readiness } from '../../store/postgres/database';

export interface ReadinessSource {
  readiness(): Promise<Readiness>;
}

/** `database` is absent on the JSON store: ready once listening. */
export function readinessRoutes(database: ReadinessSource | undefined): Router {
  const router = Router();
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (!database) {
      res.json({ status: 'ready', store: 'json' });
      return;
    }
    const checks = await database.readiness();
    const ready = checks.database && checks.migrations && checks.changes;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not_ready',
      store: 'postgres',
      checks,
    });
  });
  return router;
}
