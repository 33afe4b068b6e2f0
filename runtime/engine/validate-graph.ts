// Graph validation for publishing (and for the designer's live problem list). Pure and
// generic over node definitions: every rule reads the definitions, none names a type.
import { nodeDefinitions } from '../nodes/definitions';
import { zodProblems } from '../shared/api-error';
import { fieldProblemText } from '../shared/field-labels';
import type { GraphView, NodeDefinition } from '../shared/node-definition';
import type { ValidationLookups } from '../shared/node-validation';
import { nodeNameInText, nodeNames } from '../shared/node-names';
import { issuedKeyVariable, nodeVariableUse } from '../shared/node-variables';
import { GRAPH_PROBLEM_CODES } from '../shared/problem-codes';
import type { GraphProblem } from '../shared/publishing';
import { reachableFrom } from './graph-reach';
import { headlessChatNodes, headlessChatText } from './headless-chat-check';

type GraphNode = GraphView['nodes'][number];

/**
 * Every problem that stops the graph from being published (errors) or that the user
 * should know about (warnings), all at once, errors first. Each names its node (by its
 * name for people, node-names.ts) and its field (by its label, field-labels.ts).
 */
export function validateGraph(
  graph: GraphView,
  definitions: readonly NodeDefinition[] = nodeDefinitions,
  /**
   * `secrets`: also check that every secret a config names is in the data folder;
   * `projectTokens`, `channels`: that the tokens and channels configs name exist.
   */
  environment: ValidationLookups = {},
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
  const names = nodeNames(graph.nodes, (type) => byType.get(type)?.label);
  const name = (node: GraphNode) => nodeNameInText(node, names);
  const labelsOf = (node: GraphNode) => byType.get(node.type)?.fieldLabels;
  /** A problem of one node: the list reads "<node> — <detail>", the node's pin the detail. */
  const onNode = (
    node: GraphNode,
    detail: string,
    extra: Omit<GraphProblem, 'nodeId' | 'message' | 'detail' | 'severity'> = {},
    severity: GraphProblem['severity'] = 'error',
  ) =>
    problems.push({
      nodeId: node.id,
      ...extra,
      message: `${name(node)} — ${detail}`,
      detail,
      severity,
    });

  // Configs: parsed with their definition's schema; the outputs of a valid config are
  // what edges may leave from.
  const outputs = new Map<string, { id: string; label: string }[]>();
  const parsedConfigs = new Map<string, unknown>();
  for (const node of nodes.values()) {
    const definition = byType.get(node.type);
    if (!definition) {
      onNode(node, `Unknown node type "${node.type}"`, {
        code: GRAPH_PROBLEM_CODES.unknownNodeType,
      });
      continue;
    }
    const parsed = definition.configSchema.safeParse(node.data.config);
    if (!parsed.success) {
      for (const issue of zodProblems(parsed.error)) {
        onNode(node, fieldProblemText(definition.fieldLabels, issue.path, issue.message), {
          ...(issue.path ? { field: issue.path } : {}),
        });
      }
      continue;
    }
    if (!isRecord(parsed.data)) {
      // A definition bug rather than a user's: configs are stored as JSON objects.
      onNode(node, 'Its config does not parse to an object', {
        code: GRAPH_PROBLEM_CODES.configNotObject,
      });
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
        // Only an edited file gets here: the id is all there is to name.
        error({
          edgeId: edge.id,
          message: `An edge ${end === 'source' ? 'starts at' : 'leads to'} a node that is not in the flow ("${edge[end]}")`,
        });
      }
    }
    if (!source || !target) continue;
    const declared = outputs.get(source.id);
    const outputName = (handle: string) =>
      declared?.find((output) => output.id === handle)?.label ?? handle;
    const key = JSON.stringify([edge.source, edge.sourceHandle, edge.target]);
    if (seen.has(key)) {
      onNode(
        source,
        `Output "${outputName(edge.sourceHandle)}" is connected to ${name(target)} twice`,
        { edgeId: edge.id },
      );
    } else {
      seen.set(key, edge.id);
    }
    if (byType.get(target.type)?.isTrigger) {
      onNode(
        target,
        `An edge from ${name(source)} leads into this trigger: triggers start runs and take no input`,
        { edgeId: edge.id },
      );
    }
    // An invalid config has unknown outputs (they may depend on the broken field): its
    // config problem is reported above, and the edges are checked once it is fixed.
    if (!declared) continue;
    if (declared.some((handle) => handle.id === edge.sourceHandle)) {
      connected.add(JSON.stringify([source.id, edge.sourceHandle]));
    } else {
      onNode(
        source,
        declared.length === 0
          ? `Has no outputs, but an edge to ${name(target)} leaves it`
          : `An edge to ${name(target)} leaves from output "${edge.sourceHandle}", which it does not have (its outputs: ${declared.map((handle) => `"${handle.label}"`).join(', ')})`,
        { edgeId: edge.id, handle: edge.sourceHandle },
      );
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
      if (!reached.has(node.id)) onNode(node, 'Cannot be reached from any trigger');
    }
    for (const found of headlessChatNodes(
      graph,
      nodes,
      (node) => byType.get(node.type),
      parsedConfigs,
      jumps,
    )) {
      onNode(
        found.node,
        headlessChatText(found.triggers.map(name)),
        { code: GRAPH_PROBLEM_CODES.chatNodeHeadless },
        'warning',
      );
    }
  }

  // Node types' own checks, on the parsed config.
  for (const [nodeId, config] of parsedConfigs) {
    const node = nodes.get(nodeId);
    const definition = node && byType.get(node.type);
    if (!node || !definition?.validate) continue;
    let before: ReadonlySet<string> | undefined;
    const setBefore = () => (before ??= variablesSetBefore(graph, nodeId, byType));
    for (const problem of definition.validate(config, {
      graph,
      nodeId,
      ...environment,
      setBefore,
    })) {
      onNode(
        node,
        fieldProblemText(labelsOf(node), problem.field, problem.message),
        {
          ...(problem.field ? { field: problem.field } : {}),
          ...(problem.code ? { code: problem.code } : {}),
        },
        problem.severity ?? 'error',
      );
    }
  }

  // Outputs with no edge: allowed (the run ends there), but usually an oversight.
  for (const [nodeId, handles] of outputs) {
    const node = nodes.get(nodeId);
    if (!node) continue;
    for (const handle of handles) {
      if (connected.has(JSON.stringify([nodeId, handle.id]))) continue;
      onNode(
        node,
        `Output "${handle.label}" leads nowhere, so the run ends there`,
        { handle: handle.id },
        'warning',
      );
    }
  }

  return [
    ...problems.filter((problem) => problem.severity === 'error'),
    ...problems.filter((problem) => problem.severity === 'warning'),
  ];
}

/** The variables the flow declares, and those written by any node with a path to `nodeId`. */
function variablesSetBefore(
  graph: GraphView,
  nodeId: string,
  byType: ReadonlyMap<string, NodeDefinition>,
): ReadonlySet<string> {
  const set = new Set(graph.variables.map((variable) => variable.name));
  const into = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const sources = into.get(edge.target) ?? [];
    sources.push(edge.source);
    into.set(edge.target, sources);
  }
  const seen = new Set<string>();
  const pending = [...(into.get(nodeId) ?? [])];
  while (pending.length > 0) {
    const id = pending.pop() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(into.get(id) ?? []));
  }
  for (const node of graph.nodes) {
    // A key the engine issues is in its variable from the run's start (issued-keys.ts).
    const issued = issuedKeyVariable(byType.get(node.type), node.data.config);
    if (issued !== undefined) set.add(issued);
    if (!seen.has(node.id)) continue;
    for (const name of nodeVariableUse(byType.get(node.type), node.data.config).written)
      set.add(name);
  }
  return set;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
