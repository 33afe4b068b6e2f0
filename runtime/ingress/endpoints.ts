// The endpoint table's source: which nodes own a public URL, asked of their definitions
// (NodeDefinition.endpoint), never by type name. The trigger map compiles what this finds.
import { findNodeDefinition } from '../nodes/definitions';
import type { NodeDefinition } from '../shared/node-definition';
import type { NodeEndpoint } from '../shared/node-endpoint';
import { webhookPaths } from '../shared/webhook-trigger';

export interface EndpointNode {
  type: string;
  data: { config: Record<string, unknown> };
}

export interface DeclaredEndpoint {
  definition: NodeDefinition;
  endpoint: NodeEndpoint<unknown>;
}

/** The endpoint this node declares with its config, or undefined when it has none. */
export function endpointOf(node: EndpointNode): DeclaredEndpoint | undefined {
  const definition: NodeDefinition | undefined = findNodeDefinition(node.type);
  const endpoint = definition?.endpoint;
  if (!definition || !endpoint) return undefined;
  if (endpoint.declared && !endpoint.declared(node.data.config)) return undefined;
  return { definition, endpoint };
}

/** The id a `webhook-id` endpoint's URL ends with, or undefined (another shape, or unset). */
export function endpointUrlId(node: EndpointNode): string | undefined {
  const found = endpointOf(node);
  return found?.endpoint.url === 'webhook-id'
    ? found.endpoint.urlId?.(node.data.config)
    : undefined;
}

/** The public path a node's endpoint answers on, or undefined (none, or its id is unset). */
export function endpointPath(
  flowId: string,
  node: EndpointNode & { id: string },
): string | undefined {
  const found = endpointOf(node);
  if (!found) return undefined;
  if (found.endpoint.url === 'call-node') return webhookPaths.callNode(flowId, node.id);
  const id = found.endpoint.urlId?.(node.data.config);
  return id ? webhookPaths.trigger(id) : undefined;
}
