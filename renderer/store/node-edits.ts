// Pure decisions behind the editor's node edits: what a batch of xyflow node changes
// means for undo history, and what a label/config patch does to the graph (including
// dropping edges of outputs the new config no longer has).
import type { Edge, NodeChange } from '@xyflow/react';
import type { NodeDefinition } from '../../runtime/shared/node-definition';
import { nodeNames } from '../../runtime/shared/node-names';
import type { CanvasNode, CanvasNodeData } from './canvas-types';
import { changedKeys } from './graph-edit';
import { reconcileHandleEdges, validOutputs } from './handle-edges';

export interface NodeChangesEffect {
  /** null: record nothing; otherwise record one step with this coalescing key. */
  historyKey: string | undefined | null;
  /** Whether the draft changed (to be saved). */
  edited: boolean;
  /** Whether this batch is the drop at the end of a drag. */
  dragEnded: boolean;
}

/**
 * Selection and size changes are not edits. A drag is recorded once when it starts (see
 * beginDrag), so its moves and its drop record nothing; arrow-key nudges arrive one
 * change per key press and coalesce into one step per burst; adds/removes are a step.
 */
export function nodeChangesEffect(
  changes: readonly NodeChange<CanvasNode>[],
  nodes: readonly CanvasNode[],
  dragActive: boolean,
): NodeChangesEffect {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const effect: NodeChangesEffect = { historyKey: null, edited: false, dragEnded: false };
  for (const change of changes) {
    if (change.type === 'position') {
      if (change.dragging) continue;
      const current = byId.get(change.id)?.position;
      const moved =
        !!change.position &&
        (!current || current.x !== change.position.x || current.y !== change.position.y);
      if (dragActive) {
        effect.dragEnded = true;
        effect.edited ||= moved;
      } else if (moved) {
        effect.historyKey ??= `nudge:${changes.map((c) => ('id' in c ? c.id : '')).join(',')}`;
        effect.edited = true;
      }
    } else if (change.type === 'remove' || change.type === 'add' || change.type === 'replace') {
      effect.historyKey = undefined;
      effect.edited = true;
    }
  }
  return effect;
}

export interface NodeDataEdit {
  nodes: CanvasNode[];
  edges: Edge[];
  /** Coalescing key: the node and the fields touched (typing in one field is one step). */
  historyKey: string;
  /** Set when edges were dropped because their output no longer exists. */
  removed?: { count: number; nodeLabel: string; handles: string[] };
}

type FindDefinition = (type: string) => NodeDefinition | undefined;

/** Applies a label/config patch to one node, keeping edges in step with its outputs. */
export function patchNodeData(
  nodes: readonly CanvasNode[],
  edges: readonly Edge[],
  nodeId: string,
  patch: Partial<CanvasNodeData>,
  findDefinition: FindDefinition,
): NodeDataEdit | undefined {
  const node = nodes.find((n) => n.id === nodeId);
  if (!node) return undefined;
  const data = { ...node.data, ...patch };
  const fields = [
    ...('label' in patch ? ['label'] : []),
    ...(patch.config ? changedKeys(node.data.config, patch.config).map((k) => `config.${k}`) : []),
  ];
  const edit: NodeDataEdit = {
    nodes: nodes.map((n) => (n.id === nodeId ? { ...n, data } : n)),
    edges: [...edges],
    historyKey: `data:${nodeId}:${fields.join(',')}`,
  };
  const definition = findDefinition(node.type ?? '');
  const after = patch.config && definition ? validOutputs(definition, data.config) : undefined;
  if (!definition || !after) return edit;
  const before = validOutputs(definition, node.data.config);
  const result = reconcileHandleEdges(edges, nodeId, before, after);
  edit.edges = result.edges;
  if (result.removed.length > 0) {
    edit.removed = {
      count: result.removed.length,
      // Named as everywhere else (node-names.ts): "Set variable 2" when there are several.
      nodeLabel:
        nodeNames(nodes, (type) => findDefinition(type)?.label).get(nodeId) ?? definition.label,
      handles: result.removedHandles,
    };
  }
  return edit;
}
