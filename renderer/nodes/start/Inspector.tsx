import type { startConfigSchema } from '../../../runtime/nodes/start/definition';
import { SelectField } from '../../inspector/fields';
import { problemAt, type InspectorProps } from '../inspector-props';

const TRIGGERS = [
  { value: 'manual', label: 'Manual (test chat)' },
  { value: 'webhook', label: 'Webhook' },
] as const;

export function StartInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof startConfigSchema>) {
  return (
    <SelectField
      id={`${nodeId}-trigger-type`}
      label="Trigger type"
      value={config.triggerType}
      options={TRIGGERS}
      error={problemAt(problems, 'triggerType')}
      onChange={(triggerType) => onChange({ ...config, triggerType })}
    />
  );
}
