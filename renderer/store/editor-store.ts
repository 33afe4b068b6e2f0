// The open flow's canvas state, its undo history and its autosave. Edits go through
// `commit` (editor-edits.ts), which records one undo step and marks the draft unsaved.
import { create } from 'zustand';
import type { DraftGraph, FlowDocument } from '../../runtime/shared/flow-document';
import { api, ApiRequestError } from '../api/client';
import type { GraphSnapshot } from './canvas-types';
import { createEditActions } from './editor-edits';
import type { EditorState } from './editor-state';
import { useFlowsList } from './flows-list-store';
import { emptyHistory } from './history';
import { errorText } from './notices-store';

export type { CanvasNode, CanvasNodeData } from './canvas-types';
export { newId } from './canvas-types';

export type { ConnectResult, EditorState, SaveStatus } from './editor-state';

const AUTOSAVE_DELAY_MS = 600;

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
