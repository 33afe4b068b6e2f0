// The public listener's API, version 1 (seed 004; DESIGN.md: project tokens are checked
// only here, admin routes keep the admin token). The token is checked before the body is
// read; every answer is JSON, never cached. `/api/v1/openapi.json` describes these routes.
import express, { Router, type Request, type RequestHandler } from 'express';
import {
  assertEventToken,
  EVENT_BODY_LIMIT,
  launchEvent,
  liveEvent,
  type EventsContext,
  type LiveEvent,
} from '../../api/api-event';
import { launchRun, readRun } from '../../api/api-v1';
import { API_V1_OPENAPI } from '../../api/openapi';
import { jsonNestingExceeds, tooDeeplyNested } from '../../ingress/nesting-limit';
import { authorizeProjectToken, type ProjectTokenGate } from '../../security/project-token-auth';
import type { ProjectTokenInfo, ProjectTokenLevel } from '../../shared/project-tokens';
import { notFoundHandler, requireJsonBody } from '../json-errors';

const BODY_LIMIT = '1mb';

export function apiV1Routes(ctx: EventsContext, gate: ProjectTokenGate): Router {
  const router = Router();
  /** Each request's checked token, and the event it calls (for the handlers after). */
  const tokens = new WeakMap<Request, ProjectTokenInfo>();
  const events = new WeakMap<Request, LiveEvent>();
  const needs =
    (level: ProjectTokenLevel): RequestHandler =>
    (req, res, next) => {
      res.set('Cache-Control', 'no-store');
      tokens.set(req, authorizeProjectToken(gate, req.headers.authorization, level));
      next();
    };
  const jsonBody = (limit: string): RequestHandler[] => [
    requireJsonBody,
    express.json({ limit, strict: true }),
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
    ...jsonBody(BODY_LIMIT),
    async (req, res) => {
      res.status(202).json(await launchRun(ctx, param(req.params.flowId), req.body));
    },
  );
  // A Webhook event node (seed 004): its own token only, checked before the body is read.
  router.post(
    '/api/v1/flows/:flowId/events/:nodeId',
    needs('block-execution'),
    (req, _res, next) => {
      const event = liveEvent(ctx, param(req.params.flowId), param(req.params.nodeId));
      assertEventToken(event, checked(tokens, req), gate.tokens);
      events.set(req, event);
      next();
    },
    ...jsonBody(EVENT_BODY_LIMIT),
    async (req, res) => {
      res.status(202).json(await launchEvent(ctx, checked(events, req), req.body));
    },
  );
  router.get('/api/v1/runs/:runId', needs('read-runs'), async (req, res) => {
    res.json(await readRun(ctx, param(req.params.runId)));
  });
  router.use('/api/v1', notFoundHandler('No public API route'));
  return router;
}

/** What an earlier handler of the same request put in `map`. */
function checked<T>(map: WeakMap<Request, T>, req: Request): T {
  const value = map.get(req);
  if (value === undefined) throw new Error('An earlier handler of this route did not run');
  return value;
}

/** A route parameter as text (Express types it loosely once middleware comes first). */
function param(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}
