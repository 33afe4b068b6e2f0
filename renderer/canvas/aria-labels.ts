// What a screen reader says for each node and edge on the canvas. xyflow reads `ariaLabel`
// from node and edge objects; without one an edge reads "Edge from n_a6ec4adda76f to
// n_b71c…" and a node reads its whole card. Nodes are named as problems and runs name
// them (runtime/shared/node-names.ts), outputs by their labels.
import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { describeNodeConfig, type OutputHandle } from '../../runtime/shared/node-definition';
import type { CanvasNode } from '../store/canvas-types';
import { canvasNodeNames } from '../store/node-names';

/** "Ask email, Collect input"; a node named by its type says it once ("Set variable 2"). */
export function nodeAriaLabel(node: CanvasNode, name: string): string {
  const type = findNodeDefinition(node.type ?? '')?.label ?? node.type ?? 'node';
  return node.data.label?.trim() ? `${name}, ${type}` : name;
}

/** "From Check email, output True, to Send message 2" (the output only where there is a choice). */
export function edgeAriaLabel(
  source: string,
  output: Pick<OutputHandle, 'label'> | undefined,
  target: string,
): string {
  return output
    ? `From ${source}, output ${output.label}, to ${target}`
    : `From ${source} to ${target}`;
}

// Copies are kept per original object, so an unchanged node or edge stays the same object
// for xyflow (which re-measures nodes whose object changed) as long as its label holds.
const nodeCopies = new WeakMap<CanvasNode, CanvasNode>();
const edgeCopies = new WeakMap<Edge, Edge>();
const outputsOf = new WeakMap<CanvasNode, OutputHandle[]>();

function labelled<T extends { ariaLabel?: string }>(
  cache: WeakMap<T, T>,
  item: T,
  label: string,
): T {
  const copy = cache.get(item);
  if (copy?.ariaLabel === label) return copy;
  const fresh = { ...item, ariaLabel: label };
  cache.set(item, fresh);
  return fresh;
}

/** The output an edge leaves from, when its node has a choice of outputs. */
function choiceOutput(node: CanvasNode | undefined, handle: string | null | undefined) {
  if (!node) return undefined;
  let outputs = outputsOf.get(node);
  if (!outputs) {
    const definition = findNodeDefinition(node.type ?? '');
    outputs = definition ? describeNodeConfig(definition, node.data.config).outputs : [];
    outputsOf.set(node, outputs);
  }
  if (outputs.length < 2 && outputs.every((output) => output.kind === 'default')) return undefined;
  return outputs.find((output) => output.id === (handle ?? 'next'));
}

/** The canvas's nodes and edges with their screen-reader labels. */
export function useAriaLabels(
  nodes: CanvasNode[],
  edges: Edge[],
): { nodes: CanvasNode[]; edges: Edge[] } {
  return useMemo(() => {
    const names = canvasNodeNames(nodes);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const name = (id: string) => names.get(id) ?? 'a missing node';
    return {
      nodes: nodes.map((node) => labelled(nodeCopies, node, nodeAriaLabel(node, name(node.id)))),
      edges: edges.map((edge) =>
        labelled(
          edgeCopies,
          edge,
          edgeAriaLabel(
            name(edge.source),
            choiceOutput(byId.get(edge.source), edge.sourceHandle),
            name(edge.target),
          ),
        ),
      ),
    };
  }, [nodes, edges]);
}
