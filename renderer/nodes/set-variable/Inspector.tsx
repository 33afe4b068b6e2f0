import type { setVariableConfigSchema } from '../../../runtime/nodes/set-variable/definition';
import { Field, SelectField } from '../../inspector/fields';
import { problemAt, type InspectorProps } from '../inspector-props';

const SOURCES = [
  { value: 'value', label: 'A value (template)' },
  { value: 'path', label: 'Read from the payload or variables' },
] as const;

export function SetVariableInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof setVariableConfigSchema>) {
  return (
    <>
      <Field id={`${nodeId}-variable`} label="Variable" error={problemAt(problems, 'variable')}>
        <input
          id={`${nodeId}-variable`}
          value={config.variable}
          onChange={(event) => onChange({ ...config, variable: event.target.value })}
        />
      </Field>
      <SelectField
        id={`${nodeId}-source`}
        label="Set it to"
        value={config.source}
        options={SOURCES}
        onChange={(source) => onChange({ ...config, source })}
      />
      {config.source === 'value' ? (
        <Field
          id={`${nodeId}-value`}
          label="Value"
          hint="{{body.total}} on its own keeps its type (a number stays a number)"
          error={problemAt(problems, 'value')}
        >
          <textarea
            id={`${nodeId}-value`}
            rows={2}
            value={config.value}
            onChange={(event) => onChange({ ...config, value: event.target.value })}
          />
        </Field>
      ) : (
        <Field
          id={`${nodeId}-path`}
          label="Path"
          hint="e.g. body.customer.email or headers['x-event']"
          error={problemAt(problems, 'path')}
        >
          <input
            id={`${nodeId}-path`}
            value={config.path}
            onChange={(event) => onChange({ ...config, path: event.target.value })}
          />
        </Field>
      )}
    </>
  );
}
