// What an executor may use beyond its run (ExecContext.services): stored secrets, an HTTP
// client and a logger. Executors never touch stores (executor.ts), so each is a small
// interface here; the runtime passes the real parts (EngineOptions.services) and tests
// replace any of them. Nodes that never read `ctx.services` never pay for it.
import type { Logger } from '../logger';
import type { OutboundHttp } from '../outbound/outbound-http';
import { noBackground, type BackgroundWork } from './background-work';

/** Stored secrets, read-only: a node config holds a secret's id, never its value. */
export interface ExecSecrets {
  /** The secret's plaintext, or undefined when there is no such secret (or it is unreadable). */
  get(id: string): string | undefined;
}

/**
 * Outbound HTTP: the runtime's one client (runtime/outbound/outbound-http.ts, undici with
 * keep-alive agents and the private-network guard), which Test Request uses too.
 */
export type HttpClient = Pick<OutboundHttp, 'send'>;

export interface ExecServices {
  secrets: ExecSecrets;
  http: HttpClient;
  /** Work that finishes after the step, recorded with the run (background-work.ts). */
  background: BackgroundWork;
  /** Scoped to the step: every line carries the run and node ids. */
  logger: Logger;
}

/** Until the runtime passes its store: no secret is known (a node then fails closed). */
export const noSecrets: ExecSecrets = { get: () => undefined };

/**
 * Until the runtime passes its client (an engine opened on its own, in tests): nothing is
 * sent, and a node that calls out fails with this reason.
 */
export const noHttp: HttpClient = {
  send: () =>
    Promise.resolve({
      ok: false,
      error: { kind: 'network', message: 'This Hookflow was opened without outbound HTTP' },
      attempts: 0,
      redirects: 0,
      ms: 0,
    }),
};

/** The engine's services: what its options give, the defaults for the rest. */
export function execServices(logger: Logger, given: Partial<ExecServices> = {}): ExecServices {
  return {
    secrets: given.secrets ?? noSecrets,
    http: given.http ?? noHttp,
    background: given.background ?? noBackground,
    logger: given.logger ?? logger,
  };
}

/** The services as one step sees them: its log lines say which run and node wrote them. */
export function stepServices(
  services: ExecServices,
  scope: { runId: string; nodeId: string },
): ExecServices {
  const { logger } = services;
  const fields = (more?: Record<string, unknown>) => ({ ...scope, ...more });
  return {
    secrets: services.secrets,
    http: services.http,
    background: services.background,
    logger: {
      info: (message, more) => logger.info(message, fields(more)),
      warn: (message, more) => logger.warn(message, fields(more)),
      error: (message, more) => logger.error(message, fields(more)),
    },
  };
}
