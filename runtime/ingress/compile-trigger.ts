// A node's declared endpoint (runtime/shared/node-endpoint.ts) prepared for the hot path:
// config parsed, allowlists and paths compiled, redaction decided — once per publish,
// never per request.
import { tryParsePath, type PathSegment } from '../paths';
import { parseIpAllowlist, type IpMatcher } from '../security/ip-allowlist';
import { compileOriginAllowlist, type OriginHeaders } from '../security/origin-allowlist';
import type { DraftGraph, DraftNode } from '../shared/flow-document';
import type {
  EndpointBodyRead,
  EndpointMode,
  EndpointUrl,
  ResumeBy,
} from '../shared/node-endpoint';
import {
  webhookAuthSecretIds,
  type WebhookAuth,
  type WebhookSecurity,
} from '../shared/webhook-security';
import type { WebhookResponseConfig } from '../shared/webhook-trigger';
import type { OriginOutcome } from '../security/origin-allowlist';
import type { ExpectedContentType } from './parse-body';
import type { DeclaredEndpoint } from './endpoints';
import { redactionFor, type Redaction } from './redact';

export type CompiledIdempotency =
  { source: 'header'; name: string } | { source: 'body-path'; segments: PathSegment[] };

export interface CompiledTrigger {
  /** `${flowId}/${nodeId}`: listen streams and the call log are per trigger. */
  key: string;
  flowId: string;
  nodeId: string;
  /** The node type owning the endpoint, as call records name it. */
  nodeType: string;
  /** The URL shape and what a call does, as the node's definition declares them. */
  url: EndpointUrl;
  mode: EndpointMode;
  webhookId?: string;
  /** The published version and graph it runs; absent for a draft (listen capture). */
  published?: { version: number; graph: DraftGraph };
  methods: ReadonlySet<string>;
  /** The `Allow` header of a 405. */
  allow: string;
  bodyLimitBytes: number;
  requireContentType?: ExpectedContentType;
  ip: IpMatcher;
  origin: (headers: OriginHeaders) => OriginOutcome;
  auth: WebhookAuth;
  secretIds: readonly string[];
  redaction: Redaction;
  idempotency?: CompiledIdempotency;
  response: WebhookResponseConfig;
  /** What the trigger's first step reads of the body (see pipeline.ts, runBody). */
  bodyReads: { reads: readonly EndpointBodyRead[]; wholeBody: boolean };
  /** `resume` endpoints: which waiting run a call continues. */
  resumeBy?: ResumeBy;
}

export const triggerKey = (flowId: string, nodeId: string): string => `${flowId}/${nodeId}`;

/**
 * Compiles a node's declared endpoint, or undefined when the node declares none or its
 * config does not validate (publish refuses such configs; a draft being listened to may
 * have one).
 */
export function compileTrigger(
  flowId: string,
  node: DraftNode,
  declared: DeclaredEndpoint | undefined,
  published?: { version: number; graph: DraftGraph },
): CompiledTrigger | undefined {
  if (!declared) return undefined;
  const { definition, endpoint } = declared;
  const parsed = definition.configSchema.safeParse(node.data.config);
  if (!parsed.success) return undefined;
  const options = endpoint.options(parsed.data);
  if (endpoint.mode === 'resume' && !options.resumeBy) {
    throw new Error(`Node type ${node.type} declares a resume endpoint without resumeBy`);
  }
  const webhookId = endpoint.url === 'webhook-id' ? endpoint.urlId?.(node.data.config) : undefined;
  return {
    key: triggerKey(flowId, node.id),
    flowId,
    nodeId: node.id,
    published,
    nodeType: node.type,
    url: endpoint.url,
    mode: endpoint.mode,
    ...(webhookId ? { webhookId } : {}),
    ...methods(options.methods),
    bodyLimitBytes: options.bodyLimitBytes,
    ...(options.requireContentType ? { requireContentType: options.requireContentType } : {}),
    ...security(options.security),
    idempotency: options.idempotency ? compileIdempotency(options.idempotency) : undefined,
    response: options.response,
    bodyReads: options.bodyReads,
    ...(options.resumeBy ? { resumeBy: options.resumeBy } : {}),
  };
}

function methods(list: readonly string[]) {
  return { methods: new Set(list), allow: list.join(', ') };
}

function security(config: WebhookSecurity) {
  return {
    ip: parseIpAllowlist(config.ipAllowlist).matcher,
    origin: compileOriginAllowlist(config.originAllowlist),
    auth: config.auth,
    secretIds: webhookAuthSecretIds(config.auth),
    redaction: redactionFor(config.auth),
  };
}

function compileIdempotency(config: {
  source: 'none' | 'header' | 'body-path';
  name?: string | undefined;
}): CompiledIdempotency | undefined {
  if (config.source === 'none' || !config.name) return undefined;
  if (config.source === 'header') return { source: 'header', name: config.name.toLowerCase() };
  const parsed = tryParsePath(config.name);
  return parsed.ok ? { source: 'body-path', segments: parsed.segments } : undefined;
}
