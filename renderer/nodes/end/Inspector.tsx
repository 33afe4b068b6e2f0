import type { endConfigSchema } from '../../../runtime/nodes/end/definition';
import { Field } from '../../inspector/fields';
import { problemAt, type InspectorProps } from '../inspector-props';

export function EndInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof endConfigSchema>) {
  const id = `${nodeId}-result`;
  return (
    <Field
      id={id}
      label="Result variables (optional)"
      hint="Comma-separated; they become the run's output"
      error={problemAt(problems, 'result')}
    >
      {/* Uncontrolled, so a comma being typed is not normalized away mid-word. */}
      <input
        id={id}
        key={nodeId}
        defaultValue={config.result.join(', ')}
        placeholder="order_id, total"
        onChange={(event) =>
          onChange({
            ...config,
            result: event.target.value
              .split(',')
              .map((name) => name.trim())
              .filter((name) => name !== ''),
          })
        }
      />
    </Field>
  );
}
