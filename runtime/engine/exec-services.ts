// What an executor may use beyond its run (ExecContext.services): stored secrets, an HTTP
// client, the customers and chats a Webhook Trigger binds, and a logger. Executors never touch stores (executor.ts), so each is a small
// interface here; the runtime passes the real parts (EngineOptions.services) and tests
// replace any of them. Nodes that never read `ctx.services` never pay for it.
import type { BindingRow } from '../customers/binding';
import type { Logger } from '../logger';
import type { OutboundHttp } from '../outbound/outbound-http';
import type { Chat } from '../shared/chats';
import type { ChatBindingChannel, ChatContactType } from '../shared/customer-chat-binding';
import type { BindResult } from '../store/customers-store';
import type { ChatBinding } from './chat';
import { noBackground, type BackgroundWork } from './background-work';
import { ResumeKeys } from './resume-keys';

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

/**
 * The customers store's find-or-create (runtime/store/customers-store.ts): resolves once the
 * change is durable, so a trigger step never completes before its customer is on disk.
 */
export interface ExecCustomers {
  bind(rows: readonly BindingRow[], at?: Date): Promise<BindResult>;
}

export interface ChatBindRequest {
  channel: ChatBindingChannel;
  /** As read from the call: the service normalises it like a customer's contact value. */
  contact: { type: ChatContactType; value: string };
  customerId: string;
  runId: string;
  /** The run's flow (a test chat session names it). */
  flowId: string;
}

export interface ChatBindResult {
  chat: Chat;
  status: 'created' | 'found';
  /** What the run talks through (a channel that is not connected records sends as not delivered). */
  binding: ChatBinding;
}

/** The chats store's find-or-create on a channel (runtime/chats/chat-service.ts). */
export interface ExecChats {
  bind(request: ChatBindRequest): Promise<ChatBindResult>;
}

export interface ExecServices {
  secrets: ExecSecrets;
  http: HttpClient;
  customers: ExecCustomers;
  chats: ExecChats;
  /** Work that finishes after the step, recorded with the run (background-work.ts). */
  background: BackgroundWork;
  /** Scoped to the step: every line carries the run and node ids. */
  logger: Logger;
  /**
   * The keys resume endpoints are called with (resume-keys.ts); executors reach them
   * through `ctx.resumeKey()`, the engine and the ingress through the engine.
   */
  resumeKeys: ResumeKeys;
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

/** Until the runtime passes its store: a binding trigger's step fails with this reason. */
export const noCustomers: ExecCustomers = {
  bind: () => Promise.reject(new Error('This Hookflow was opened without a customers store')),
};

/** Until the runtime passes its chats: a Chat binding cannot resolve (the run is headless). */
export const noChats: ExecChats = {
  bind: () => Promise.reject(new Error('This Hookflow was opened without chats')),
};

/** The engine's services: what its options give, the defaults for the rest. */
export function execServices(logger: Logger, given: Partial<ExecServices> = {}): ExecServices {
  return {
    secrets: given.secrets ?? noSecrets,
    http: given.http ?? noHttp,
    customers: given.customers ?? noCustomers,
    chats: given.chats ?? noChats,
    background: given.background ?? noBackground,
    logger: given.logger ?? logger,
    resumeKeys: given.resumeKeys ?? ResumeKeys.ephemeral(),
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
    customers: services.customers,
    chats: services.chats,
    background: services.background,
    resumeKeys: services.resumeKeys,
    logger: {
      info: (message, more) => logger.info(message, fields(more)),
      warn: (message, more) => logger.warn(message, fields(more)),
      error: (message, more) => logger.error(message, fields(more)),
    },
  };
}
