import { delayUnits, type delayConfigSchema } from '../../../runtime/nodes/delay/definition';
import { NumberField, SelectField } from '../../inspector/fields';
import { bindField, type InspectorProps } from '../inspector-props';

const UNITS = delayUnits.map((value) => ({ value, label: value }));

export function DelayInspector(props: InspectorProps<typeof delayConfigSchema>) {
  const amount = bindField(props, 'amount');
  return (
    <>
      <NumberField
        label="Wait"
        hint="Up to 30 days; the wait survives restarts."
        min={0}
        {...amount}
        onChange={(value) => amount.onChange(value ?? 0)}
      />
      <SelectField label="Unit" options={UNITS} {...bindField(props, 'unit')} />
    </>
  );
}
