// A graph prepared for execution: nodes by id, edges by (source, handle), and each node's
// config parsed by its type's schema on first use. Built once per graph snapshot and
// shared by every run of that snapshot, so a busy webhook flow does not re-index per run.
import { createHash } from 'node:crypto';
import { findNodeDefinition, type AnyNodeDefinition } from '../nodes/definitions';
import { zodProblems } from '../shared/api-error';
import type { DraftGraph, DraftNode } from '../shared/flow-document';

export type ParsedConfig =
  { ok: true; config: unknown; handles: ReadonlySet<string> } | { ok: false; message: string };

export interface GraphIndex {
  /** Content hash: runs store it and find the same graph again after a restart. */
  readonly ref: string;
  readonly graph: DraftGraph;
  node(id: string): DraftNode | undefined;
  definition(node: DraftNode): AnyNodeDefinition;
  /** The node an output handle leads to, if it is connected. */
  target(nodeId: string, handle: string): string | undefined;
  /** The config validated by the node's schema (again: drafts are saved unvalidated). */
  config(node: DraftNode): ParsedConfig;
  /** "Ask email (collect-input)" for messages. */
  describe(nodeId: string): string;
}

const cache = new WeakMap<DraftGraph, GraphIndex>();

export function graphRef(graph: DraftGraph): string {
  return createHash('sha256').update(JSON.stringify(graph)).digest('hex').slice(0, 32);
}

/**
 * Snapshots are treated as immutable: the index keeps its own copy, and the same graph
 * object passed again (the published snapshot on every webhook) reuses the index.
 */
export function indexGraph(graph: DraftGraph): GraphIndex {
  const cached = cache.get(graph);
  if (cached) return cached;
  const index = buildIndex(structuredClone(graph));
  cache.set(graph, index);
  return index;
}

function buildIndex(graph: DraftGraph): GraphIndex {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const edges = new Map<string, string>();
  for (const edge of graph.edges)
    edges.set(`${edge.source}\u0000${edge.sourceHandle}`, edge.target);
  const configs = new Map<string, ParsedConfig>();

  const definition = (node: DraftNode): AnyNodeDefinition => {
    const found = findNodeDefinition(node.type);
    // The graph schema only admits known types, so this is a programming error.
    if (!found) throw new Error(`Unknown node type "${node.type}"`);
    return found;
  };

  return {
    ref: graphRef(graph),
    graph,
    node: (id) => nodes.get(id),
    definition,
    target: (nodeId, handle) => edges.get(`${nodeId}\u0000${handle}`),
    config(node) {
      let parsed = configs.get(node.id);
      if (!parsed) {
        const def = definition(node);
        const result = def.configSchema.safeParse(node.data.config);
        if (result.success) {
          // The definitions list is a union, so each one's outputs() takes its own config.
          const outputs = (def.outputs as (config: unknown) => { id: string }[])(result.data);
          parsed = {
            ok: true,
            config: result.data,
            handles: new Set(outputs.map((output) => output.id)),
          };
        } else {
          parsed = {
            ok: false,
            message: zodProblems(result.error)
              .map((problem) =>
                problem.path ? `${problem.path}: ${problem.message}` : problem.message,
              )
              .join('; '),
          };
        }
        configs.set(node.id, parsed);
      }
      return parsed;
    },
    describe(nodeId) {
      const node = nodes.get(nodeId);
      if (!node) return `"${nodeId}"`;
      return node.data.label ? `"${node.data.label}" (${node.id})` : `"${node.id}" (${node.type})`;
    },
  };
}
