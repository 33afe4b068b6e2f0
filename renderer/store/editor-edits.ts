// The editor's edit commands. Every edit goes through `commit`: it records the state just
// before as one undo step (coalescing bursts with the same key, e.g. typing in a field)
// and marks the draft unsaved, so undo and redo autosave like any other edit.
import {
  applyEdgeChanges,
  applyNodeChanges,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { describeNodeConfig, initialNodeConfig } from '../../runtime/shared/node-definition';
import { newId, type CanvasNode, type GraphSnapshot } from './canvas-types';
import {
  materializePaste,
  toClipboardPayload,
  type ClipboardPayload,
  type PasteOptions,
} from './clipboard';
import type { EditorState } from './editor-state';
import {
  canConnect,
  connectEdges,
  deleteSelected,
  deselectAll,
  edgeExists,
  selectAll,
} from './graph-edit';
import { movedEdgeNotice } from './connect-choices';
import { removalNotice } from './handle-edges';
import { record, redo, undo } from './history';
import { nodeChangesEffect, patchNodeData } from './node-edits';
import { useNotices } from './notices-store';

type SetState = (partial: Partial<EditorState>) => void;
type GetState = () => EditorState;

const PASTE_STEP = 32;

type EditActions = Omit<
  EditorState,
  | 'flowId'
  | 'flow'
  | 'nodes'
  | 'edges'
  | 'variables'
  | 'loading'
  | 'loadError'
  | 'saveStatus'
  | 'saveError'
  | 'history'
  | 'clipboard'
  | 'open'
  | 'discard'
  | 'saveNow'
  | 'adoptFlow'
>;

function snapshotOf(state: EditorState): GraphSnapshot {
  return { nodes: state.nodes, edges: state.edges, variables: state.variables };
}

/** Restored nodes keep their current measured size: xyflow only re-measures on resize. */
function withMeasurements(restored: CanvasNode[], current: CanvasNode[]): CanvasNode[] {
  const byId = new Map(current.map((node) => [node.id, node]));
  return restored.map((node) => {
    const measured = byId.get(node.id)?.measured;
    return measured ? { ...node, measured, dragging: false } : node;
  });
}

function samePositions(before: CanvasNode[], after: CanvasNode[]): boolean {
  if (before.length !== after.length) return false;
  const byId = new Map(before.map((node) => [node.id, node.position]));
  return after.every((node) => {
    const position = byId.get(node.id);
    return position?.x === node.position.x && position.y === node.position.y;
  });
}

export function createEditActions(
  set: SetState,
  get: GetState,
  markDirty: () => void,
): EditActions {
  let dragActive = false;
  let pasteCount = 0;
  let lastPasteAt: string | undefined;

  const commit = (next: Partial<GraphSnapshot>, key?: string) => {
    const state = get();
    set({ ...next, history: record(state.history, snapshotOf(state), { key, now: Date.now() }) });
    markDirty();
  };

  const restore = (step: typeof undo) => () => {
    const state = get();
    const result = step(state.history, snapshotOf(state));
    if (!result) return false;
    set({
      ...result.snapshot,
      nodes: withMeasurements(result.snapshot.nodes, state.nodes),
      history: result.history,
    });
    markDirty();
    return true;
  };

  /** Adds pasted or duplicated nodes as the new selection, in one undo step. */
  const insert = (payload: ClipboardPayload, options: Omit<PasteOptions, 'makeId'>) => {
    const pasted = materializePaste(payload, { ...options, makeId: newId });
    const state = get();
    commit({
      nodes: [...deselectAll(state.nodes), ...pasted.nodes],
      edges: [...deselectAll(state.edges), ...pasted.edges],
    });
    return pasted.nodes.length;
  };

  return {
    onNodesChange: (changes: NodeChange<CanvasNode>[]) => {
      const state = get();
      const effect = nodeChangesEffect(changes, state.nodes, dragActive);
      if (effect.dragEnded) dragActive = false;
      const nodes = applyNodeChanges(changes, state.nodes);
      if (effect.historyKey === null) {
        set({ nodes });
      } else {
        const before = snapshotOf(state);
        set({
          nodes,
          history: record(state.history, before, { key: effect.historyKey, now: Date.now() }),
        });
      }
      if (effect.edited) markDirty();
    },

    onEdgesChange: (changes: EdgeChange[]) => {
      const edits = changes.some((change) => change.type !== 'select');
      if (edits) commit({ edges: applyEdgeChanges(changes, get().edges) });
      else set({ edges: applyEdgeChanges(changes, get().edges) });
    },

    beginDrag: () => {
      const state = get();
      dragActive = true;
      set({ history: record(state.history, snapshotOf(state), { now: Date.now() }) });
    },
    endDrag: () => {
      dragActive = false;
      // A drag that snapped back to where it started leaves no empty undo step.
      const state = get();
      const last = state.history.past.at(-1);
      if (last && samePositions(last.snapshot.nodes, state.nodes)) {
        set({ history: { ...state.history, past: state.history.past.slice(0, -1) } });
      }
    },

    isValidConnection: (connection) =>
      canConnect(get().nodes, get().edges, connection, findNodeDefinition),

    connect: (connection, options) => {
      const { nodes, edges } = get();
      if (!canConnect(nodes, edges, connection, findNodeDefinition)) return undefined;
      const result = connectEdges(edges, connection, () => newId('e'));
      if (options?.select) {
        commit({
          nodes: deselectAll(nodes),
          edges: result.edges.map((edge) =>
            edge === result.added ? { ...edge, selected: true } : { ...edge, selected: false },
          ),
        });
      } else {
        commit({ edges: result.edges });
      }
      if (result.replaced) {
        useNotices
          .getState()
          .notify('info', movedEdgeNotice(nodes, result.replaced, connection.target), {
            label: 'Undo',
            run: () => get().undo(),
          });
      }
      return { edgeId: result.added.id, replaced: result.replaced !== undefined };
    },

    addNode: (type, position, connectFrom) => {
      const state = get();
      const id = newId('n');
      // Types with permanent ids (a Webhook Trigger's URL) get fresh ones here.
      const config = initialNodeConfig(findNodeDefinition(type));
      const node: CanvasNode = { id, type, position, data: { config }, selected: true };
      const nodes = [...deselectAll(state.nodes), node];
      let edges = deselectAll(state.edges);
      const from = connectFrom ? state.nodes.find((n) => n.id === connectFrom) : undefined;
      const fromDefinition = from ? findNodeDefinition(from.type ?? '') : undefined;
      if (from && fromDefinition && !findNodeDefinition(type)?.isTrigger) {
        // Building a chain from the keyboard: join the first output that has no edge yet.
        const outputs = describeNodeConfig(fromDefinition, from.data.config).outputs;
        const free = outputs.find(
          (output) =>
            !edges.some((edge) => edge.source === from.id && edge.sourceHandle === output.id),
        );
        if (free && !edgeExists(edges, { source: from.id, sourceHandle: free.id, target: id })) {
          edges = [
            ...edges,
            {
              id: newId('e'),
              source: from.id,
              sourceHandle: free.id,
              target: id,
              targetHandle: null,
            },
          ];
        }
      }
      commit({ nodes, edges });
      return id;
    },

    setSelectedOnly: (nodeId) => {
      set({
        nodes: get().nodes.map((node) =>
          !!node.selected === (node.id === nodeId)
            ? node
            : { ...node, selected: node.id === nodeId },
        ),
        edges: deselectAll(get().edges),
      });
    },

    updateNodeData: (nodeId, patch) => {
      const state = get();
      const edit = patchNodeData(state.nodes, state.edges, nodeId, patch, findNodeDefinition);
      if (!edit) return;
      commit({ nodes: edit.nodes, edges: edit.edges }, edit.historyKey);
      if (edit.removed) {
        const { count, nodeLabel, handles } = edit.removed;
        useNotices.getState().notify('info', removalNotice(count, nodeLabel, handles), {
          label: 'Undo',
          run: () => get().undo(),
        });
      }
    },

    deleteSelection: () => {
      const state = get();
      const result = deleteSelected(state.nodes, state.edges);
      if (result.removedNodes === 0 && result.removedEdges === 0) return 0;
      commit({ nodes: result.nodes, edges: result.edges });
      return result.removedNodes + result.removedEdges;
    },

    selectAll: () => set(selectAll(get().nodes, get().edges)),
    clearSelection: () => set({ nodes: deselectAll(get().nodes), edges: deselectAll(get().edges) }),

    copySelection: () => {
      const payload = toClipboardPayload(get().nodes, get().edges);
      if (payload) {
        pasteCount = 0;
        lastPasteAt = undefined;
        set({ clipboard: payload });
      }
      return payload;
    },

    paste: (payload, at) => {
      const chosen = payload ?? get().clipboard;
      if (!chosen) return 0;
      // Pasting again (at the same spot) cascades, so copies never hide exactly on top
      // of each other.
      const spot = at ? `${Math.round(at.x)},${Math.round(at.y)}` : 'offset';
      pasteCount = spot === lastPasteAt ? pasteCount + 1 : 1;
      lastPasteAt = spot;
      const step = PASTE_STEP * pasteCount;
      const cascade = PASTE_STEP * (pasteCount - 1);
      return insert(chosen, {
        at: at && { x: at.x + cascade, y: at.y + cascade },
        offset: { x: step, y: step },
      });
    },

    duplicateSelection: () => {
      const payload = toClipboardPayload(get().nodes, get().edges);
      return payload ? insert(payload, { offset: { x: PASTE_STEP, y: PASTE_STEP } }) : 0;
    },

    undo: restore(undo),
    redo: restore(redo),
  };
}
