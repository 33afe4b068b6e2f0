// The executor contract (DESIGN.md "A node type is defined once"): an executor gets the
// step's context and its node's config (already validated by the node's schema) and says
// what happens next. It never touches the run store, timers or other runs: the engine
// does, which is what makes every node durable and testable the same way.
import type { z } from 'zod';
import type { AnyNodeDefinition, NodeType } from '../nodes/definitions';
import type { ResumeEvent, RunMode, StepOutput, WaitSpec } from '../shared/run';
import type { ChatApi, ChatBinding } from './chat';
import type { ExecServices } from './exec-services';

// What nodes say to a person lives with the chat bindings (chat.ts), which exec-services.ts
// reads too; named here as well, where executors have always found them.
export type { ChatApi, ChatButton, ChatDelivery } from './chat';

/** What a trigger's binding links its run to (ExecContext.bindRun). */
export interface RunLink {
  customerId?: string;
  /** The chat found or created, and the binding the run talks through. */
  chat?: { id: string; binding: ChatBinding };
}

export interface RunVariables {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  all(): Readonly<Record<string, unknown>>;
}

export interface ExecContext {
  runId: string;
  flowId: string;
  flowVersion: number | 'draft';
  nodeId: string;
  mode: RunMode;
  variables: RunVariables;
  /**
   * What templates and paths read: `{ ...variables, body, query, headers, params, ip,
   * method, trigger, vars }`. The trigger's fields win over a variable of the same name
   * (a variable called `body` is still reachable as `vars.body`), so `{{body.x}}` always
   * means the payload, whatever the flow's variables are called.
   */
  scope(): Readonly<Record<string, unknown>>;
  /** A template that is exactly one `{{path}}`/`$NAME` keeps the value's type; else text. */
  interpolate(template: string): unknown;
  interpolateText(template: string): string;
  readPath(path: string): unknown;
  /**
   * What the ingress already read at `path` (a `body.…` path as the trigger's config
   * writes it) when the call arrived, so a large body is not parsed again just for that:
   * runtime/engine/deferred-body.ts. Undefined when it did not: read the scope instead.
   */
  preread(path: string): { value: unknown } | undefined;
  /** Present in full mode; nodes that need it are skipped in headless runs. */
  chat?: ChatApi;
  /**
   * Links the run to a customer and a chat: a trigger's Customer & Chat binding (seed 001)
   * and nothing else calls it. With a chat, the run is full from the next step on.
   */
  bindRun(link: RunLink): void;
  now(): Date;
  /** Aborted when the run is cancelled or the runtime stops for good. */
  signal: AbortSignal;
  /**
   * This node's key for its wait now (runtime/engine/resume-keys.ts): the value the engine
   * put in the node's `issuedKeyVariable` before it ran. Wait on
   * `resumeWaitKey(flowId, nodeId, ctx.resumeKey())`.
   */
  resumeKey(): string;
  /** Secrets, outbound HTTP and a logger (exec-services.ts): never the stores themselves. */
  services: ExecServices;
}

/** What a node asks to wait for; the engine adds the node id, key and start time. */
export type WaitRequest =
  | { kind: 'input'; state?: Record<string, unknown>; timeout?: WaitTimeout }
  | { kind: 'timer'; until: Date; state?: Record<string, unknown> }
  | {
      kind: 'webhook';
      key: string;
      state?: Record<string, unknown>;
      timeout?: WaitTimeout;
    };

/** Give up waiting at `at` and continue on `handle`. */
export interface WaitTimeout {
  at: Date;
  handle: string;
}

export type StepOutcome =
  /**
   * `warnings`: what the step noticed that did not stop it (kept in the run's step).
   * `details`: what the node records about itself in the step's output (an HTTP exchange).
   */
  | { kind: 'next'; handle: string; warnings?: string[]; details?: StepDetails }
  | { kind: 'wait'; wait: WaitRequest }
  | { kind: 'fail'; error: string }
  /** Stop the run here, successfully, with an optional result (End). */
  | { kind: 'end'; output?: Record<string, unknown> }
  /** Continue at another node of the same graph (Jump). */
  | { kind: 'goto'; nodeId: string }
  /** Hand the run over to another flow's published version (Jump). */
  | { kind: 'start-flow'; flowId: string };

/** What a node may add to its step's output besides the variables it set. */
export type StepDetails = Omit<StepOutput, 'variables' | 'result'>;

export const next = (
  handle = 'next',
  warnings: string[] = [],
  details?: StepDetails,
): StepOutcome => {
  const outcome: StepOutcome =
    warnings.length > 0 ? { kind: 'next', handle, warnings } : { kind: 'next', handle };
  if (details !== undefined) outcome.details = details;
  return outcome;
};
export const wait = (request: WaitRequest): StepOutcome => ({ kind: 'wait', wait: request });
export const fail = (error: string): StepOutcome => ({ kind: 'fail', error });
export const end = (output?: Record<string, unknown>): StepOutcome => ({ kind: 'end', output });
export const goTo = (nodeId: string): StepOutcome => ({ kind: 'goto', nodeId });
export const startFlow = (flowId: string): StepOutcome => ({ kind: 'start-flow', flowId });

export interface Executor<Config> {
  execute(ctx: ExecContext, config: Config): StepOutcome | Promise<StepOutcome>;
  /**
   * Called when a wait this node asked for ends with its event. Without it, a resumed node
   * continues on `next`. Timeouts never reach it: the engine follows the timeout handle.
   */
  resume?(
    ctx: ExecContext,
    config: Config,
    event: ResumeEvent,
    waited: WaitSpec,
  ): StepOutcome | Promise<StepOutcome>;
}

export type ConfigOf<K extends NodeType> = z.infer<
  Extract<AnyNodeDefinition, { type: K }>['configSchema']
>;
