// How nodes are named for people (browser-safe), the one way: problems, publish notices,
// screen-reader labels, node cards, run steps and run summaries all call a node what
// `nodeNames` says, in the runtime and in the designer alike, and never by its raw id.
//
// A node is its label when it has one; otherwise its type's label, numbered in canvas
// order when the flow has several nodes of that type ("Set variable 2"). The number counts
// every node of the type, labelled or not, so labelling one does not renumber the others.
import { findNodeDefinition } from '../nodes/definitions';

interface NamedNode {
  id: string;
  type?: string | undefined;
  data: { label?: string | undefined };
}

/** The label of a node type ("Set variable"), or undefined for an unknown type. */
export type TypeLabel = (type: string) => string | undefined;

/** The node types' own labels (validation may pass the definitions it checks against). */
const definitionLabel: TypeLabel = (type) => findNodeDefinition(type)?.label;

/** Every node's name for people, by node id. */
export function nodeNames(
  nodes: readonly NamedNode[],
  typeLabel: TypeLabel = definitionLabel,
): Map<string, string> {
  const perType = new Map<string, number>();
  for (const node of nodes) perType.set(node.type ?? '', (perType.get(node.type ?? '') ?? 0) + 1);
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  for (const node of nodes) {
    const type = node.type ?? '';
    const ordinal = (seen.get(type) ?? 0) + 1;
    seen.set(type, ordinal);
    if (names.has(node.id)) continue; // a duplicate id: the first one keeps the name
    const label = node.data.label?.trim();
    if (label) {
      names.set(node.id, label);
      continue;
    }
    const base = typeLabel(type) ?? (type || 'Node');
    names.set(node.id, (perType.get(type) ?? 0) > 1 ? `${base} ${ordinal}` : base);
  }
  return names;
}

/**
 * A node's name inside a sentence: a label the user wrote is quoted (it may be any text),
 * a type name is not (`"Ask email" — …`, `Set variable 2 — …`).
 */
export function nodeNameInText(node: NamedNode, names: ReadonlyMap<string, string>): string {
  const name = names.get(node.id) ?? node.id;
  return node.data.label?.trim() ? `"${name}"` : name;
}
