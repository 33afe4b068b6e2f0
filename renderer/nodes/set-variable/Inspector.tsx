import type { setVariableConfigSchema } from '../../../runtime/nodes/set-variable/definition';
import { PathField, SelectField, TemplateField, TextField } from '../../inspector/fields';
import { bindField, type InspectorProps } from '../inspector-props';

const SOURCES = [
  { value: 'value', label: 'A value (template)' },
  { value: 'path', label: 'Something read from the payload or variables' },
] as const;

export function SetVariableInspector(props: InspectorProps<typeof setVariableConfigSchema>) {
  return (
    <>
      <TextField label="Variable" monospace {...bindField(props, 'variable')} />
      <SelectField label="Set it to" options={SOURCES} {...bindField(props, 'source')} />
      {props.config.source === 'value' ? (
        <TemplateField
          label="Value"
          multiline
          rows={2}
          hint="{{body.total}} on its own keeps its type: a number stays a number."
          {...bindField(props, 'value')}
        />
      ) : (
        <PathField
          label="Path"
          hint="e.g. body.customer.email or headers['x-event']"
          {...bindField(props, 'path')}
        />
      )}
    </>
  );
}
