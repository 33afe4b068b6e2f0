// Pure graph edits behind the canvas commands: connecting, deleting, selecting, placing.
// Generic over node definitions: a definition says which nodes take input.
import type { Edge } from '@xyflow/react';
import type { NodeDefinition } from '../../runtime/shared/node-definition';
import type { CanvasNode, XY } from './canvas-types';

export interface EdgeEnds {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

type FindDefinition = (type: string) => Pick<NodeDefinition, 'isTrigger'> | undefined;

/** Edges are identified by what they join; one output may reach a target only once. */
export function edgeExists(edges: readonly Edge[], ends: EdgeEnds): boolean {
  const handle = ends.sourceHandle ?? 'next';
  return edges.some(
    (edge) =>
      edge.source === ends.source &&
      (edge.sourceHandle ?? 'next') === handle &&
      edge.target === ends.target,
  );
}

/**
 * Whether a new edge is allowed. Loops back to an earlier node and self-loops are fine
 * (a chatbot asks again); an edge into a trigger is not, and neither is a duplicate.
 */
export function canConnect(
  nodes: readonly CanvasNode[],
  edges: readonly Edge[],
  ends: EdgeEnds,
  findDefinition: FindDefinition,
): boolean {
  const source = nodes.find((node) => node.id === ends.source);
  const target = nodes.find((node) => node.id === ends.target);
  if (!source || !target) return false;
  if (findDefinition(target.type ?? '')?.isTrigger !== false) return false;
  return !edgeExists(edges, ends);
}

export interface ConnectedEdges {
  edges: Edge[];
  /** The new edge. */
  added: Edge;
  /** The edge that output had before: an output leads to one node, so it moved. */
  replaced: Edge | undefined;
}

/**
 * Joins an output to a node (after `canConnect`). An output leads to exactly one node (a
 * run follows one edge per output), so an edge it already has is replaced, not doubled:
 * the same rule whether the edge was dragged or chosen from the keyboard.
 */
export function connectEdges(
  edges: readonly Edge[],
  ends: EdgeEnds,
  makeId: () => string,
): ConnectedEdges {
  const handle = ends.sourceHandle ?? 'next';
  const replaced = edges.find(
    (edge) => edge.source === ends.source && (edge.sourceHandle ?? 'next') === handle,
  );
  const added: Edge = {
    id: makeId(),
    source: ends.source,
    sourceHandle: handle,
    target: ends.target,
    targetHandle: null,
  };
  return { edges: [...edges.filter((edge) => edge !== replaced), added], added, replaced };
}

/** Removes the selected nodes, every edge touching them, and the selected edges. */
export function deleteSelected(
  nodes: readonly CanvasNode[],
  edges: readonly Edge[],
): { nodes: CanvasNode[]; edges: Edge[]; removedNodes: number; removedEdges: number } {
  const gone = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
  const keptNodes = nodes.filter((node) => !gone.has(node.id));
  const keptEdges = edges.filter(
    (edge) => !edge.selected && !gone.has(edge.source) && !gone.has(edge.target),
  );
  return {
    nodes: keptNodes,
    edges: keptEdges,
    removedNodes: nodes.length - keptNodes.length,
    removedEdges: edges.length - keptEdges.length,
  };
}

export function hasSelection(nodes: readonly CanvasNode[], edges: readonly Edge[]): boolean {
  return nodes.some((node) => node.selected) || edges.some((edge) => edge.selected);
}

export function selectAll(
  nodes: readonly CanvasNode[],
  edges: readonly Edge[],
): { nodes: CanvasNode[]; edges: Edge[] } {
  return {
    nodes: nodes.map((node) => (node.selected ? node : { ...node, selected: true })),
    edges: edges.map((edge) => (edge.selected ? edge : { ...edge, selected: true })),
  };
}

export function deselectAll<T extends { selected?: boolean }>(items: readonly T[]): T[] {
  return items.map((item) => (item.selected ? { ...item, selected: false } : item));
}

const SLOT = { dx: 40, dy: 40 };
const STEP_DOWN = 120;

/** The first spot at or below `wanted` that no node starts near, so added nodes never stack. */
export function freeSpot(nodes: readonly CanvasNode[], wanted: XY): XY {
  let spot = wanted;
  for (let tries = 0; tries < 50; tries += 1) {
    const taken = nodes.some(
      (node) =>
        Math.abs(node.position.x - spot.x) < SLOT.dx &&
        Math.abs(node.position.y - spot.y) < SLOT.dy,
    );
    if (!taken) return spot;
    spot = { x: spot.x, y: spot.y + STEP_DOWN };
  }
  return spot;
}

export function snapTo(position: XY, grid: number): XY {
  return { x: Math.round(position.x / grid) * grid, y: Math.round(position.y / grid) * grid };
}

/** Top-level keys whose values differ: the "field" an inspector edit touched. */
export function changedKeys(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
}
