import type { startConfigSchema } from '../../../runtime/nodes/start/definition';
import { SelectField } from '../../inspector/fields';
import { bindField, type InspectorProps } from '../inspector-props';

const TRIGGERS = [
  { value: 'manual', label: 'Manual (test chat)' },
  { value: 'webhook', label: 'Webhook' },
] as const;

export function StartInspector(props: InspectorProps<typeof startConfigSchema>) {
  return (
    <SelectField
      label="Trigger type"
      options={TRIGGERS}
      hint="Webhook: the flow runs when its URL is called (after publishing)."
      {...bindField(props, 'triggerType')}
    />
  );
}
