// The flow's variables and where each is used (the Variables panel): declared ones, and
// every name a node writes or reads, with the nodes that do it.
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import type { FlowVariable } from '../../runtime/shared/flow-document';
import { nodeNames } from '../../runtime/shared/node-names';
import { nodeVariableUse } from '../../runtime/shared/node-variables';

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
    const use = nodeVariableUse(findNodeDefinition(node.type ?? ''), node.data.config);
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
