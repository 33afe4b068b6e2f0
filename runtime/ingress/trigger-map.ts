// The in-memory endpoint table: published nodes that declare an endpoint (DESIGN.md "Two listeners": one
// catch-all per namespace, no per-node Express routes). Rebuilt per flow when it is
// published, unpublished or deleted, and entirely at start. A miss says why (seed 000:
// "404 or route error" — which id is wrong, or that the flow is not published).
import { ApiError } from '../api/api-error';
import type { DraftGraph, DraftNode, FlowDocument } from '../shared/flow-document';
import { compileTrigger, triggerKey, type CompiledTrigger } from './compile-trigger';
import { shippedEndpoints, type EndpointCatalog } from './endpoints';

export interface TriggerFlows {
  get(id: string): FlowDocument | undefined;
  list(): FlowDocument[];
}

export type TriggerLookup =
  | { ok: true; trigger: CompiledTrigger; live: boolean }
  | {
      ok: false;
      error: ApiError;
      flowId?: string;
      nodeId?: string;
      /** The type of the node the URL names, when there is one (the call record says it). */
      nodeType?: string;
    };

export class TriggerMap {
  /** webhookId → published `webhook-id` endpoint. */
  readonly #byWebhookId = new Map<string, CompiledTrigger>();
  /** `${flowId}/${nodeId}` → published endpoint of any node. */
  readonly #byKey = new Map<string, CompiledTrigger>();
  /** flowId → keys it contributed, so a republish replaces exactly those. */
  readonly #byFlow = new Map<string, string[]>();

  constructor(
    private readonly flows: TriggerFlows,
    readonly endpoints: EndpointCatalog = shippedEndpoints,
  ) {}

  #compile(
    flowId: string,
    node: DraftNode,
    published?: { version: number; graph: DraftGraph },
  ): CompiledTrigger | undefined {
    return compileTrigger(flowId, node, this.endpoints.of(node), published);
  }

  rebuildAll(): void {
    this.#byWebhookId.clear();
    this.#byKey.clear();
    this.#byFlow.clear();
    for (const flow of this.flows.list()) this.rebuildFlow(flow.id);
  }

  /** Re-reads one flow: call on publish, unpublish and delete. */
  rebuildFlow(flowId: string): void {
    for (const key of this.#byFlow.get(flowId) ?? []) {
      const old = this.#byKey.get(key);
      this.#byKey.delete(key);
      if (old?.webhookId && this.#byWebhookId.get(old.webhookId) === old) {
        this.#byWebhookId.delete(old.webhookId);
      }
    }
    this.#byFlow.delete(flowId);
    const published = this.flows.get(flowId)?.published;
    if (!published) return;
    const keys: string[] = [];
    for (const node of published.graph.nodes) {
      const trigger = this.#compile(flowId, node, {
        version: published.version,
        graph: published.graph,
      });
      if (!trigger) continue;
      this.#byKey.set(trigger.key, trigger);
      keys.push(trigger.key);
      // Publish refuses a webhook id another flow uses; should two still collide (files
      // edited by hand), the first one published keeps the URL.
      if (trigger.webhookId && !this.#byWebhookId.has(trigger.webhookId)) {
        this.#byWebhookId.set(trigger.webhookId, trigger);
      }
    }
    this.#byFlow.set(flowId, keys);
  }

  /** The published trigger with this key (replay, URLs). */
  published(flowId: string, nodeId: string): CompiledTrigger | undefined {
    return this.#byKey.get(triggerKey(flowId, nodeId));
  }

  /** `/webhooks/flow/{webhookId}`. `listened`: keys with an open listen stream. */
  lookupWebhook(webhookId: string, listened: ReadonlySet<string>): TriggerLookup {
    const live = this.#byWebhookId.get(webhookId);
    if (live) return { ok: true, trigger: live, live: true };
    // Not live: find the draft that has this id (to capture, or to say what to do).
    for (const flow of this.#draftOwners(webhookId, listened)) {
      const node = flow.draft.nodes.find((item) => this.endpoints.urlId(item) === webhookId);
      if (!node) continue;
      const key = triggerKey(flow.id, node.id);
      const draft = listened.has(key) ? this.#compile(flow.id, node) : undefined;
      if (draft) return { ok: true, trigger: draft, live: false };
      return {
        ok: false,
        flowId: flow.id,
        nodeId: node.id,
        nodeType: node.type,
        error: flow.published
          ? new ApiError(
              404,
              'webhook_not_published',
              'This webhook is in the flow’s draft but not in its published version: publish the flow again to make the URL work.',
            )
          : new ApiError(
              404,
              'flow_not_published',
              'The flow this webhook belongs to is not published: publish it to make the URL work.',
            ),
      };
    }
    return {
      ok: false,
      error: new ApiError(
        404,
        'webhook_not_found',
        'No webhook has this URL: check the id at the end of the URL (copy it again from the trigger).',
      ),
    };
  }

  /** `/api/call_node/{flowId}/{nodeId}` (seed 000). */
  lookupCallNode(flowId: string, nodeId: string, listened: ReadonlySet<string>): TriggerLookup {
    const key = triggerKey(flowId, nodeId);
    const live = this.#byKey.get(key);
    if (live?.url === 'call-node') return { ok: true, trigger: live, live: true };
    const flow = this.flows.get(flowId);
    if (!flow) {
      return miss(
        new ApiError(
          404,
          'flow_not_found',
          `No flow with id "${flowId}": check the flow id in the URL.`,
        ),
      );
    }
    const draftNode = flow.draft.nodes.find((node) => node.id === nodeId);
    if (
      draftNode &&
      listened.has(key) &&
      this.endpoints.of(draftNode)?.endpoint.url === 'call-node' &&
      !live
    ) {
      const draft = this.#compile(flowId, draftNode);
      if (draft) return { ok: true, trigger: draft, live: false };
    }
    const publishedNode = flow.published?.graph.nodes.find((node) => node.id === nodeId);
    const ids = { flowId, nodeId, nodeType: (publishedNode ?? draftNode)?.type };
    if (!flow.published) {
      return miss(
        new ApiError(
          404,
          'flow_not_published',
          'The flow is not published: publish it to make this URL work.',
        ),
        ids,
      );
    }
    if (!publishedNode) {
      return miss(
        new ApiError(
          404,
          draftNode ? 'node_not_published' : 'node_not_found',
          draftNode
            ? `Node "${nodeId}" is not in the published version of the flow: publish it again.`
            : `The flow has no node "${nodeId}": check the node id in the URL.`,
        ),
        ids,
      );
    }
    return miss(
      new ApiError(
        404,
        'not_a_webhook',
        this.endpoints.of(publishedNode)?.endpoint.url === 'webhook-id'
          ? `Node "${nodeId}" is a ${this.endpoints.of(publishedNode)?.definition.label ?? ''}: call its /webhooks/flow/… URL instead.`
          : `Node "${nodeId}" is not a Start node with trigger type Webhook.`,
      ),
      ids,
    );
  }

  /** Flows whose draft may hold this webhook id: listened ones first, then all. */
  *#draftOwners(webhookId: string, listened: ReadonlySet<string>): Iterable<FlowDocument> {
    const seen = new Set<string>();
    for (const key of listened) {
      const flowId = key.slice(0, key.indexOf('/'));
      const flow = this.flows.get(flowId);
      if (flow && !seen.has(flowId)) {
        seen.add(flowId);
        if (this.#hasWebhookId(flow.draft.nodes, webhookId)) yield flow;
      }
    }
    for (const flow of this.flows.list()) {
      if (!seen.has(flow.id) && this.#hasWebhookId(flow.draft.nodes, webhookId)) yield flow;
    }
  }

  #hasWebhookId(nodes: readonly DraftNode[], webhookId: string): boolean {
    return nodes.some((node) => this.endpoints.urlId(node) === webhookId);
  }
}

function miss(
  error: ApiError,
  ids: { flowId?: string; nodeId?: string; nodeType?: string | undefined } = {},
): TriggerLookup {
  const { nodeType, ...rest } = ids;
  return { ok: false, error, ...rest, ...(nodeType === undefined ? {} : { nodeType }) };
}
