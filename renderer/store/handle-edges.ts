// Keeps edges in step with a node's output handles when its config changes them
// (e.g. an event case removed): edges from handles that no longer exist are removed,
// and a handle whose id changed in place (same slot, new id) keeps its edges.
import type { Edge } from '@xyflow/react';
import {
  describeNodeConfig,
  type NodeDefinition,
  type OutputHandle,
} from '../../runtime/shared/node-definition';

export interface HandleReconciliation {
  edges: Edge[];
  /** Edges dropped because their source handle is gone. */
  removed: Edge[];
  /** Labels of the handles those edges left from (as they were before the change). */
  removedHandles: string[];
  /** Edges moved to a renamed handle. */
  renamed: number;
}

/**
 * The outputs a config really has, or undefined while it does not validate: a half-typed
 * config falls back to the default outputs for display, and pruning edges against those
 * would throw connections away on every keystroke.
 */
export function validOutputs(
  definition: NodeDefinition,
  config: unknown,
): OutputHandle[] | undefined {
  const described = describeNodeConfig(definition, config);
  return described.config === undefined ? undefined : described.outputs;
}

export function reconcileHandleEdges(
  edges: readonly Edge[],
  nodeId: string,
  before: readonly OutputHandle[] | undefined,
  after: readonly OutputHandle[],
): HandleReconciliation {
  const afterIds = new Set(after.map((handle) => handle.id));
  const renames = new Map<string, string>();
  if (before && before.length === after.length) {
    const beforeIds = new Set(before.map((handle) => handle.id));
    before.forEach((handle, index) => {
      const next = after[index];
      if (next && next.id !== handle.id && !afterIds.has(handle.id) && !beforeIds.has(next.id)) {
        renames.set(handle.id, next.id);
      }
    });
  }
  const kept: Edge[] = [];
  const removed: Edge[] = [];
  let renamed = 0;
  for (const edge of edges) {
    const handle = edge.sourceHandle ?? 'next';
    if (edge.source !== nodeId || afterIds.has(handle)) {
      kept.push(edge);
    } else if (renames.has(handle)) {
      kept.push({ ...edge, sourceHandle: renames.get(handle) });
      renamed += 1;
    } else {
      removed.push(edge);
    }
  }
  const labelOf = (id: string) => before?.find((handle) => handle.id === id)?.label ?? id;
  const removedHandles = [...new Set(removed.map((edge) => edge.sourceHandle ?? 'next'))].map(
    labelOf,
  );
  return { edges: kept, removed, removedHandles, renamed };
}

/** The notice shown after pruning, e.g. `Removed 2 connections from “Order events” (“paid”).` */
export function removalNotice(
  count: number,
  nodeLabel: string,
  handles: readonly string[],
): string {
  const what = count === 1 ? '1 connection' : `${count} connections`;
  const from = handles.length > 0 ? ` (${handles.map((h) => `“${h}”`).join(', ')})` : '';
  const gone =
    handles.length > 1 ? 'those outputs no longer exist' : 'that output no longer exists';
  return `Removed ${what} from “${nodeLabel}”${from}: ${gone}.`;
}
