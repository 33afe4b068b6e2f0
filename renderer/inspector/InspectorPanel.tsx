// The right-hand panel for the selected node: its label and its type's inspector, with
// the config validated by the same zod schema the runtime uses on publish.
import type { ComponentType } from 'react';
import type { z } from 'zod';
import { useShallow } from 'zustand/react/shallow';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { describeNodeConfig } from '../../runtime/shared/node-definition';
import type { InspectorProps } from '../nodes/inspector-props';
import { inspectors } from '../nodes/inspectors';
import { useEditor, type CanvasNode } from '../store/editor-store';
import { TextField } from './fields';

export function InspectorPanel() {
  const selected = useEditor(useShallow((state) => state.nodes.filter((node) => node.selected)));
  if (selected.length !== 1 || !selected[0]) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <p className="muted">
          {selected.length > 1
            ? `${selected.length} nodes selected.`
            : 'Select a node to configure it.'}
        </p>
        <p className="muted inspector-tip">
          {selected.length > 1
            ? 'Delete removes them; copy, paste and duplicate work on all of them.'
            : 'Press ? for keyboard shortcuts.'}
        </p>
      </aside>
    );
  }
  // Keyed by node: widgets' local drafts never carry over to another node.
  return <NodeInspector key={selected[0].id} node={selected[0]} />;
}

function NodeInspector({ node }: { node: CanvasNode }) {
  const updateNodeData = useEditor((state) => state.updateNodeData);
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
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <header className="inspector-head">
        <span className="node-icon" aria-hidden>
          {definition.icon}
        </span>
        <div>
          <h2>{definition.label}</h2>
          <p className="muted">{definition.description}</p>
        </div>
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
    </aside>
  );
}
