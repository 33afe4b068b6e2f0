// The editor store's state and actions, as a type of its own: editor-store.ts builds the
// store, editor-edits.ts its editing actions, and both need this (a file of its own keeps
// them from importing each other).
import type { Connection, Edge, EdgeChange, NodeChange } from '@xyflow/react';
import type { NodeType } from '../../runtime/nodes/definitions';
import type { FlowDocument, FlowVariable } from '../../runtime/shared/flow-document';
import type { CanvasNode, CanvasNodeData, GraphSnapshot, XY } from './canvas-types';
import type { ClipboardPayload } from './clipboard';
import type { History } from './history';

export interface ConnectResult {
  edgeId: string;
  /** The output had an edge to another node, which this one replaced. */
  replaced: boolean;
}

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

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
