// The flow's variables and where each is used: declared ones, and every name a node writes
// or reads, with the nodes that do it. The one answer to "which variables does this flow
// have" — the Variables panel lists it, the Insert variable menu offers it.
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import type { FlowVariable } from '../../runtime/shared/flow-document';
import { salvageNodeConfig, type NodeDefinition } from '../../runtime/shared/node-definition';
import { nodeNames } from '../../runtime/shared/node-names';
import { nodeVariableUse, type NodeVariableUse } from '../../runtime/shared/node-variables';

export interface NodeRef {
  nodeId: string;
  type: string;
  /** What the canvas calls the node: its label, else its type's label (numbered if several). */
  title: string;
  icon: string;
}

export interface VariableUsage {
  name: string;
  /** The flow's declaration (type, description), if it has one. */
  declared: FlowVariable | undefined;
  writers: NodeRef[];
  readers: NodeRef[];
}

interface NodeLike {
  id: string;
  type?: string | undefined;
  data: { label?: string | undefined; config: Record<string, unknown> };
}

function nodeRef(node: NodeLike, title: string): NodeRef {
  const definition = findNodeDefinition(node.type ?? '');
  return { nodeId: node.id, type: node.type ?? '', title, icon: definition?.icon ?? '?' };
}

/** Sorted by name (case-insensitive); nodes in canvas order. */
export function variableUsage(
  nodes: readonly NodeLike[],
  declared: readonly FlowVariable[],
): VariableUsage[] {
  const byName = new Map<string, VariableUsage>();
  const entry = (name: string): VariableUsage => {
    let usage = byName.get(name);
    if (!usage) {
      usage = { name, declared: undefined, writers: [], readers: [] };
      byName.set(name, usage);
    }
    return usage;
  };
  for (const variable of declared) entry(variable.name).declared = variable;
  const names = nodeNames(nodes);
  for (const node of nodes) {
    const use = variableUseOf(node);
    if (use.written.length === 0 && use.read.length === 0) continue;
    const ref = nodeRef(node, names.get(node.id) ?? node.id);
    for (const name of use.written) entry(name).writers.push(ref);
    for (const name of use.read) entry(name).readers.push(ref);
  }
  return [...byName.values()].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
}

/** Names that are read somewhere but nothing in the flow sets or declares. */
export function isUnset(usage: VariableUsage): boolean {
  return usage.writers.length === 0 && usage.declared === undefined;
}

// Configs are replaced, never changed in place, so a config's use is computed once: the
// list is rebuilt on every canvas change (a drag too) for each open template field.
const useByConfig = new WeakMap<object, { type: string; use: NodeVariableUse }>();

function variableUseOf(node: NodeLike): NodeVariableUse {
  const config = node.data.config;
  const type = node.type ?? '';
  const cached = useByConfig.get(config);
  if (cached?.type === type) return cached.use;
  const use = nodeVariableUse(findNodeDefinition(type), config);
  useByConfig.set(config, { type, use });
  return use;
}

/** What a template can insert: the variables the flow sets or declares, sorted. */
export function settableNames(usages: readonly VariableUsage[]): string[] {
  return usages.filter((usage) => !isUnset(usage)).map((usage) => usage.name);
}

export interface TriggerFields {
  trigger: NodeRef;
  /** Paths into what starts the run (`body`, `body.order.total`), each once. */
  fields: string[];
}

/** The fields each trigger of the flow offers templates (triggerFields), in canvas order. */
export function triggerFields(nodes: readonly NodeLike[]): TriggerFields[] {
  const found: TriggerFields[] = [];
  const names = nodeNames(nodes);
  for (const node of nodes) {
    const definition: NodeDefinition | undefined = findNodeDefinition(node.type ?? '');
    if (!definition?.triggerFields) continue;
    const config = salvageNodeConfig(definition, node.data.config);
    if (config === undefined) continue;
    const paths = definition.triggerFields(config).map((path) => path.trim());
    const fields = [...new Set(paths.filter(Boolean))];
    if (fields.length > 0)
      found.push({ trigger: nodeRef(node, names.get(node.id) ?? node.id), fields });
  }
  return found;
}
