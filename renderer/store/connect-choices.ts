// What "Connect an output" (C on the canvas) offers: a node's outputs with where each
// leads now, then the nodes that output may lead to, filtered by what the user types. The
// rules are graph-edit's `canConnect`, the same ones dragging an edge follows.
import type { Edge } from '@xyflow/react';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { describeNodeConfig, type OutputHandle } from '../../runtime/shared/node-definition';
import type { CanvasNode } from './canvas-types';
import { canConnect, type EdgeEnds } from './graph-edit';

export interface OutputChoice {
  handle: OutputHandle;
  /** The node this output leads to now, if any. */
  target: CanvasNode | undefined;
}

export interface TargetChoice {
  node: CanvasNode;
  title: string;
  /** The type and the card's one-line summary: tells two "End" nodes apart. */
  detail: string;
  /** The node the output leaves from (a loop back to itself). */
  isSource: boolean;
}

/** What a node is called on its card: its label, else its type's. */
export function nodeTitle(node: CanvasNode | undefined): string {
  if (!node) return 'a node no longer on the canvas';
  return node.data.label || findNodeDefinition(node.type ?? '')?.label || node.type || node.id;
}

/** The outputs the node's card shows, each with the node it leads to. */
export function outputChoices(
  source: CanvasNode,
  nodes: readonly CanvasNode[],
  edges: readonly Edge[],
): OutputChoice[] {
  const definition = findNodeDefinition(source.type ?? '');
  if (!definition) return [];
  return describeNodeConfig(definition, source.data.config).outputs.map((handle) => {
    const edge = edges.find(
      (candidate) =>
        candidate.source === source.id && (candidate.sourceHandle ?? 'next') === handle.id,
    );
    return { handle, target: edge && nodes.find((node) => node.id === edge.target) };
  });
}

/**
 * The nodes an output may lead to, matching `query` like the palette's search (every word
 * in the title, type or summary; titles starting with it first), the source itself last.
 * The node it leads to already is left out: choosing it would change nothing.
 */
export function targetChoices(
  source: CanvasNode,
  handle: string,
  nodes: readonly CanvasNode[],
  edges: readonly Edge[],
  query = '',
): TargetChoice[] {
  const needle = query.trim().toLowerCase();
  const words = needle.split(/\s+/).filter(Boolean);
  const choices: TargetChoice[] = [];
  for (const node of nodes) {
    const ends = { source: source.id, sourceHandle: handle, target: node.id };
    if (!canConnect(nodes, edges, ends, findNodeDefinition)) continue;
    const definition = findNodeDefinition(node.type ?? '');
    const summary = definition ? describeNodeConfig(definition, node.data.config).summary : '';
    const title = nodeTitle(node);
    const detail = [definition?.label, summary].filter(Boolean).join(' · ');
    const haystack = `${title} ${detail}`.toLowerCase();
    if (!words.every((word) => haystack.includes(word))) continue;
    choices.push({ node, title, detail, isSource: node.id === source.id });
  }
  const rank = (choice: TargetChoice) =>
    (choice.isSource ? 2 : 0) + (needle && choice.title.toLowerCase().startsWith(needle) ? 0 : 1);
  // Array sort is stable: equal ranks keep the canvas's order.
  return choices.sort((a, b) => rank(a) - rank(b));
}

function outputLabel(source: CanvasNode | undefined, handle: string): string {
  const definition = source && findNodeDefinition(source.type ?? '');
  const outputs = definition ? describeNodeConfig(definition, source.data.config).outputs : [];
  return outputs.find((output) => output.id === handle)?.label ?? handle;
}

/** `Connected “Ask” “No” → “Bye”.` */
export function connectedNotice(nodes: readonly CanvasNode[], ends: EdgeEnds): string {
  const source = nodes.find((node) => node.id === ends.source);
  const target = nodes.find((node) => node.id === ends.target);
  const output = outputLabel(source, ends.sourceHandle ?? 'next');
  return `Connected “${nodeTitle(source)}” “${output}” → “${nodeTitle(target)}”.`;
}

/** `“Ask” “No” now leads to “Bye” (it led to “Retry”: an output leads to one node).` */
export function movedEdgeNotice(
  nodes: readonly CanvasNode[],
  replaced: Edge,
  newTarget: string,
): string {
  const source = nodes.find((node) => node.id === replaced.source);
  const before = nodes.find((node) => node.id === replaced.target);
  const after = nodes.find((node) => node.id === newTarget);
  const output = outputLabel(source, replaced.sourceHandle ?? 'next');
  return `“${nodeTitle(source)}” “${output}” now leads to “${nodeTitle(after)}” (it led to “${nodeTitle(before)}”: an output leads to one node).`;
}
