// The public listener: webhook endpoints and health. The tunnel forwards here and only
// here; nothing on this app can read or change flows, secrets or logs.
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from '../logger';
import { jsonErrorHandler, notFoundHandler } from './json-errors';

export interface PublicAppDeps {
  logger: Logger;
  /**
   * Routers and middleware added by features (webhook ingress, callbacks, widget), mounted
   * first: webhooks are what this listener is for.
   */
  routers?: RequestHandler[];
}

export function createPublicApp(deps: PublicAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  for (const router of deps.routers ?? []) app.use(router);
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.use(notFoundHandler('No webhook or endpoint at this address'));
  app.use(jsonErrorHandler(deps.logger));
  return app;
}
