// A runtime module: one part of createRuntime() (the stores, a chat channel, the webhook
// ingress, the tunnel) that adds routes to the listeners and has its own part in shutdown.
// createRuntime composes a list of them so the route tables and the shutdown order are
// written once, not per part.
import type { RequestHandler, Router } from 'express';
import type { DirectRoute } from '../server/public-app';

export interface RuntimeModule {
  /** For logs and tests. */
  readonly name: string;
  /** Routers mounted on the admin API (`/api`), in module order. */
  readonly adminRoutes?: readonly Router[];
  /** Routes the public listener answers before Express, in module order. */
  readonly publicRoutes?: readonly DirectRoute[];
  /** Express routers on the public listener (a channel's webhook, the public API), in module order. */
  readonly publicRouters?: readonly RequestHandler[];
  /** Stops outside work coming in before anything else closes (the tunnel). */
  stop?(): Promise<unknown>;
  /** Ends live streams (SSE, long-polls) that would otherwise hold a listener open. */
  closeStreams?(): void;
  /** Closes what it holds once no request or run can reach it (after the engine stops). */
  close?(): Promise<void>;
  /** Resolves once its pending writes are on disk. */
  settled?(): Promise<void>;
}

/** How a module comes to be: opened from what the runtime has built before it. */
export interface RuntimeModuleKind<Deps> {
  open(deps: Deps): Promise<RuntimeModule>;
}

/** What one shutdown closes, besides the modules. */
export interface ShutdownParts {
  modules: readonly RuntimeModule[];
  /** The listeners opened so far (all of them on stop, fewer when start fails). */
  listeners: readonly ({ close(): Promise<void> } | undefined)[];
  /** Checkpoints and stops running runs; it needs the stores, so it goes before them. */
  engine: { stop(): Promise<void> };
}

/**
 * The one shutdown routine, for stop() and for a start that fails half way. The order
 * matters: nothing new arrives through the tunnel; open streams end so the listeners can
 * close; after the listeners no new runs or replies; running runs checkpoint and stop;
 * then what the modules hold is closed and written out.
 */
export async function shutdownModules(parts: ShutdownParts): Promise<void> {
  const { modules } = parts;
  for (const module of modules) await module.stop?.();
  for (const module of modules) module.closeStreams?.();
  await Promise.all(parts.listeners.map((listener) => listener?.close()));
  await parts.engine.stop();
  await Promise.all(modules.flatMap((module) => [module.close?.(), module.settled?.()]));
}

export const adminRoutesOf = (modules: readonly RuntimeModule[]): Router[] =>
  modules.flatMap((module) => module.adminRoutes ?? []);

export const publicRoutesOf = (modules: readonly RuntimeModule[]): DirectRoute[] =>
  modules.flatMap((module) => module.publicRoutes ?? []);

export const publicRoutersOf = (modules: readonly RuntimeModule[]): RequestHandler[] =>
  modules.flatMap((module) => module.publicRouters ?? []);
