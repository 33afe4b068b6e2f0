// The open flow's canvas state and its autosave. xyflow nodes have the same shape as our
// draft nodes ({ id, type, position, data: { label, config } }), so conversion is a copy.
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { create } from 'zustand';
import type { NodeType } from '../../runtime/nodes/definitions';
import type { DraftGraph, FlowDocument, FlowVariable } from '../../runtime/shared/flow-document';
import { api, ApiRequestError } from '../api/client';
import { useFlowsList } from './flows-list-store';
import { errorText } from './notices-store';

export interface CanvasNodeData extends Record<string, unknown> {
  label?: string;
  config: Record<string, unknown>;
}
export type CanvasNode = Node<CanvasNodeData, NodeType>;

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

const AUTOSAVE_DELAY_MS = 600;

interface EditorState {
  flowId: string | undefined;
  flow: FlowDocument | undefined;
  nodes: CanvasNode[];
  edges: Edge[];
  variables: FlowVariable[];
  loading: boolean;
  loadError: string | undefined;
  saveStatus: SaveStatus;
  saveError: string | undefined;
  open: (flowId: string | undefined) => Promise<void>;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  connect: (connection: Connection) => void;
  addNode: (type: NodeType, position: { x: number; y: number }) => string;
  setSelectedOnly: (nodeId: string) => void;
  updateNodeData: (nodeId: string, patch: Partial<CanvasNodeData>) => void;
  saveNow: () => Promise<void>;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> | undefined;

function toDraft(state: Pick<EditorState, 'nodes' | 'edges' | 'variables'>): DraftGraph {
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

function fromFlow(flow: FlowDocument): Pick<EditorState, 'nodes' | 'edges' | 'variables'> {
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

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** Position-only changes while dragging and selection changes are not edits worth saving. */
function isEdit(change: NodeChange<CanvasNode> | EdgeChange): boolean {
  if (change.type === 'select' || change.type === 'dimensions') return false;
  if (change.type === 'position') return change.dragging === false;
  return true;
}

export const useEditor = create<EditorState>((set, get) => {
  const markDirty = () => {
    set({ saveStatus: 'unsaved' });
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void get().saveNow(), AUTOSAVE_DELAY_MS);
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

    open: async (flowId) => {
      if (get().saveStatus === 'unsaved') await get().saveNow();
      clearTimeout(saveTimer);
      set({ flowId, flow: undefined, nodes: [], edges: [], variables: [], loadError: undefined });
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

    onNodesChange: (changes) => {
      set({ nodes: applyNodeChanges(changes, get().nodes) });
      if (changes.some(isEdit)) markDirty();
    },
    onEdgesChange: (changes) => {
      set({ edges: applyEdgeChanges(changes, get().edges) });
      if (changes.some(isEdit)) markDirty();
    },
    connect: (connection) => {
      const edge: Edge = {
        ...connection,
        id: newId('e'),
        sourceHandle: connection.sourceHandle ?? 'next',
        targetHandle: null,
      };
      set({ edges: addEdge(edge, get().edges) });
      markDirty();
    },
    addNode: (type, position) => {
      const id = newId('n');
      const node: CanvasNode = { id, type, position, data: { config: {} }, selected: true };
      set({ nodes: [...get().nodes.map((n) => ({ ...n, selected: false })), node] });
      markDirty();
      return id;
    },
    setSelectedOnly: (nodeId) => {
      set({ nodes: get().nodes.map((node) => ({ ...node, selected: node.id === nodeId })) });
    },

    updateNodeData: (nodeId, patch) => {
      set({
        nodes: get().nodes.map((node) =>
          node.id === nodeId ? { ...node, data: { ...node.data, ...patch } } : node,
        ),
      });
      markDirty();
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
