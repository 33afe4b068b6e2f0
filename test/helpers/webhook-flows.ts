// Flow graphs with webhook triggers, shared by the ingress unit and integration tests.
import type { DraftGraph, DraftNode, FlowDocument } from '../../runtime/shared/flow-document';
import { newWebhookId } from '../../runtime/shared/webhook-trigger';
import { emptyFlow } from '../../runtime/store/flows-store';

export function webhookTriggerNode(config: Record<string, unknown> = {}, id = 'n_hook'): DraftNode {
  return {
    id,
    type: 'webhook-trigger',
    position: { x: 0, y: 0 },
    data: { label: 'Orders', config: { webhookId: newWebhookId(), ...config } },
  };
}

export function startNode(config: Record<string, unknown> = {}, id = 'n_start'): DraftNode {
  return {
    id,
    type: 'start',
    position: { x: 0, y: 0 },
    data: { config: { triggerType: 'webhook', ...config } },
  };
}

export function endNode(id = 'n_end'): DraftNode {
  return { id, type: 'end', position: { x: 200, y: 0 }, data: { config: {} } };
}

/** A trigger wired to an End on each of its outputs. */
export function graphWith(trigger: DraftNode, handles: string[] = ['next']): DraftGraph {
  const ends = handles.map((handle) => endNode(`n_end_${handle.replace(/[^A-Za-z0-9_-]/g, '')}`));
  return {
    nodes: [trigger, ...ends],
    edges: handles.map((handle, index) => ({
      id: `e_${index}`,
      source: trigger.id,
      sourceHandle: handle,
      target: ends[index]?.id ?? '',
    })),
    variables: [],
  };
}

/** A flow document as stored, published at version 1 with `graph`. */
export function publishedFlow(id: string, graph: DraftGraph, name = 'Orders'): FlowDocument {
  const flow = emptyFlow(id, name);
  flow.draft = graph;
  flow.published = { version: 1, publishedAt: new Date().toISOString(), graph };
  return flow;
}

export function draftFlow(id: string, graph: DraftGraph, name = 'Draft flow'): FlowDocument {
  const flow = emptyFlow(id, name);
  flow.draft = graph;
  return flow;
}

/** A minimal in-memory stand-in for FlowsStore's read side (no disk needed for lookups). */
export function flowsOf(...flows: FlowDocument[]) {
  const byId = new Map(flows.map((flow) => [flow.id, flow]));
  return { get: (id: string) => byId.get(id), list: () => [...byId.values()] };
}
