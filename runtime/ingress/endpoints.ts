// The endpoint table's source: which nodes own a public URL, asked of their definitions
// (NodeDefinition.endpoint), never by type name. The trigger map compiles what this finds.
// A catalog over another definition lookup lets a test give a node type an endpoint the
// shipped types do not have (a resume endpoint, before a shipped node declares one).
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

export interface EndpointCatalog {
  /** The endpoint this node declares with its config, or undefined when it has none. */
  of(node: EndpointNode): DeclaredEndpoint | undefined;
  /** The id a `webhook-id` endpoint's URL ends with, or undefined (another shape, or unset). */
  urlId(node: EndpointNode): string | undefined;
  /** The public path a node's endpoint answers on, or undefined (none, or its id is unset). */
  path(flowId: string, node: EndpointNode & { id: string }): string | undefined;
}

export function endpointCatalog(
  find: (type: string) => NodeDefinition | undefined,
): EndpointCatalog {
  const of = (node: EndpointNode): DeclaredEndpoint | undefined => {
    const definition = find(node.type);
    const endpoint = definition?.endpoint as NodeEndpoint<unknown> | undefined;
    if (!definition || !endpoint) return undefined;
    if (endpoint.declared && !endpoint.declared(node.data.config)) return undefined;
    return { definition, endpoint };
  };
  const urlId = (node: EndpointNode): string | undefined => {
    const found = of(node);
    return found?.endpoint.url === 'webhook-id'
      ? found.endpoint.urlId?.(node.data.config)
      : undefined;
  };
  return {
    of,
    urlId,
    path(flowId, node) {
      const found = of(node);
      if (!found) return undefined;
      if (found.endpoint.url === 'call-node') return webhookPaths.callNode(flowId, node.id);
      const id = urlId(node);
      return id ? webhookPaths.trigger(id) : undefined;
    },
  };
}

/** The endpoints the shipped node types declare. */
export const shippedEndpoints: EndpointCatalog = endpointCatalog(findNodeDefinition);
