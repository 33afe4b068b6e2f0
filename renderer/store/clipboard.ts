// Copy/paste of canvas selections. The payload is plain JSON (draft nodes + the edges
// among them) so it can travel through the system clipboard between windows; whatever
// comes back from there is untrusted text and is parsed with zod, anything else ignored.
import type { Edge } from '@xyflow/react';
import { z } from 'zod';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { draftNodeSchema, edgeSchema } from '../../runtime/shared/flow-document';
import { copiedNodeConfig } from '../../runtime/shared/node-definition';
import type { CanvasNode, XY } from './canvas-types';

export const CLIPBOARD_FORMAT = 'hookflow/canvas-selection';

export const clipboardPayloadSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(1),
  nodes: z.array(draftNodeSchema).min(1).max(2000),
  edges: z.array(edgeSchema).max(5000),
});

export type ClipboardPayload = z.infer<typeof clipboardPayloadSchema>;

/** The selected nodes and the edges whose both ends are selected; undefined if none. */
export function toClipboardPayload(
  nodes: readonly CanvasNode[],
  edges: readonly Edge[],
): ClipboardPayload | undefined {
  const chosen = nodes.filter((node) => node.selected && node.type !== undefined);
  if (chosen.length === 0) return undefined;
  const ids = new Set(chosen.map((node) => node.id));
  return {
    format: CLIPBOARD_FORMAT,
    version: 1,
    nodes: chosen.map((node) => ({
      id: node.id,
      type: node.type,
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      data: {
        ...(node.data.label === undefined ? {} : { label: node.data.label }),
        config: node.data.config,
      },
    })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({
        id: edge.id,
        source: edge.source,
        sourceHandle: edge.sourceHandle ?? 'next',
        target: edge.target,
      })),
  };
}

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

/** A Hookflow payload from clipboard text, or undefined for anything else. */
export function parseClipboardText(text: string): ClipboardPayload | undefined {
  if (!text.includes(CLIPBOARD_FORMAT)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = clipboardPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export interface PasteOptions {
  /** Where the top-left of the pasted group goes; otherwise it moves by `offset`. */
  at?: XY;
  offset: XY;
  makeId: (prefix: string) => string;
}

/**
 * Fresh canvas nodes and edges for a payload: every node and edge gets a new id (pasting
 * twice, or into the flow it came from, never collides), edges follow their nodes' new
 * ids, edges whose ends are not both in the payload are dropped. Pasted nodes are selected.
 */
export function materializePaste(
  payload: ClipboardPayload,
  options: PasteOptions,
): { nodes: CanvasNode[]; edges: Edge[] } {
  const idMap = new Map(payload.nodes.map((node) => [node.id, options.makeId('n')]));
  const left = Math.min(...payload.nodes.map((node) => node.position.x));
  const top = Math.min(...payload.nodes.map((node) => node.position.y));
  const shift = options.at
    ? { x: options.at.x - left, y: options.at.y - top }
    : { x: options.offset.x, y: options.offset.y };
  const nodes: CanvasNode[] = payload.nodes.map((node) => ({
    id: idMap.get(node.id) ?? options.makeId('n'),
    type: node.type,
    position: { x: node.position.x + shift.x, y: node.position.y + shift.y },
    data: {
      ...(node.data.label === undefined ? {} : { label: node.data.label }),
      // A pasted Webhook Trigger gets a new URL: two nodes never answer on one.
      config: copiedNodeConfig(findNodeDefinition(node.type), structuredClone(node.data.config)),
    },
    selected: true,
  }));
  const edges: Edge[] = payload.edges.flatMap((edge) => {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) return [];
    return [
      {
        id: options.makeId('e'),
        source,
        sourceHandle: edge.sourceHandle,
        target,
        targetHandle: null,
      },
    ];
  });
  return { nodes, edges };
}
