import type { sendMessageConfigSchema } from '../../../runtime/nodes/send-message/definition';
import { TemplateField } from '../../inspector/fields';
import { bindField, type InspectorProps } from '../inspector-props';

export function SendMessageInspector(props: InspectorProps<typeof sendMessageConfigSchema>) {
  return (
    <TemplateField
      label="Message"
      multiline
      maxLength={4096}
      placeholder="Hello {{name}}!"
      {...bindField(props, 'text')}
    />
  );
}
