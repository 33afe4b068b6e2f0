// Ids inside node configs that URLs are built from (a Webhook Trigger's webhookId). A copy
// of a flow (duplicate, import) gets fresh ones, so two flows never share a URL; publish
// refuses an id another flow already uses. Generic: node types declare `withFreshIds`.
import { shippedEndpoints } from '../ingress/endpoints';
import { findNodeDefinition } from '../nodes/definitions';
import type { DraftGraph, FlowDocument } from '../shared/flow-document';
import type { GraphView } from '../shared/node-definition';
import { nodeNameInText, nodeNames } from '../shared/node-names';
import type { GraphProblem } from '../shared/publishing';

/**
 * Gives graphs fresh config ids. One renewer gives a node present in several graphs (a
 * file's draft and its published snapshot) the same new ids in each.
 */
export function configIdRenewer(): <G extends DraftGraph>(graph: G) => G {
  const fresh = new Map<string, Record<string, unknown>>();
  return (graph) => ({
    ...graph,
    nodes: graph.nodes.map((node) => {
      const definition = findNodeDefinition(node.type);
      if (!definition?.withFreshIds) return node;
      let fields = fresh.get(node.id);
      if (!fields) {
        const renewed = definition.withFreshIds(node.data.config);
        fields = Object.fromEntries(
          Object.entries(renewed).filter(([key, value]) => node.data.config[key] !== value),
        );
        fresh.set(node.id, fields);
      }
      return { ...node, data: { ...node.data, config: { ...node.data.config, ...fields } } };
    }),
  });
}

/** Webhook ids of a graph's Webhook Triggers, by node id. */
function webhookIds(graph: GraphView): Map<string, string> {
  const ids = new Map<string, string>();
  for (const node of graph.nodes) {
    const id = shippedEndpoints.urlId(node);
    if (typeof id === 'string' && id !== '') ids.set(node.id, id);
  }
  return ids;
}

/**
 * Publish problems for webhook ids used twice in the graph, or by another flow's draft or
 * published version ("This URL is already used by flow X; generate a new one").
 */
export function webhookIdConflicts(
  flows: { list(): FlowDocument[] },
  flowId: string,
  graph: GraphView,
): GraphProblem[] {
  const mine = webhookIds(graph);
  if (mine.size === 0) return [];
  const owners = new Map<string, string>();
  for (const flow of flows.list()) {
    if (flow.id === flowId) continue;
    const graphs = flow.published ? [flow.draft, flow.published.graph] : [flow.draft];
    for (const other of graphs) {
      for (const id of webhookIds(other).values()) if (!owners.has(id)) owners.set(id, flow.name);
    }
  }
  const problems: GraphProblem[] = [];
  const names = nodeNames(graph.nodes);
  const named = (nodeId: string) => {
    const node = graph.nodes.find((item) => item.id === nodeId);
    return node ? nodeNameInText(node, names) : nodeId;
  };
  const seen = new Map<string, string>();
  for (const [nodeId, id] of mine) {
    const owner = owners.get(id);
    const twin = seen.get(id);
    if (owner !== undefined || twin !== undefined) {
      const detail =
        owner !== undefined
          ? `This URL is already used by flow "${owner}"; generate a new one`
          : `This URL is also used by ${named(twin ?? '')} of this flow; generate a new one`;
      problems.push({
        nodeId,
        field: 'webhookId',
        severity: 'error',
        message: `${named(nodeId)} — ${detail}`,
        detail,
      });
    }
    seen.set(id, nodeId);
  }
  return problems;
}
