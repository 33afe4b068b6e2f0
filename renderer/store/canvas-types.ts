// The shapes the canvas works with. xyflow nodes have the same shape as our draft nodes
// ({ id, type, position, data: { label, config } }), so conversion is a copy.
import type { Edge, Node } from '@xyflow/react';
import type { NodeType } from '../../runtime/nodes/definitions';
import type { FlowVariable } from '../../runtime/shared/flow-document';

export interface CanvasNodeData extends Record<string, unknown> {
  label?: string;
  config: Record<string, unknown>;
}
export type CanvasNode = Node<CanvasNodeData, NodeType>;

/** What undo/redo restores: the editable part of the draft. */
export interface GraphSnapshot {
  nodes: CanvasNode[];
  edges: Edge[];
  variables: FlowVariable[];
}

export interface XY {
  x: number;
  y: number;
}

/** Short random ids in the id alphabet of the flow document (`n_…`, `e_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
