import {
  inputValidations,
  type collectInputConfigSchema,
} from '../../../runtime/nodes/collect-input/definition';
import { Field, SelectField } from '../../inspector/fields';
import { problemAt, type InspectorProps } from '../inspector-props';

const VALIDATION_LABELS = { text: 'Any text', number: 'Number', email: 'Email', phone: 'Phone' };
const VALIDATIONS = inputValidations.map((value) => ({ value, label: VALIDATION_LABELS[value] }));

export function CollectInputInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof collectInputConfigSchema>) {
  return (
    <>
      <Field id={`${nodeId}-prompt`} label="Question" error={problemAt(problems, 'prompt')}>
        <textarea
          id={`${nodeId}-prompt`}
          rows={3}
          value={config.prompt}
          onChange={(event) => onChange({ ...config, prompt: event.target.value })}
        />
      </Field>
      <Field
        id={`${nodeId}-variable`}
        label="Save the answer in"
        error={problemAt(problems, 'variable')}
      >
        <input
          id={`${nodeId}-variable`}
          value={config.variable}
          placeholder="email"
          onChange={(event) => onChange({ ...config, variable: event.target.value })}
        />
      </Field>
      <SelectField
        id={`${nodeId}-validation`}
        label="Expect"
        value={config.validation}
        options={VALIDATIONS}
        onChange={(validation) => onChange({ ...config, validation })}
      />
      <Field
        id={`${nodeId}-retry`}
        label="When the answer does not fit"
        error={problemAt(problems, 'retryMessage')}
      >
        <input
          id={`${nodeId}-retry`}
          value={config.retryMessage}
          onChange={(event) => onChange({ ...config, retryMessage: event.target.value })}
        />
      </Field>
      <Field
        id={`${nodeId}-retries`}
        label="Retries before giving up"
        hint="Then the run continues on “Too many retries”"
        error={problemAt(problems, 'maxRetries')}
      >
        <input
          id={`${nodeId}-retries`}
          type="number"
          min={0}
          max={10}
          value={config.maxRetries}
          onChange={(event) => onChange({ ...config, maxRetries: event.target.valueAsNumber })}
        />
      </Field>
    </>
  );
}
