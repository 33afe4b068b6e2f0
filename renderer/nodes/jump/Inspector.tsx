import type { jumpConfigSchema } from '../../../runtime/nodes/jump/definition';
import { Field, SelectField } from '../../inspector/fields';
import { useEditor } from '../../store/editor-store';
import { useFlowsList } from '../../store/flows-list-store';
import { problemAt, type InspectorProps } from '../inspector-props';

const TARGETS = [
  { value: 'node', label: 'A node in this flow' },
  { value: 'flow', label: 'Another flow (its published version)' },
] as const;

export function JumpInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof jumpConfigSchema>) {
  const nodes = useEditor((state) => state.nodes);
  const currentFlow = useEditor((state) => state.flowId);
  const flows = useFlowsList((state) => state.flows);
  const nodeOptions = [
    { value: '', label: 'Choose a node' },
    ...nodes
      .filter((node) => node.id !== nodeId)
      .map((node) => ({ value: node.id, label: node.data.label || `${node.type} (${node.id})` })),
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
      <SelectField
        id={`${nodeId}-to`}
        label="Jump to"
        value={config.to}
        options={TARGETS}
        onChange={(to) => onChange({ ...config, to })}
      />
      {config.to === 'node' ? (
        <SelectField
          id={`${nodeId}-node`}
          label="Node"
          value={config.nodeId}
          options={nodeOptions}
          error={problemAt(problems, 'nodeId')}
          onChange={(target) => onChange({ ...config, nodeId: target })}
        />
      ) : (
        <Field id={`${nodeId}-flow`} label="Flow" error={problemAt(problems, 'flowId')}>
          <select
            id={`${nodeId}-flow`}
            value={config.flowId}
            onChange={(event) => onChange({ ...config, flowId: event.target.value })}
          >
            {flowOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}
