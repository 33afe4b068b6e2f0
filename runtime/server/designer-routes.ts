// Serves the built designer. Hashed assets are cached forever; index.html never, so an
// upgrade is picked up on the next reload. Unknown GETs fall back to index.html (SPA).
import { join } from 'node:path';
import express, { Router } from 'express';

export function designerRoutes(designerDir: string | undefined): Router {
  const router = Router();
  if (!designerDir) {
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>Hookflow</title>' +
            '<p>The designer has not been built. Run <code>npm run build</code> and reload.</p>',
        );
    });
    return router;
  }
  router.use(
    '/assets',
    express.static(join(designerDir, 'assets'), {
      immutable: true,
      maxAge: '1y',
      fallthrough: false,
    }),
  );
  router.use(express.static(designerDir, { index: false, maxAge: 0 }));
  router.get(/^\/(?!api\/|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(join(designerDir, 'index.html'));
  });
  return router;
}
