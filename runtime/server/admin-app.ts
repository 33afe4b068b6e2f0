// The admin listener (127.0.0.1 only): the designer page, the admin API and live streams.
import express, { type Express, type NextFunction, type Request, type Router } from 'express';
import type { ApiContext } from '../api/context';
import { jsonNestingExceeds, tooDeeplyNested } from '../ingress/nesting-limit';
import type { Logger } from '../logger';
import type { LoginCodes } from '../security/login-codes';
import type { RuntimeStatus } from '../shared/runtime-status';
import { requireAdmin, setSessionCookie } from './admin-auth';
import { designerRoutes } from './designer-routes';
import { loopbackHostGuard } from './host-guard';
import { jsonErrorHandler, notFoundHandler, requireJsonBody } from './json-errors';
import { flowsRoutes } from './routes/flows-routes';
import { settingsRoutes } from './routes/settings-routes';
import { statusRoutes } from './routes/status-routes';
import { securityHeaders } from './security-headers';

export interface AdminAppDeps {
  ctx: ApiContext;
  adminToken: string;
  loginCodes: LoginCodes;
  designerDir: string | undefined;
  logger: Logger;
  urls: () => RuntimeStatus['urls'];
  loginUrl: () => string;
  /** Run by the desktop app, which has a tray menu to open the designer from. */
  desktop: boolean;
  /** Routers added by later features (runs, calls, listen streams…), mounted under /api. */
  apiRouters?: Router[];
}

export const ADMIN_BODY_LIMIT = '10mb';

export function createAdminApp(deps: AdminAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(loopbackHostGuard, securityHeaders);

  app.get('/login', (req, res) => {
    const code = typeof req.query.code === 'string' ? req.query.code : '';
    if (deps.loginCodes.redeem(code)) {
      setSessionCookie(req, res, deps.adminToken);
      res.redirect(303, '/');
      return;
    }
    res.status(401).type('html').send(usedLinkPage(deps.desktop));
  });

  const api = express.Router();
  api.use(requireAdmin(deps.adminToken), (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(
    requireJsonBody,
    express.json({ limit: ADMIN_BODY_LIMIT, strict: true }),
    refuseDeepNesting,
  );
  api.use(statusRoutes({ ctx: deps.ctx, urls: deps.urls, loginUrl: deps.loginUrl }));
  api.use(flowsRoutes(deps.ctx));
  api.use(settingsRoutes(deps.ctx));
  for (const router of deps.apiRouters ?? []) api.use(router);
  api.use(notFoundHandler('No admin API route'));
  app.use('/api', api);

  app.use(designerRoutes(deps.designerDir));
  app.use(notFoundHandler('Nothing here'));
  app.use(jsonErrorHandler(deps.logger));
  return app;
}

/**
 * Admin bodies (manual runs with a `body`, imports) end up in records too: the webhook
 * nesting limit applies (runtime/ingress/nesting-limit.ts), answered by jsonErrorHandler.
 */
function refuseDeepNesting(req: Request, _res: unknown, next: NextFunction): void {
  next(jsonNestingExceeds(req.body) ? tooDeeplyNested('arrays and objects') : undefined);
}

/** Where a fresh sign-in link comes from: the tray menu exists only in the desktop app. */
function usedLinkPage(desktop: boolean): string {
  const command =
    'run <code>hookflow open</code> (<code>npm run open</code> in a checkout) on this computer';
  const fresh = desktop
    ? `choose <b>Open Hookflow</b> in the Hookflow tray menu, or ${command}`
    : command;
  return (
    '<!doctype html><meta charset="utf-8"><title>Hookflow sign-in</title>' +
    '<body style="font-family:system-ui;max-width:40em;margin:4em auto">' +
    '<h1>This sign-in link has already been used or has expired</h1>' +
    `<p>A sign-in link works once. For a fresh one, ${fresh}.</p>`
  );
}
