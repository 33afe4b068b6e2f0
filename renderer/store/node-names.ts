// The canvas's nodes named for people, as the runtime names them in problems and runs
// (runtime/shared/node-names.ts): screen-reader labels, run steps, notices.
import { useMemo } from 'react';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { nodeNameInText, nodeNameOf, nodeNames } from '../../runtime/shared/node-names';
import type { CanvasNode } from './canvas-types';
import { useEditor } from './editor-store';

export const typeLabel = (type: string): string | undefined => findNodeDefinition(type)?.label;

export function canvasNodeNames(nodes: readonly CanvasNode[]): Map<string, string> {
  return nodeNames(nodes, typeLabel);
}

/** The open flow's node names, by id; recomputed only when the nodes change. */
export function useNodeNames(): Map<string, string> {
  const nodes = useEditor((state) => state.nodes);
  return useMemo(() => canvasNodeNames(nodes), [nodes]);
}

/**
 * One node's name (a node card): a string, so the card re-renders only when its own name
 * changes, not whenever another node moves.
 */
export function useNodeName(nodeId: string): string | undefined {
  return useEditor((state) => nodeNameOf(state.nodes, nodeId, typeLabel));
}

/** A node of the open flow inside a sentence (`"Ask email"`, `Send message 2`). */
export function nodeInText(nodeId: string): string {
  const nodes = useEditor.getState().nodes;
  const node = nodes.find((item) => item.id === nodeId);
  return node ? nodeNameInText(node, canvasNodeNames(nodes)) : 'a node no longer on the canvas';
}
