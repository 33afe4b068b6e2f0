// The editor's middle: palette, canvas toolbar and the xyflow canvas. Editing state lives
// in the editor store; this file wires xyflow to it and decides where added nodes go.
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  type DefaultEdgeOptions,
  type EdgeTypes,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import {
  findNodeDefinition,
  nodeDefinitions,
  type NodeType,
} from '../../runtime/nodes/definitions';
import type { CanvasNode, XY } from '../store/canvas-types';
import { useDock } from '../store/dock-store';
import { useEditor } from '../store/editor-store';
import { freeSpot, snapTo } from '../store/graph-edit';
import { inspectorOverlap, shownInspectorWidth, useInspector } from '../store/inspector-store';
import { useUi } from '../store/ui-store';
import { useAriaLabels } from './aria-labels';
import { CanvasToolbar } from './CanvasToolbar';
import {
  centreBesideCover,
  fitPadding,
  MAX_FIT_ZOOM,
  MIN_ZOOM,
  visibleRect,
  zoomToFit,
} from './fit-view';
import { FlowEdge } from './FlowEdge';
import { focusNode } from './focus-node';
import { NodeCard } from './NodeCard';
import { Palette, PALETTE_MIME } from './Palette';
import { RunPathBanner } from './RunPathBanner';
import { useCanvasRoom } from './use-canvas-room';
import { useCanvasShortcuts } from './use-canvas-shortcuts';
import { useKeepCenter } from './use-keep-center';
import { useSnapToGrid } from './use-snap-to-grid';

// One card component for every type: the definition supplies what differs.
const nodeTypes: NodeTypes = Object.fromEntries(nodeDefinitions.map((d) => [d.type, NodeCard]));
const edgeTypes: EdgeTypes = { flow: FlowEdge };
const defaultEdgeOptions: DefaultEdgeOptions = {
  type: 'flow',
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
};

const GRID: [number, number] = [16, 16];
const SMALL_MINIMAP = { width: 150, height: 100 };
/** The first view of a flow: nothing is selected yet, so no inspector covers the canvas. */
const FIRST_FIT = { maxZoom: MAX_FIT_ZOOM, minZoom: MIN_ZOOM, padding: fitPadding(0) };
const NEXT_TO = 280;
/** Half a card: a node added "at" a point is centred on it. */
const CARD_OFFSET = { x: 100, y: 30 };
/** Roughly a card's size, to tell whether a new node is in view. */
const CARD_SIZE = { x: 220, y: 80 };

function minimapColor(node: CanvasNode): string {
  const definition = findNodeDefinition(node.type ?? '');
  if (!definition) return 'var(--danger)';
  return definition.isTrigger ? 'var(--accent)' : 'var(--minimap-node)';
}

export function FlowCanvas({ colorMode }: { colorMode: 'light' | 'dark' }) {
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const labelled = useAriaLabels(nodes, edges);
  const onNodesChange = useEditor((state) => state.onNodesChange);
  const onEdgesChange = useEditor((state) => state.onEdgesChange);
  const connect = useEditor((state) => state.connect);
  const isValidConnection = useEditor((state) => state.isValidConnection);
  const beginDrag = useEditor((state) => state.beginDrag);
  const endDrag = useEditor((state) => state.endDrag);
  const addNode = useEditor((state) => state.addNode);
  const setSelectedOnly = useEditor((state) => state.setSelectedOnly);
  const { screenToFlowPosition, fitView, setCenter, getZoom, getNodes, getNodesBounds } =
    useReactFlow<CanvasNode>();
  const [snap, toggleSnap] = useSnapToGrid();
  const dockOpen = useDock((state) => state.open);
  const canvasRef = useRef<HTMLDivElement>(null);
  const pointer = useRef<XY | undefined>(undefined);
  // Lowered by zoom to fit for a flow too wide for the usual floor.
  const [minZoom, setMinZoom] = useState(MIN_ZOOM);
  useKeepCenter(canvasRef);
  useCanvasRoom(canvasRef);
  const setNoticeAnchor = useUi((state) => state.setNoticeAnchor);
  useEffect(() => {
    setNoticeAnchor(canvasRef.current);
    return () => setNoticeAnchor(null);
  }, [setNoticeAnchor]);

  const place = useCallback(
    (wanted: XY) => {
      const spot = snap ? snapTo(wanted, GRID[0]) : wanted;
      return freeSpot(useEditor.getState().nodes, spot);
    },
    [snap],
  );

  /**
   * The canvas's on-screen part an added node shows in: an added node is selected, so the
   * inspector opens over the right edge.
   */
  const addedNodeArea = useCallback(() => {
    const pane = canvasRef.current?.getBoundingClientRect();
    return pane && visibleRect(pane, shownInspectorWidth(useInspector.getState()));
  }, []);

  /** Pans (keeping the zoom) when a node was added where the view does not show it. */
  const reveal = useCallback(
    (position: XY) => {
      const area = addedNodeArea();
      if (!area) return;
      const topLeft = screenToFlowPosition({ x: area.left, y: area.top });
      const bottomRight = screenToFlowPosition({ x: area.right, y: area.bottom });
      const visible =
        position.x >= topLeft.x &&
        position.y >= topLeft.y &&
        position.x + CARD_SIZE.x <= bottomRight.x &&
        position.y + CARD_SIZE.y <= bottomRight.y;
      if (!visible) {
        const zoom = getZoom();
        const middle = { x: position.x + CARD_SIZE.x / 2, y: position.y + CARD_SIZE.y / 2 };
        const cover = shownInspectorWidth(useInspector.getState());
        const centre = centreBesideCover(middle, zoom, cover);
        void setCenter(centre.x, centre.y, { zoom, duration: 200 });
      }
    },
    [addedNodeArea, getZoom, screenToFlowPosition, setCenter],
  );

  const addFromPalette = useCallback(
    (type: NodeType) => {
      // Next to the selected node (building a chain from the keyboard, joined to its first
      // free output), else mid-view.
      // Focus goes to the new node, so the keyboard carries on from it.
      const selected = useEditor.getState().nodes.filter((node) => node.selected);
      const anchor = selected.length === 1 ? selected[0] : undefined;
      if (anchor) {
        const spot = place({ x: anchor.position.x + NEXT_TO, y: anchor.position.y });
        focusNode(addNode(type, spot, anchor.id));
        reveal(spot);
        return;
      }
      const area = addedNodeArea();
      const centre = area
        ? screenToFlowPosition({
            x: (area.left + area.right) / 2,
            y: (area.top + area.bottom) / 2,
          })
        : { x: 0, y: 0 };
      focusNode(addNode(type, place({ x: centre.x - CARD_OFFSET.x, y: centre.y - CARD_OFFSET.y })));
    },
    [addNode, addedNodeArea, place, reveal, screenToFlowPosition],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const definition = findNodeDefinition(event.dataTransfer.getData(PALETTE_MIME));
      if (!definition) return;
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const wanted = { x: position.x - CARD_OFFSET.x, y: position.y - 20 };
      addNode(definition.type, snap ? snapTo(wanted, GRID[0]) : wanted);
    },
    [addNode, screenToFlowPosition, snap],
  );

  /** Fits every node into the part of the canvas the inspector leaves visible. */
  const fit = useCallback(() => {
    const padding = fitPadding(inspectorOverlap());
    const pane = canvasRef.current;
    const nodes = getNodes();
    const needed =
      pane && nodes.length > 0
        ? zoomToFit(getNodesBounds(nodes), pane.clientWidth, pane.clientHeight, padding)
        : undefined;
    // A flow wider than the usual floor allows lowers it, so it fits and stays zoomable.
    const floor = Math.min(MIN_ZOOM, needed ?? MIN_ZOOM);
    setMinZoom(floor);
    void fitView({ padding, maxZoom: MAX_FIT_ZOOM, minZoom: floor, duration: 200 });
  }, [fitView, getNodes, getNodesBounds]);

  useCanvasShortcuts({
    fitView: fit,
    pastePosition: () => (pointer.current ? screenToFlowPosition(pointer.current) : undefined),
  });

  return (
    <div className="editor-body">
      <Palette onAdd={addFromPalette} />
      <div className="canvas-column">
        <div
          ref={canvasRef}
          className="canvas"
          data-testid="canvas"
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
          }}
          onDrop={onDrop}
          onPointerMove={(event) => {
            pointer.current = { x: event.clientX, y: event.clientY };
          }}
          onPointerDown={(event) => {
            pointer.current = { x: event.clientX, y: event.clientY };
          }}
          onPointerLeave={() => {
            pointer.current = undefined;
          }}
        >
          <CanvasToolbar snap={snap} onToggleSnap={toggleSnap} onFitView={fit} />
          <RunPathBanner />
          <ReactFlow
            nodes={labelled.nodes}
            edges={labelled.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            defaultEdgeOptions={defaultEdgeOptions}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={connect}
            isValidConnection={isValidConnection}
            // A plain click on one node of a selection selects just that node (xyflow keeps
            // the whole selection); a drag suppresses the click, so group drags still work.
            onNodeClick={(event, node) => {
              if (!event.shiftKey && !event.metaKey && !event.ctrlKey) setSelectedOnly(node.id);
            }}
            onNodeDragStart={beginDrag}
            onSelectionDragStart={beginDrag}
            onNodeDragStop={endDrag}
            onSelectionDragStop={endDrag}
            snapToGrid={snap}
            snapGrid={GRID}
            fitView
            fitViewOptions={FIRST_FIT}
            minZoom={minZoom}
            maxZoom={2}
            colorMode={colorMode}
            // Shortcuts are ours (use-canvas-shortcuts): one undo step per delete.
            deleteKeyCode={null}
            // Drag on empty canvas draws a selection box; pan with Space, middle or right drag.
            selectionOnDrag
            selectionKeyCode={null}
            selectionMode={SelectionMode.Partial}
            panOnDrag={[1, 2]}
            panActivationKeyCode="Space"
            multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={GRID[0]} />
            <MiniMap
              pannable
              zoomable
              nodeColor={minimapColor}
              ariaLabel="Minimap"
              // With the dock open the canvas is short: a smaller map covers fewer nodes.
              style={dockOpen ? SMALL_MINIMAP : undefined}
            />
            {/* Zoom to fit is the toolbar's (it knows about the inspector). */}
            <Controls showInteractive={false} showFitView={false} />
          </ReactFlow>
          {nodes.length === 0 && (
            <div className="canvas-empty" data-testid="canvas-empty">
              <p>
                Drag a node from the left, or press <kbd>/</kbd> to search and Enter to add it.
              </p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
