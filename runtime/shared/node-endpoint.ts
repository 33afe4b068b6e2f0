// A node type's public endpoint, declared by its definition (issue 11, seam 1): which URL
// it answers on, how its security, body and response options are read from its config,
// and whether a call starts a run or resumes one waiting for it. The ingress builds its
// one endpoint table from these (runtime/ingress/endpoints.ts); no ingress code names a
// node type. Browser-safe: plain data, compiled into matchers by the ingress.
import type { PathSegment } from '../paths';
import type { WebhookSecurity } from './webhook-security';
import type {
  IdempotencyConfig,
  requiredContentTypes,
  WebhookResponseConfig,
} from './webhook-trigger';

/**
 * The URL shape:
 * - `webhook-id`: `/webhooks/flow/{id}`, the id a config field holds (`urlId`), so the URL
 *   survives renaming and moving the node (a Webhook Trigger).
 * - `call-node`: `/api/call_node/{flowId}/{nodeId}`, optionally `/{channel}/{chatId}`
 *   binding a chat (seed 000's Start webhook).
 */
export type EndpointUrl = 'webhook-id' | 'call-node';

/**
 * - `start`: a call starts a run at this node.
 * - `resume`: a call continues the run waiting at this node: the one whose `webhook` wait
 *   has the key `resumeWaitKey(flowId, nodeId, correlation)`, where the correlation is what
 *   `resumeBy` reads of the call (seed 003: the `conversation_key` in the payload). The call
 *   is the wait's event; it starts nothing.
 */
export type EndpointMode = 'start' | 'resume';

/** What a resume endpoint reads of a call to know which run it continues. */
export interface EndpointCall {
  body: unknown;
  query: Readonly<Record<string, unknown>>;
}

/**
 * A correlation names one wait: a second call with the same one is a repeat of the first
 * (a provider's retry) and gets the first one's answer, without a second resume.
 */
export interface ResumeBy {
  /** The correlation the call carries, or undefined when it carries none. */
  correlation(call: EndpointCall): string | undefined;
  /** Where the caller must put it, for the error a call without one gets. */
  hint: string;
}

/** One path the endpoint's node reads of the body (see ingress pipeline, runBody). */
export interface EndpointBodyRead {
  path: string;
  segments: PathSegment[];
}

/** What the ingress checks and answers for one endpoint, read from the node's config. */
export interface EndpointOptions {
  methods: readonly string[];
  bodyLimitBytes: number;
  requireContentType?: (typeof requiredContentTypes)[number] | undefined;
  security: WebhookSecurity;
  idempotency?: IdempotencyConfig;
  response: WebhookResponseConfig;
  /** What the node's first step reads of the body; `wholeBody` when it keeps all of it. */
  bodyReads: { reads: readonly EndpointBodyRead[]; wholeBody: boolean };
  /** `resume` endpoints: which waiting run a call continues. */
  resumeBy?: ResumeBy;
}

export interface NodeEndpoint<Config> {
  url: EndpointUrl;
  mode: EndpointMode;
  /** Whether this node has the endpoint at all, from its raw config (a manual Start has none). */
  declared?(config: Record<string, unknown>): boolean;
  /** `webhook-id` URLs: the id in the URL, from the raw config (undefined while unset). */
  urlId?(config: Record<string, unknown>): string | undefined;
  /** The endpoint's options from the parsed config (defaults applied). */
  options(config: Config): EndpointOptions;
  /**
   * `resume` endpoints whose correlation the engine issues (runtime/engine/resume-keys.ts):
   * the variable holding this node's key for its next wait. The engine sets it when a run
   * starts and again after each of the node's steps, so the flow can send the key out
   * before it waits (seed 003's `conversation_key`); the executor waits on
   * `ctx.resumeKey()`, the same key.
   */
  issuedKeyVariable?(config: Config): string;
}

/**
 * The `webhook` wait key a resume endpoint's node waits on (its executor asks for a wait
 * with it) and a call to the endpoint resumes: one function, so the two always agree.
 */
export const resumeWaitKey = (flowId: string, nodeId: string, correlation: string): string =>
  `${flowId}/${nodeId}/${correlation}`;
