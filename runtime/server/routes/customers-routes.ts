import { Router } from 'express';
import { ApiError } from '../../api/api-error';
import {
  deleteCustomer,
  editCustomer,
  exportCustomers,
  getCustomer,
  importCustomers,
  listCustomers,
  type CustomersContext,
} from '../../api/customers';

export function customersRoutes(ctx: CustomersContext): Router {
  const router = Router();
  // The store reads its customers in the background after start: wait for them here.
  router.use('/customers', async (_req, _res, next) => {
    try {
      await ctx.customers.loaded();
    } catch (error) {
      throw new ApiError(
        503,
        'customers_unavailable',
        `The customers could not be read (${error instanceof Error ? error.message : String(error)}): fix the data folder's customers/ and restart Hookflow.`,
      );
    }
    next();
  });
  router.get('/customers', (req, res) => {
    res.json(listCustomers(ctx, req.query));
  });
  // Before /customers/:id, which would take "export" as an id.
  router.get('/customers/export', (req, res) => {
    const { type, body } = exportCustomers(ctx, req.query.format);
    const extension = type.startsWith('text/csv') ? 'csv' : 'json';
    res.type(type).attachment(`customers.${extension}`).send(body);
  });
  router.post('/customers/import', async (req, res) => {
    res.json(await importCustomers(ctx, req.body));
  });
  router.get('/customers/:id', (req, res) => {
    res.json(getCustomer(ctx, req.params.id));
  });
  router.put('/customers/:id', async (req, res) => {
    res.json(await editCustomer(ctx, req.params.id, req.body));
  });
  router.delete('/customers/:id', async (req, res) => {
    await deleteCustomer(ctx, req.params.id);
    res.status(204).end();
  });
  return router;
}
