import {
  inputValidations,
  type collectInputConfigSchema,
} from '../../../runtime/nodes/collect-input/definition';
import { NumberField, SelectField, TemplateField, TextField } from '../../inspector/fields';
import { bindField, type InspectorProps } from '../inspector-props';

const VALIDATION_LABELS = {
  text: 'Any text',
  number: 'A number',
  email: 'An email',
  phone: 'A phone number',
};
const VALIDATIONS = inputValidations.map((value) => ({ value, label: VALIDATION_LABELS[value] }));

export function CollectInputInspector(props: InspectorProps<typeof collectInputConfigSchema>) {
  const retries = bindField(props, 'maxRetries');
  return (
    <>
      <TemplateField label="Question" multiline rows={3} {...bindField(props, 'prompt')} />
      <TextField
        label="Save the answer in"
        placeholder="email"
        monospace
        hint="A number is stored as a number."
        {...bindField(props, 'variable')}
      />
      <SelectField label="Expect" options={VALIDATIONS} {...bindField(props, 'validation')} />
      <TemplateField label="When the answer does not fit" {...bindField(props, 'retryMessage')} />
      <NumberField
        label="Retries before giving up"
        hint="Then the run continues on “Too many retries”."
        min={0}
        max={10}
        {...retries}
        onChange={(value) => retries.onChange(value ?? 0)}
      />
    </>
  );
}
