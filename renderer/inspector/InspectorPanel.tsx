// The panel for the selected node: its label and its type's inspector, with the config
// validated by the same zod schema the runtime uses on publish. It lies over the canvas's
// right edge (the canvas keeps its width, the graph stays where it is), shows while one
// node is selected, and is as wide as the user last dragged its edge.
import type { ComponentType } from 'react';
import type { z } from 'zod';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { describeNodeConfig } from '../../runtime/shared/node-definition';
import type { InspectorProps } from '../nodes/inspector-props';
import { inspectors } from '../nodes/inspectors';
import { useEditor, type CanvasNode } from '../store/editor-store';
import {
  INSPECTOR_WIDTH_STEP,
  maxInspectorWidth,
  MIN_INSPECTOR_WIDTH,
} from '../store/inspector-prefs';
import { inspectedNode, shownInspectorWidth, useInspector } from '../store/inspector-store';
import { Splitter } from '../ui/Splitter';
import { TextField } from './fields';

export function InspectorPanel() {
  const node = useEditor((state) => inspectedNode(state.nodes));
  const selectedCount = useEditor(
    (state) => state.nodes.filter((candidate) => candidate.selected).length,
  );
  if (!node) {
    if (selectedCount < 2) return null;
    return (
      <aside className="inspector-note" aria-label="Selection">
        <p>{selectedCount} nodes selected.</p>
        <p className="muted">Delete removes them; copy, paste and duplicate work on all of them.</p>
      </aside>
    );
  }
  // Keyed by node: widgets' local drafts never carry over to another node.
  return <NodeInspector key={node.id} node={node} />;
}

function NodeInspector({ node }: { node: CanvasNode }) {
  const updateNodeData = useEditor((state) => state.updateNodeData);
  const clearSelection = useEditor((state) => state.clearSelection);
  const width = useInspector(shownInspectorWidth);
  const room = useInspector((state) => state.room);
  const setWidth = useInspector((state) => state.setWidth);
  const definition = findNodeDefinition(node.type ?? '');
  if (!definition || !node.type) return <aside className="inspector">Unknown node type.</aside>;
  const described = describeNodeConfig(definition, node.data.config);
  // While a config is invalid the inspector still shows what the user typed, over defaults.
  const defaults = definition.configSchema.safeParse({});
  const config = described.config ?? {
    ...(defaults.success ? defaults.data : {}),
    ...node.data.config,
  };
  // The map is typed per node type; here the type is only known at run time.
  const Inspector = inspectors[node.type] as ComponentType<InspectorProps<z.ZodType>>;
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector" style={{ width }}>
      <Splitter
        edge="left"
        size={width}
        min={MIN_INSPECTOR_WIDTH}
        max={Math.max(width, maxInspectorWidth(room))}
        step={INSPECTOR_WIDTH_STEP}
        onResize={setWidth}
        label="Resize the inspector"
        className="inspector-resizer"
        testId="inspector-resizer"
      />
      <div className="inspector-scroll">
        <header className="inspector-head">
          <span className="node-icon" aria-hidden>
            {definition.icon}
          </span>
          <div className="inspector-title">
            <h2>{definition.label}</h2>
            <p className="muted">{definition.description}</p>
          </div>
          <button
            type="button"
            className="icon-button inspector-close"
            aria-label="Close the inspector"
            title="Close (Esc on the canvas clears the selection)"
            onClick={clearSelection}
          >
            ×
          </button>
        </header>
        <TextField
          id={`${node.id}-label`}
          label="Label"
          value={node.data.label ?? ''}
          placeholder={definition.label}
          maxLength={200}
          onChange={(label) => updateNodeData(node.id, { label: label || undefined })}
        />
        <Inspector
          nodeId={node.id}
          config={config}
          problems={described.problems}
          onChange={(next) => updateNodeData(node.id, { config: next as Record<string, unknown> })}
        />
        <p className="muted node-id">Node id: {node.id}</p>
      </div>
    </aside>
  );
}
