// The open flow's nodes named for people, as the runtime names them in problems and runs
// (runtime/shared/node-names.ts, the one way): screen-reader labels, node cards, run
// steps, notices.
import { nodeNameInText, nodeNames } from '../../runtime/shared/node-names';
import type { CanvasNode } from './canvas-types';
import { useEditor } from './editor-store';

// The store replaces the nodes array on every change and never mutates it, so names made
// once per array serve every card, label and panel that asks until the next change.
const namesOf = new WeakMap<readonly CanvasNode[], Map<string, string>>();

/** The names of these nodes (the editor's nodes array, or any other list). */
export function canvasNodeNames(nodes: readonly CanvasNode[]): Map<string, string> {
  let names = namesOf.get(nodes);
  if (!names) {
    names = nodeNames(nodes);
    namesOf.set(nodes, names);
  }
  return names;
}

/** The open flow's node names, by id. */
export function useNodeNames(): Map<string, string> {
  return useEditor((state) => canvasNodeNames(state.nodes));
}

/**
 * One node's name (a node card): a string, so the card re-renders only when its own name
 * changes, not whenever another node moves.
 */
export function useNodeName(nodeId: string): string | undefined {
  return useEditor((state) => canvasNodeNames(state.nodes).get(nodeId));
}

/** A node of the open flow inside a sentence (`"Ask email"`, `Send message 2`). */
export function nodeInText(nodeId: string): string {
  const nodes = useEditor.getState().nodes;
  const node = nodes.find((item) => item.id === nodeId);
  return node ? nodeNameInText(node, canvasNodeNames(nodes)) : 'a node no longer on the canvas';
}
