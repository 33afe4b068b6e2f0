// A graph prepared for execution: nodes by id, edges by (source, handle), and each node's
// config parsed by its type's schema on first use. Built once per graph snapshot and
// shared by every run of that snapshot, so a busy webhook flow does not re-index per run.
import { createHash } from 'node:crypto';
import { findNodeDefinition, type AnyNodeDefinition } from '../nodes/definitions';
import { zodProblems } from '../shared/api-error';
import { fieldProblemText } from '../shared/field-labels';
import type { DraftGraph, DraftNode } from '../shared/flow-document';
import type { OutputHandle } from '../shared/node-definition';
import type { NodeEndpoint } from '../shared/node-endpoint';
import { nodeNameInText, nodeNames } from '../shared/node-names';

export type ParsedConfig =
  | {
      ok: true;
      config: unknown;
      handles: ReadonlySet<string>;
      /**
       * Labels of the outputs that are a branch taken (run summaries list them): on a node
       * with several outputs, every one but its plain default way on (Collect input's
       * "Answered"). Undefined when the node does not branch.
       */
      branches: ReadonlyMap<string, string> | undefined;
    }
  | { ok: false; message: string };

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
  /** The node's name for people (node-names.ts): "Ask email", "Set variable 2". */
  name(nodeId: string): string;
  /** The same inside a sentence: a label quoted (`"Ask email"`), a type name not. */
  describe(nodeId: string): string;
  /**
   * Nodes whose resume key the engine issues (NodeEndpoint.issuedKeyVariable), with the
   * variable that holds it; nodes whose config does not validate are left out.
   */
  issuedKeys(): ReadonlyMap<string, string>;
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
  // Only messages and run endings use names: made on first use, once per graph.
  let names: Map<string, string> | undefined;
  const namesOf = () => (names ??= nodeNames(graph.nodes));
  let keyed: Map<string, string> | undefined;

  const definition = (node: DraftNode): AnyNodeDefinition => {
    const found = findNodeDefinition(node.type);
    // The graph schema only admits known types, so this is a programming error.
    if (!found) throw new Error(`Unknown node type "${node.type}"`);
    return found;
  };

  const index: GraphIndex = {
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
          const outputs = (def.outputs as (config: unknown) => OutputHandle[])(result.data);
          parsed = {
            ok: true,
            config: result.data,
            handles: new Set(outputs.map((output) => output.id)),
            branches:
              outputs.length > 1
                ? new Map(
                    outputs
                      .filter((output) => output.kind !== 'default')
                      .map((output) => [output.id, output.label]),
                  )
                : undefined,
          };
        } else {
          parsed = {
            ok: false,
            message: zodProblems(result.error)
              .map((problem) => fieldProblemText(def.fieldLabels, problem.path, problem.message))
              .join('; '),
          };
        }
        configs.set(node.id, parsed);
      }
      return parsed;
    },
    issuedKeys() {
      if (keyed) return keyed;
      keyed = new Map();
      for (const node of graph.nodes) {
        const endpoint = definition(node).endpoint as NodeEndpoint<unknown> | undefined;
        if (!endpoint?.issuedKeyVariable) continue;
        const parsed = index.config(node);
        if (parsed.ok) keyed.set(node.id, endpoint.issuedKeyVariable(parsed.config));
      }
      return keyed;
    },
    name: (nodeId) => namesOf().get(nodeId) ?? nodeId,
    describe(nodeId) {
      const node = nodes.get(nodeId);
      return node ? nodeNameInText(node, namesOf()) : `"${nodeId}"`;
    },
  };
  return index;
}
