import type { jumpConfigSchema } from '../../../runtime/nodes/jump/definition';
import { SelectField } from '../../inspector/fields';
import { useEditor } from '../../store/editor-store';
import { useNodeNames } from '../../store/node-names';
import { useFlowsList } from '../../store/flows-list-store';
import { bindField, type InspectorProps } from '../inspector-props';

const TARGETS = [
  { value: 'node', label: 'A node in this flow' },
  { value: 'flow', label: 'Another flow (its published version)' },
] as const;

export function JumpInspector(props: InspectorProps<typeof jumpConfigSchema>) {
  const nodes = useEditor((state) => state.nodes);
  const names = useNodeNames();
  const currentFlow = useEditor((state) => state.flowId);
  const flows = useFlowsList((state) => state.flows);
  const nodeOptions = [
    { value: '', label: 'Choose a node' },
    ...nodes
      .filter((node) => node.id !== props.nodeId)
      .map((node) => ({ value: node.id, label: names.get(node.id) ?? node.id })),
  ];
  const flowOptions = [
    { value: '', label: 'Choose a flow' },
    ...flows
      .filter((flow) => flow.id !== currentFlow)
      .map((flow) => ({
        value: flow.id,
        label: flow.publishedVersion === null ? `${flow.name} (not published)` : flow.name,
      })),
  ];
  return (
    <>
      <SelectField label="Jump to" options={TARGETS} {...bindField(props, 'to')} />
      {props.config.to === 'node' ? (
        <SelectField label="Node" options={nodeOptions} {...bindField(props, 'nodeId')} />
      ) : (
        <SelectField
          label="Flow"
          hint="It starts at its Start node with this run's variables."
          options={flowOptions}
          {...bindField(props, 'flowId')}
        />
      )}
    </>
  );
}
