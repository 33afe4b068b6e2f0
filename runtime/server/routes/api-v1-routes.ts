// The public listener's API, version 1 (seed 004; DESIGN.md: project tokens are checked
// only here, admin routes keep the admin token). The token is checked before the body is
// read; every answer is JSON, never cached. `/api/v1/openapi.json` describes these routes.
import express, { Router, type RequestHandler } from 'express';
import { launchRun, readRun, type RunsContext } from '../../api/api-v1';
import { API_V1_OPENAPI } from '../../api/openapi';
import { jsonNestingExceeds, tooDeeplyNested } from '../../ingress/nesting-limit';
import { authorizeProjectToken, type ProjectTokenGate } from '../../security/project-token-auth';
import type { ProjectTokenLevel } from '../../shared/project-tokens';
import { notFoundHandler, requireJsonBody } from '../json-errors';

const BODY_LIMIT = '1mb';

export function apiV1Routes(ctx: RunsContext, gate: ProjectTokenGate): Router {
  const router = Router();
  const needs =
    (level: ProjectTokenLevel): RequestHandler =>
    (req, res, next) => {
      res.set('Cache-Control', 'no-store');
      authorizeProjectToken(gate, req.headers.authorization, level);
      next();
    };
  const jsonBody: RequestHandler[] = [
    requireJsonBody,
    express.json({ limit: BODY_LIMIT, strict: true }),
    (req, _res, next) => {
      next(jsonNestingExceeds(req.body) ? tooDeeplyNested('arrays and objects') : undefined);
    },
  ];

  router.get('/api/v1/openapi.json', (_req, res) => {
    res.json(API_V1_OPENAPI);
  });
  router.post(
    '/api/v1/flows/:flowId/runs',
    needs('block-execution'),
    ...jsonBody,
    async (req, res) => {
      res.status(202).json(await launchRun(ctx, param(req.params.flowId), req.body));
    },
  );
  router.get('/api/v1/runs/:runId', needs('read-runs'), async (req, res) => {
    res.json(await readRun(ctx, param(req.params.runId)));
  });
  router.use('/api/v1', notFoundHandler('No public API route'));
  return router;
}

/** A route parameter as text (Express types it loosely once middleware comes first). */
function param(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}
