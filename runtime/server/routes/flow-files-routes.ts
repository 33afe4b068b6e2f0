import { Router } from 'express';
import type { ApiContext } from '../../api/context';
import { duplicateFlow } from '../../api/duplicate';
import { exportFileName, exportFlow, importFlow, previewImport } from '../../api/import-export';

export function flowFilesRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/flows/:id/export', (req, res) => {
    const file = exportFlow(ctx, req.params.id);
    res.attachment(exportFileName(file)).json(file);
  });
  // Read-only: what importing the file would report, before anything is created.
  router.post('/flows/import/preview', (req, res) => {
    res.json(previewImport(ctx, req.body));
  });
  router.post('/flows/import', async (req, res) => {
    res.status(201).json(await importFlow(ctx, req.body));
  });
  router.post('/flows/:id/duplicate', async (req, res) => {
    res.status(201).json(await duplicateFlow(ctx, req.params.id, req.body));
  });
  return router;
}
