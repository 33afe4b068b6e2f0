// The open flow's canvas state, its undo history and its autosave. Edits go through
// `commit` (editor-edits.ts), which records one undo step and marks the draft unsaved.
import type { Connection, Edge, EdgeChange, NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { NodeType } from '../../runtime/nodes/definitions';
import type { DraftGraph, FlowDocument, FlowVariable } from '../../runtime/shared/flow-document';
import { api, ApiRequestError } from '../api/client';
import type { CanvasNode, CanvasNodeData, GraphSnapshot, XY } from './canvas-types';
import type { ClipboardPayload } from './clipboard';
import { createEditActions } from './editor-edits';
import { useFlowsList } from './flows-list-store';
import { emptyHistory, type History } from './history';
import { errorText } from './notices-store';

export type { CanvasNode, CanvasNodeData } from './canvas-types';
export { newId } from './canvas-types';

export interface ConnectResult {
  edgeId: string;
  /** The output had an edge to another node, which this one replaced. */
  replaced: boolean;
}

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

const AUTOSAVE_DELAY_MS = 600;

export interface EditorState {
  flowId: string | undefined;
  flow: FlowDocument | undefined;
  nodes: CanvasNode[];
  edges: Edge[];
  variables: FlowVariable[];
  loading: boolean;
  loadError: string | undefined;
  saveStatus: SaveStatus;
  saveError: string | undefined;
  /** Undo/redo of the open flow; cleared when another flow opens. */
  history: History<GraphSnapshot>;
  /** The in-app clipboard: survives switching flows, used when the system one has no payload. */
  clipboard: ClipboardPayload | undefined;
  open: (flowId: string | undefined) => Promise<void>;
  /**
   * Closes the open flow without saving its pending edits (it is being deleted): its
   * autosave is cancelled, and resolves once a save already on its way has been answered,
   * so nothing for the flow reaches the runtime after this.
   */
  discard: () => Promise<void>;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  /** A node drag began / ended (xyflow callbacks): one undo step per drag. */
  beginDrag: () => void;
  endDrag: () => void;
  /**
   * Joins an output to a node, replacing the edge that output had (one per output); with
   * `select`, the new edge becomes the selection. Undefined when the rules refuse it.
   */
  connect: (connection: Connection, options?: { select?: boolean }) => ConnectResult | undefined;
  isValidConnection: (connection: Connection | Edge) => boolean;
  /** Adds a node; with `connectFrom`, joins that node's first free output to it. */
  addNode: (type: NodeType, position: XY, connectFrom?: string) => string;
  setSelectedOnly: (nodeId: string) => void;
  updateNodeData: (nodeId: string, patch: Partial<CanvasNodeData>) => void;
  deleteSelection: () => number;
  selectAll: () => void;
  clearSelection: () => void;
  /** Copies the selection into the in-app clipboard and returns it (for the system one). */
  copySelection: () => ClipboardPayload | undefined;
  /** Pastes a payload (or the in-app clipboard) at `at`, or offset from where it was copied. */
  paste: (payload?: ClipboardPayload, at?: XY) => number;
  duplicateSelection: () => number;
  undo: () => boolean;
  redo: () => boolean;
  saveNow: () => Promise<void>;
  /**
   * Takes a newer copy of the open flow's document from another call (publish, rename):
   * its name, revision and published snapshot. The canvas keeps its own graph.
   */
  adoptFlow: (flow: FlowDocument) => void;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> | undefined;

function toDraft(state: GraphSnapshot): DraftGraph {
  return {
    nodes: state.nodes.map((node) => ({
      id: node.id,
      type: node.type ?? 'end',
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      data: {
        ...(node.data.label === undefined ? {} : { label: node.data.label }),
        config: node.data.config,
      },
    })),
    edges: state.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle ?? 'next',
      target: edge.target,
    })),
    variables: state.variables,
  };
}

function fromFlow(flow: FlowDocument): GraphSnapshot {
  return {
    nodes: flow.draft.nodes.map((node) => ({
      id: node.id,
      type: node.type,
      position: node.position,
      data: {
        ...(node.data.label === undefined ? {} : { label: node.data.label }),
        config: node.data.config,
      },
    })),
    edges: flow.draft.edges.map((edge) => ({ ...edge, targetHandle: null })),
    variables: flow.draft.variables,
  };
}

export const useEditor = create<EditorState>((set, get) => {
  const markDirty = () => {
    set({ saveStatus: 'unsaved' });
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void get().saveNow(), AUTOSAVE_DELAY_MS);
  };

  /** Shows `flowId` (not loaded yet) on an empty canvas; its autosave, if any, is off. */
  const showFlow = (flowId: string | undefined) => {
    clearTimeout(saveTimer);
    set({
      flowId,
      flow: undefined,
      nodes: [],
      edges: [],
      variables: [],
      loadError: undefined,
      history: emptyHistory(),
    });
  };

  return {
    flowId: undefined,
    flow: undefined,
    nodes: [],
    edges: [],
    variables: [],
    loading: false,
    loadError: undefined,
    saveStatus: 'saved',
    saveError: undefined,
    history: emptyHistory(),
    clipboard: undefined,

    open: async (flowId) => {
      if (get().saveStatus === 'unsaved') await get().saveNow();
      showFlow(flowId);
      if (!flowId) return;
      set({ loading: true });
      try {
        const flow = await api.getFlow(flowId);
        if (get().flowId !== flowId) return;
        set({ flow, ...fromFlow(flow), loading: false, saveStatus: 'saved', saveError: undefined });
      } catch (error) {
        set({ loading: false, loadError: errorText(error) });
      }
    },

    discard: async () => {
      // Without a flow in the store no save starts (saveNow has nothing to send).
      showFlow(undefined);
      while (saving) await saving;
      clearTimeout(saveTimer);
      set({ saveStatus: 'saved', saveError: undefined });
    },

    ...createEditActions(set, get, markDirty),

    adoptFlow: (flow) => {
      const current = get().flow;
      if (!current || current.id !== flow.id || flow.revision < current.revision) return;
      set({ flow });
    },

    saveNow: async () => {
      clearTimeout(saveTimer);
      if (saving) await saving;
      const { flow } = get();
      if (!flow || get().saveStatus === 'saved') return;
      set({ saveStatus: 'saving', saveError: undefined });
      saving = (async () => {
        try {
          const saved = await api.updateFlow(flow.id, {
            draft: toDraft(get()),
            revision: flow.revision,
          });
          // Edits made while the request was in flight keep the status "unsaved".
          const stillCurrent = get().flow?.id === saved.id;
          if (stillCurrent) {
            set({
              flow: saved,
              saveStatus: get().saveStatus === 'saving' ? 'saved' : get().saveStatus,
            });
          }
          void useFlowsList.getState().refresh();
        } catch (error) {
          const message =
            error instanceof ApiRequestError && error.code === 'revision_conflict'
              ? error.message
              : `Not saved: ${errorText(error)}`;
          set({ saveStatus: 'error', saveError: message });
        }
      })();
      await saving;
      saving = undefined;
      if (get().saveStatus === 'unsaved') markDirty();
    },
  };
});
