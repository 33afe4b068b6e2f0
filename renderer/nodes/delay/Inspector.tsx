import { delayUnits, type delayConfigSchema } from '../../../runtime/nodes/delay/definition';
import { Field, SelectField } from '../../inspector/fields';
import { problemAt, type InspectorProps } from '../inspector-props';

const UNITS = delayUnits.map((value) => ({ value, label: value }));

export function DelayInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof delayConfigSchema>) {
  return (
    <>
      <Field
        id={`${nodeId}-amount`}
        label="Wait"
        hint="Up to 30 days; the wait survives restarts"
        error={problemAt(problems, 'amount')}
      >
        <input
          id={`${nodeId}-amount`}
          type="number"
          min={0}
          value={config.amount}
          onChange={(event) => onChange({ ...config, amount: event.target.valueAsNumber })}
        />
      </Field>
      <SelectField
        id={`${nodeId}-unit`}
        label="Unit"
        value={config.unit}
        options={UNITS}
        onChange={(unit) => onChange({ ...config, unit })}
      />
    </>
  );
}
