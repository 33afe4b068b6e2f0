import type { sendMessageConfigSchema } from '../../../runtime/nodes/send-message/definition';
import { Field } from '../../inspector/fields';
import { problemAt, type InspectorProps } from '../inspector-props';

export function SendMessageInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof sendMessageConfigSchema>) {
  const id = `${nodeId}-text`;
  return (
    <Field
      id={id}
      label="Message"
      hint="Use {{variable}} to insert values, e.g. Hello {{name}}"
      error={problemAt(problems, 'text')}
    >
      <textarea
        id={id}
        rows={4}
        value={config.text}
        maxLength={4096}
        onChange={(event) => onChange({ ...config, text: event.target.value })}
      />
    </Field>
  );
}
