// A trigger node prepared for the hot path: config parsed, allowlists and paths compiled,
// redaction decided — once per publish, never per request.
import { startConfigSchema, START_WEBHOOK_DEFAULTS } from '../nodes/start/definition';
import { bodyReadsOf, type BodyRead } from '../nodes/webhook-trigger/call-reads';
import { webhookTriggerConfigSchema } from '../nodes/webhook-trigger/definition';
import { tryParsePath, type PathSegment } from '../paths';
import { parseIpAllowlist, type IpMatcher } from '../security/ip-allowlist';
import { compileOriginAllowlist, type OriginHeaders } from '../security/origin-allowlist';
import type { DraftGraph, DraftNode } from '../shared/flow-document';
import {
  webhookAuthSecretIds,
  webhookSecuritySchema,
  type WebhookAuth,
} from '../shared/webhook-security';
import { webhookResponseSchema, type WebhookResponseConfig } from '../shared/webhook-trigger';
import type { OriginOutcome } from '../security/origin-allowlist';
import type { ExpectedContentType } from './parse-body';
import { redactionFor, type Redaction } from './redact';

export type TriggerKind = 'webhook-trigger' | 'start';

export type CompiledIdempotency =
  { source: 'header'; name: string } | { source: 'body-path'; segments: PathSegment[] };

export interface CompiledTrigger {
  /** `${flowId}/${nodeId}`: listen streams and the call log are per trigger. */
  key: string;
  flowId: string;
  nodeId: string;
  kind: TriggerKind;
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
  bodyReads: { reads: readonly BodyRead[]; wholeBody: boolean };
}

export const triggerKey = (flowId: string, nodeId: string): string => `${flowId}/${nodeId}`;

/** The kind of webhook a node is, whatever its config says otherwise. */
export function webhookKindOf(node: DraftNode): TriggerKind | undefined {
  if (node.type === 'webhook-trigger') return 'webhook-trigger';
  if (node.type === 'start' && node.data.config.triggerType === 'webhook') return 'start';
  return undefined;
}

/**
 * Compiles a trigger node, or undefined when the node is not a webhook or its config does
 * not validate (publish refuses such configs; a draft being listened to may have one).
 */
export function compileTrigger(
  flowId: string,
  node: DraftNode,
  published?: { version: number; graph: DraftGraph },
): CompiledTrigger | undefined {
  const base = { key: triggerKey(flowId, node.id), flowId, nodeId: node.id, published };
  if (node.type === 'webhook-trigger') {
    const parsed = webhookTriggerConfigSchema.safeParse(node.data.config);
    if (!parsed.success) return undefined;
    const config = parsed.data;
    return {
      ...base,
      kind: 'webhook-trigger',
      ...(config.webhookId ? { webhookId: config.webhookId } : {}),
      ...methods(config.methods),
      bodyLimitBytes: config.bodyLimitBytes,
      ...(config.requireContentType ? { requireContentType: config.requireContentType } : {}),
      ...security(config.security),
      idempotency: compileIdempotency(config.idempotency),
      response: config.response,
      bodyReads: bodyReadsOf(config),
    };
  }
  if (node.type === 'start' && node.data.config.triggerType === 'webhook') {
    const parsed = startConfigSchema.safeParse(node.data.config);
    if (!parsed.success) return undefined;
    const config = parsed.data;
    return {
      ...base,
      kind: 'start',
      ...methods(config.methods ?? START_WEBHOOK_DEFAULTS.methods),
      bodyLimitBytes: config.bodyLimitBytes ?? START_WEBHOOK_DEFAULTS.bodyLimitBytes,
      ...security(webhookSecuritySchema.parse(config.security ?? {})),
      response: webhookResponseSchema.parse({}),
      // A Start node reads nothing of the call itself: later nodes may, through `body`.
      bodyReads: { reads: [], wholeBody: false },
    };
  }
  return undefined;
}

function methods(list: readonly string[]) {
  return { methods: new Set(list), allow: list.join(', ') };
}

function security(config: ReturnType<typeof webhookSecuritySchema.parse>) {
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
