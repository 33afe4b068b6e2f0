// What the HTTP Request sends (seed 002): method, URL, query parameters, headers (with
// stored secrets) and the body of one kind — JSON, HTML, text and XML as a template, an
// x-www-form-urlencoded body as rows.
import {
  OUTBOUND_METHODS,
  type httpRequestConfigSchema,
} from '../../../runtime/nodes/http-request/definition';
import { KeyValueList, SelectField, TemplateField } from '../../inspector/fields';
import { bindField, bindList, type InspectorProps } from '../inspector-props';
import { bindNested, bindNestedList } from './bind-nested';
import { HeaderRows } from './HeaderRows';

type Props = InspectorProps<typeof httpRequestConfigSchema>;

const METHODS = OUTBOUND_METHODS.map((value) => ({
  value,
  label: {
    GET: 'GET — retrieve data',
    POST: 'POST — create data',
    PUT: 'PUT — update data',
    DELETE: 'DELETE — delete data',
    PATCH: 'PATCH — change part of the data',
  }[value],
}));

const BODY_KINDS = [
  { value: 'none', label: 'No body' },
  { value: 'json', label: 'JSON' },
  { value: 'form', label: 'Form (x-www-form-urlencoded)' },
  { value: 'text', label: 'Text' },
  { value: 'html', label: 'HTML' },
  { value: 'xml', label: 'XML' },
] as const;

const BODY_PLACEHOLDERS: Record<string, string> = {
  json: '{\n  "email": "{{email}}",\n  "total": {{order.total}}\n}',
  text: 'Order {{order.id}} is paid.',
  html: '<p>Hello {{name}}</p>',
  xml: '<?xml version="1.0" encoding="UTF-8"?>\n<note><to>{{name}}</to></note>',
};

const BODY_HINTS: Record<string, string> = {
  json: 'Stays valid JSON: "{{name}}" inside quotes is escaped text, {{order.total}} on its own keeps its type (a number stays a number, a missing value is null).',
  text: 'Sent as text/plain. {{variable}} and $NAME are filled in.',
  html: 'Sent as text/html. {{variable}} and $NAME are filled in.',
  xml: 'Sent as application/xml. {{variable}} and $NAME are filled in as typed: escape them yourself where they may hold < or &.',
};

export function RequestSection({
  props,
  missingSecrets,
}: {
  props: Props;
  missingSecrets: ReadonlySet<string>;
}) {
  const { config } = props;
  const kind = config.body.kind;
  return (
    <section className="http-section" aria-labelledby={`${props.nodeId}-request-heading`}>
      <h3 id={`${props.nodeId}-request-heading`}>Request</h3>
      <SelectField label="Method" options={METHODS} {...bindField(props, 'method')} />
      <TemplateField
        label="URL"
        placeholder="https://api.example.com/users/{{user_id}}"
        hint="Write {{name}} or $NAME to put a variable’s value in the URL. Query parameters go below."
        maxLength={4000}
        {...bindField(props, 'url')}
      />
      <KeyValueList
        label="Query parameters"
        hint="Leave a value empty to send the variable of the same name; $NAME and {{path}} read variables."
        keyName="name"
        valueName="value"
        keyLabel="Parameter"
        valueLabel="Value"
        keyPlaceholder="user_id"
        valuePlaceholder="empty: the variable user_id"
        keyMonospace
        valueMonospace
        itemName="parameter"
        addLabel="Add parameter"
        emptyText="No query parameters."
        max={50}
        {...bindList(props, 'query')}
      />
      <HeaderRows missingSecrets={missingSecrets} {...bindList(props, 'headers')} />
      <SelectField label="Body" options={BODY_KINDS} {...bindNested(props, 'body', 'kind')} />
      {kind === 'form' && (
        <KeyValueList
          label="Form fields"
          hint="Sent as application/x-www-form-urlencoded. Values can hold {{variable}} and $NAME."
          keyName="name"
          valueName="value"
          keyLabel="Field"
          valueLabel="Value"
          keyPlaceholder="email"
          valuePlaceholder="{{email}}"
          keyMonospace
          valueMonospace
          itemName="form field"
          addLabel="Add form field"
          emptyText="No form fields yet."
          max={100}
          {...bindNestedList(props, 'body', 'form')}
        />
      )}
      {kind !== 'none' && kind !== 'form' && (
        <TemplateField
          label={`${BODY_KINDS.find((option) => option.value === kind)?.label ?? 'Body'} body`}
          multiline
          rows={6}
          maxLength={100_000}
          placeholder={BODY_PLACEHOLDERS[kind]}
          hint={BODY_HINTS[kind]}
          {...bindNested(props, 'body', 'text')}
        />
      )}
    </section>
  );
}
