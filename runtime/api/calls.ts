// The admin side of inbound webhooks: a trigger's call log (paged), one call in full,
// replay, and the URLs a trigger answers on.
import type { CallDetails, CallPage, ReplayResult, TriggerUrls } from '../shared/calls';
import { callsQuerySchema, replayRequestSchema } from '../shared/calls';
import type { DraftNode, FlowDocument } from '../shared/flow-document';
import { webhookPaths } from '../shared/webhook-trigger';
import { parseBody } from '../ingress/parse-body';
import type { Ingress } from '../ingress/pipeline';
import { replayCall } from '../ingress/replay';
import { ApiError, notFound, parseInput } from './api-error';
import type { ApiContext } from './context';

export interface CallsContext<Binding = unknown> {
  flows: ApiContext['flows'];
  ingress: Ingress<Binding>;
  /** The public listener's base URL, and the tunnel's when one is up. */
  publicUrls: () => { local: string; tunnel?: string | undefined };
}

/** The node, from the draft or the published version, if it is a webhook trigger. */
export function findTriggerNode(
  ctx: Pick<CallsContext, 'flows' | 'ingress'>,
  flowId: string,
  nodeId: string,
): { flow: FlowDocument; node: DraftNode } {
  const flow = ctx.flows.get(flowId);
  if (!flow) throw notFound('flow', flowId);
  const node =
    flow.draft.nodes.find((item) => item.id === nodeId) ??
    flow.published?.graph.nodes.find((item) => item.id === nodeId);
  if (!node) throw new ApiError(404, 'not_found', `The flow has no node "${nodeId}"`);
  if (!ctx.ingress.endpoints.of(node)) {
    throw new ApiError(
      409,
      'not_a_webhook',
      `Node "${nodeId}" has no URL of its own: only Webhook Triggers, Start nodes with trigger type Webhook and Wait for webhook nodes have one`,
    );
  }
  return { flow, node };
}

export function listTriggerCalls(
  ctx: CallsContext,
  flowId: string,
  nodeId: string,
  query: unknown,
): Promise<CallPage> {
  findTriggerNode(ctx, flowId, nodeId);
  const { limit, before } = parseInput(callsQuerySchema, query);
  return ctx.ingress.pageCalls(flowId, nodeId, { limit, before });
}

export async function getCall(ctx: CallsContext, callId: string): Promise<CallDetails> {
  const found = /^c_[A-Za-z0-9_-]{6,64}$/.test(callId)
    ? await ctx.ingress.readCall(callId)
    : undefined;
  if (!found) throw notFound('call', callId);
  const { record, body: bytes } = found;
  if (!bytes || bytes.length === 0) return record;
  try {
    const parsed = await parseBody(bytes, record.headers['content-type']);
    return parsed.kind === 'binary' ? record : { ...record, parsedBody: parsed.value };
  } catch {
    // A body that did not parse (the call was refused for it) is shown as recorded.
    return record;
  }
}

/** `body` is the request's JSON (absent or `{}` for a call that was accepted). */
export function replay(ctx: CallsContext, callId: string, body: unknown): Promise<ReplayResult> {
  if (!/^c_[A-Za-z0-9_-]{6,64}$/.test(callId)) throw notFound('call', callId);
  const options = parseInput(replayRequestSchema, body ?? {});
  return replayCall(ctx.ingress, callId, options);
}

/** Where the trigger can be called. `public` stays empty until a tunnel is up. */
export function triggerUrls(ctx: CallsContext, flowId: string, nodeId: string): TriggerUrls {
  const { node } = findTriggerNode(ctx, flowId, nodeId);
  const path = ctx.ingress.endpoints.path(flowId, node);
  const bases = ctx.publicUrls();
  const live = ctx.ingress.triggers.published(flowId, nodeId);
  return {
    local: path ? [`${bases.local}${path}`] : [],
    public: path && bases.tunnel ? [`${bases.tunnel}${path}`] : [],
    // A regenerated id in the draft is not live until published.
    live:
      live !== undefined &&
      (live.url === 'call-node' || path === webhookPaths.trigger(live.webhookId ?? '')),
  };
}
