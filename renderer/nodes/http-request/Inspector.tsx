// Interim inspector: method and URL only, so the node can be added and configured while the
// full inspector (headers, body, response mapping, Test Request) is built on the designer side.
import {
  OUTBOUND_METHODS,
  type httpRequestConfigSchema,
} from '../../../runtime/nodes/http-request/definition';
import { SelectField, TemplateField } from '../../inspector/fields';
import { bindField, type InspectorProps } from '../inspector-props';

const METHODS = OUTBOUND_METHODS.map((method) => ({ value: method, label: method }));

export function HttpRequestInspector(props: InspectorProps<typeof httpRequestConfigSchema>) {
  return (
    <>
      <SelectField label="Method" options={METHODS} {...bindField(props, 'method')} />
      <TemplateField label="URL" {...bindField(props, 'url')} />
    </>
  );
}
