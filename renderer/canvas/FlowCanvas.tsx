import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import {
  findNodeDefinition,
  nodeDefinitions,
  type NodeType,
} from '../../runtime/nodes/definitions';
import { useEditor } from '../store/editor-store';
import { NodeCard } from './NodeCard';
import { Palette, PALETTE_MIME } from './Palette';

// One card component for every type: the definition supplies what differs.
const nodeTypes: NodeTypes = Object.fromEntries(nodeDefinitions.map((d) => [d.type, NodeCard]));

const GRID: [number, number] = [16, 16];

export function FlowCanvas() {
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const onNodesChange = useEditor((state) => state.onNodesChange);
  const onEdgesChange = useEditor((state) => state.onEdgesChange);
  const connect = useEditor((state) => state.connect);
  const addNode = useEditor((state) => state.addNode);
  const { screenToFlowPosition } = useReactFlow();

  const addAtCentre = useCallback(
    (type: NodeType) => {
      // Next to the selected node (building a chain from the keyboard), else mid-view.
      const selected = useEditor.getState().nodes.find((node) => node.selected);
      if (selected) {
        addNode(type, { x: selected.position.x + 260, y: selected.position.y });
        return;
      }
      const pane = document.querySelector('.canvas')?.getBoundingClientRect();
      const centre = pane
        ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
        : { x: 0, y: 0 };
      addNode(type, { x: centre.x - 90, y: centre.y - 30 });
    },
    [addNode, screenToFlowPosition],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const definition = findNodeDefinition(event.dataTransfer.getData(PALETTE_MIME));
      if (!definition) return;
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNode(definition.type, { x: position.x - 90, y: position.y - 20 });
    },
    [addNode, screenToFlowPosition],
  );

  return (
    <div className="editor-body">
      <Palette onAdd={addAtCentre} />
      <div
        className="canvas"
        data-testid="canvas"
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
        }}
        onDrop={onDrop}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={connect}
          snapToGrid
          snapGrid={GRID}
          fitView
          fitViewOptions={{ maxZoom: 1, padding: 0.3 }}
          deleteKeyCode={['Delete', 'Backspace']}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={GRID[0]} />
          <MiniMap pannable zoomable />
          <Controls />
        </ReactFlow>
        {nodes.length === 0 && (
          <div className="canvas-empty">
            Drag a node from the left, or click one to add it here.
          </div>
        )}
      </div>
    </div>
  );
}
