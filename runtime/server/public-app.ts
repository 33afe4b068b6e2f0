// The public listener: webhook endpoints and health. The tunnel forwards here and only
// here; nothing on this app can read or change flows, secrets or logs.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express, { type RequestHandler } from 'express';
import type { Logger } from '../logger';
import { jsonErrorHandler, notFoundHandler } from './json-errors';

/** Answers the request and returns true, or returns false to let Express handle it. */
export type DirectRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface PublicAppDeps {
  logger: Logger;
  /**
   * Routes tried before Express: webhook URLs, the hottest path of the product, are
   * answered without Express's per-request work (prototype swaps, router stack, param
   * processing), which costs more CPU than a whole webhook's recording and run together
   * leave room for (measured with `npm run bench:webhook`).
   */
  direct?: DirectRoute[];
  /** Routers and middleware added by features (callbacks, widget). */
  routers?: RequestHandler[];
}

export function createPublicApp(deps: PublicAppDeps): RequestListener {
  const direct = deps.direct ?? [];
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  for (const router of deps.routers ?? []) app.use(router);
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.use(notFoundHandler('No webhook or endpoint at this address'));
  app.use(jsonErrorHandler(deps.logger));
  return (req, res) => {
    for (const route of direct) if (route(req, res)) return;
    app(req, res);
  };
}
