// What an executor may use beyond its run (ExecContext.services): stored secrets, an HTTP
// client and a logger. Executors never touch stores (executor.ts), so each is a small
// interface here; the runtime passes the real parts (EngineOptions.services) and tests
// replace any of them. Nodes that never read `ctx.services` never pay for it.
import type { Logger } from '../logger';

/** Stored secrets, read-only: a node config holds a secret's id, never its value. */
export interface ExecSecrets {
  /** The secret's plaintext, or undefined when there is no such secret (or it is unreadable). */
  get(id: string): string | undefined;
}

/** A request as `fetch` takes it, cut down to what a node needs. */
export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Aborts the request (pass `ctx.signal`, so a cancelled run stops waiting for it). */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  text(): Promise<string>;
  bytes(): Promise<Uint8Array>;
}

/**
 * Outbound HTTP. Small on purpose: issue 12 replaces the default (Node's fetch) with the
 * runtime's undici client and its private-network guard (DESIGN.md "Outbound HTTP").
 */
export interface HttpClient {
  request(url: string, init?: HttpRequestInit): Promise<HttpResponse>;
}

export interface ExecServices {
  secrets: ExecSecrets;
  http: HttpClient;
  /** Scoped to the step: every line carries the run and node ids. */
  logger: Logger;
}

/** Until the runtime passes its store: no secret is known (a node then fails closed). */
export const noSecrets: ExecSecrets = { get: () => undefined };

export const fetchHttpClient: HttpClient = {
  async request(url, init = {}) {
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      // Copied into a plain Uint8Array: fetch's types refuse one over a shared buffer.
      body: init.body instanceof Uint8Array ? new Uint8Array(init.body) : init.body,
      signal: init.signal,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return {
      status: response.status,
      headers,
      text: () => response.text(),
      bytes: async () => new Uint8Array(await response.arrayBuffer()),
    };
  },
};

/** The engine's services: what its options give, the defaults for the rest. */
export function execServices(logger: Logger, given: Partial<ExecServices> = {}): ExecServices {
  return {
    secrets: given.secrets ?? noSecrets,
    http: given.http ?? fetchHttpClient,
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
    logger: {
      info: (message, more) => logger.info(message, fields(more)),
      warn: (message, more) => logger.warn(message, fields(more)),
      error: (message, more) => logger.error(message, fields(more)),
    },
  };
}
