// Duplicate a flow. Node ids are permanent identities (webhook URLs are built from them),
// so a copy gets new node and edge ids, consistently remapped, and starts unpublished.
import { randomUUID } from 'node:crypto';
import { flowNameSchema, type DraftGraph, type FlowDocument } from '../shared/flow-document';
import { duplicateInputSchema } from '../shared/publishing';
import { emptyFlow } from '../store/flows-store';
import { parseInput } from './api-error';
import type { FlowsContext } from './context';
import { getFlow, newFlowId } from './flows';
import { configIdRenewer } from './permanent-ids';

export async function duplicateFlow(
  ctx: FlowsContext,
  id: string,
  input: unknown,
): Promise<FlowDocument> {
  const { name } = parseInput(duplicateInputSchema, input ?? {});
  const source = getFlow(ctx, id);
  const flow = emptyFlow(newFlowId(), uniqueFlowName(ctx, name ?? `Copy of ${source.name}`));
  // New node ids, and new webhook ids inside configs: the copy must not share a URL.
  flow.draft = configIdRenewer()(remapGraphIds(source.draft));
  return ctx.flows.create(flow);
}

/** The designer's id shape (`n_…`, `e_…`): 48 random bits, unique within a flow. */
export function newGraphId(prefix: 'n' | 'e'): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/**
 * A copy of the graph with new node and edge ids. Edges follow their nodes, and any config
 * value that is exactly an old node id (a Jump target, say) is rewritten too, so node types
 * that point at other nodes keep working without each declaring where it keeps ids. Node
 * ids are random (`n_3f9a…`), so an ordinary text equal to one is not a practical worry.
 */
export function remapGraphIds(
  graph: DraftGraph,
  newId: (prefix: 'n' | 'e') => string = newGraphId,
): DraftGraph {
  const nodeIds = new Map(graph.nodes.map((node) => [node.id, newId('n')]));
  const remap = (id: string) => nodeIds.get(id) ?? id;
  return {
    nodes: graph.nodes.map((node) => ({
      ...node,
      id: remap(node.id),
      position: { ...node.position },
      data: { ...node.data, config: remapValues(node.data.config, nodeIds) },
    })),
    edges: graph.edges.map((edge) => ({
      ...edge,
      id: newId('e'),
      source: remap(edge.source),
      target: remap(edge.target),
    })),
    variables: graph.variables.map((variable) => ({ ...variable })),
  };
}

/** A name no flow has yet: `Orders`, else `Orders (2)`, `Orders (3)`… within the length limit. */
export function uniqueFlowName(ctx: Pick<FlowsContext, 'flows'>, wanted: string): string {
  const max = flowNameSchema.maxLength ?? 120;
  const taken = new Set(ctx.flows.list().map((flow) => flow.name));
  const base = wanted.trim().slice(0, max).trimEnd();
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, max - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function remapValues(config: Record<string, unknown>, ids: Map<string, string>) {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return ids.get(value) ?? value;
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, walk(value)]));
}
