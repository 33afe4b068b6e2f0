// Graph validation for publishing (and for the designer's live problem list). Pure and
// generic over node definitions: every rule reads the definitions, none names a type.
import { nodeDefinitions } from '../nodes/definitions';
import { zodProblems } from '../shared/api-error';
import type { GraphView, NodeDefinition, SecretLookup } from '../shared/node-definition';
import type { GraphProblem } from '../shared/publishing';

type GraphNode = GraphView['nodes'][number];

/**
 * Every problem that stops the graph from being published (errors) or that the user
 * should know about (warnings), all at once, errors first. Each names its node and field.
 */
export function validateGraph(
  graph: GraphView,
  definitions: readonly NodeDefinition[] = nodeDefinitions,
  /** `secrets`: also check that every secret a config names is in the data folder. */
  environment: { secrets?: SecretLookup } = {},
): GraphProblem[] {
  const byType = new Map(definitions.map((definition) => [definition.type, definition]));
  const problems: GraphProblem[] = [];
  const error = (problem: Omit<GraphProblem, 'severity'>) =>
    problems.push({ ...problem, severity: 'error' });

  const nodes = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id))
      error({ nodeId: node.id, message: `Two nodes share the id "${node.id}"` });
    else nodes.set(node.id, node);
  }
  const name = (node: GraphNode) => nodeName(node, byType.get(node.type));

  // Configs: parsed with their definition's schema; the outputs of a valid config are
  // what edges may leave from.
  const outputs = new Map<string, { id: string; label: string }[]>();
  const parsedConfigs = new Map<string, unknown>();
  for (const node of nodes.values()) {
    const definition = byType.get(node.type);
    if (!definition) {
      error({ nodeId: node.id, message: `${name(node)}: unknown node type "${node.type}"` });
      continue;
    }
    const parsed = definition.configSchema.safeParse(node.data.config);
    if (!parsed.success) {
      for (const issue of zodProblems(parsed.error)) {
        error({
          nodeId: node.id,
          ...(issue.path ? { field: issue.path } : {}),
          message: `${name(node)}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`,
        });
      }
      continue;
    }
    if (!isRecord(parsed.data)) {
      // A definition bug rather than a user's: configs are stored as JSON objects.
      error({ nodeId: node.id, message: `${name(node)}: its config does not parse to an object` });
      continue;
    }
    parsedConfigs.set(node.id, parsed.data);
    outputs.set(node.id, definition.outputs(parsed.data));
  }

  // Edges.
  const connected = new Set<string>();
  const seen = new Map<string, string>();
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    for (const [end, node] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (!node) {
        error({
          edgeId: edge.id,
          message: `Edge ${edge.id}: its ${end} node "${edge[end]}" does not exist`,
        });
      }
    }
    if (!source || !target) continue;
    const key = JSON.stringify([edge.source, edge.sourceHandle, edge.target]);
    const first = seen.get(key);
    if (first !== undefined) {
      error({
        nodeId: source.id,
        edgeId: edge.id,
        message: `Edge ${edge.id} repeats edge ${first}: ${name(source)} "${edge.sourceHandle}" → ${name(target)}`,
      });
    } else {
      seen.set(key, edge.id);
    }
    if (byType.get(target.type)?.isTrigger) {
      error({
        nodeId: target.id,
        edgeId: edge.id,
        message: `Edge ${edge.id} leads into ${name(target)}, a trigger: triggers start runs and take no input`,
      });
    }
    // An invalid config has unknown outputs (they may depend on the broken field): its
    // config problem is reported above, and the edges are checked once it is fixed.
    const declared = outputs.get(source.id);
    if (!declared) continue;
    if (declared.some((handle) => handle.id === edge.sourceHandle)) {
      connected.add(JSON.stringify([source.id, edge.sourceHandle]));
    } else {
      error({
        nodeId: source.id,
        edgeId: edge.id,
        handle: edge.sourceHandle,
        message:
          declared.length === 0
            ? `Edge ${edge.id} leaves ${name(source)}, which has no outputs`
            : `Edge ${edge.id} leaves ${name(source)} from output "${edge.sourceHandle}", which it does not have (it has ${declared.map((handle) => `"${handle.id}"`).join(', ')})`,
      });
    }
  }

  // Reachability: a traversal from every trigger, so loops are fine.
  const triggers = [...nodes.values()].filter((node) => byType.get(node.type)?.isTrigger);
  if (triggers.length === 0) {
    const kinds = definitions.filter((definition) => definition.isTrigger).map((d) => d.label);
    error({
      message: `Add a trigger${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}: a flow needs a node where runs start`,
    });
  } else {
    // A Jump continues at its target without an edge; that counts as a way there.
    const jumps = new Map<string, string[]>();
    for (const [nodeId, config] of parsedConfigs) {
      const definition = byType.get(nodes.get(nodeId)?.type ?? '');
      const targets = definition?.continuesAt?.(config);
      if (targets && targets.length > 0) jumps.set(nodeId, targets);
    }
    const reached = reachableFrom(
      triggers.map((node) => node.id),
      graph,
      jumps,
    );
    for (const node of nodes.values()) {
      if (!reached.has(node.id)) {
        error({ nodeId: node.id, message: `${name(node)} cannot be reached from any trigger` });
      }
    }
  }

  // Node types' own checks, on the parsed config.
  for (const [nodeId, config] of parsedConfigs) {
    const node = nodes.get(nodeId);
    const definition = node && byType.get(node.type);
    if (!node || !definition?.validate) continue;
    for (const problem of definition.validate(config, { graph, nodeId, ...environment })) {
      error({
        nodeId,
        ...(problem.field ? { field: problem.field } : {}),
        message: `${name(node)}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`,
      });
    }
  }

  // Outputs with no edge: allowed (the run ends there), but usually an oversight.
  for (const [nodeId, handles] of outputs) {
    const node = nodes.get(nodeId);
    if (!node) continue;
    for (const handle of handles) {
      if (connected.has(JSON.stringify([nodeId, handle.id]))) continue;
      problems.push({
        nodeId,
        handle: handle.id,
        message: `${name(node)}: output "${handle.label}" leads nowhere, so the run ends there`,
        severity: 'warning',
      });
    }
  }

  return [
    ...problems.filter((problem) => problem.severity === 'error'),
    ...problems.filter((problem) => problem.severity === 'warning'),
  ];
}

export function hasErrors(problems: readonly GraphProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/**
 * The graph with every config that parses replaced by its parsed form (defaults applied):
 * what a published snapshot stores, so the engine runs exactly what was validated.
 */
export function withParsedConfigs<G extends GraphView>(
  graph: G,
  definitions: readonly NodeDefinition[] = nodeDefinitions,
): G {
  const byType = new Map(definitions.map((definition) => [definition.type, definition]));
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const parsed = byType.get(node.type)?.configSchema.safeParse(node.data.config);
      if (!parsed?.success || !isRecord(parsed.data)) return node;
      return { ...node, data: { ...node.data, config: parsed.data } };
    }),
  };
}

/** How problems name a node: its label when it has one, else its type; always its id. */
function nodeName(node: GraphNode, definition: NodeDefinition | undefined): string {
  const label = node.data.label?.trim();
  return label ? `"${label}" (${node.id})` : `${definition?.label ?? node.type} (${node.id})`;
}

function reachableFrom(
  starts: string[],
  graph: GraphView,
  jumps: ReadonlyMap<string, string[]>,
): Set<string> {
  const next = new Map<string, string[]>([...jumps].map(([id, targets]) => [id, [...targets]]));
  for (const edge of graph.edges) {
    const targets = next.get(edge.source);
    if (targets) targets.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  const reached = new Set(starts);
  const queue = [...starts];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const target of next.get(id) ?? []) {
      if (reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  return reached;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
