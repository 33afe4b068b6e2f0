// What the HTTP Request keeps of the answer (seed 002 "Response Mapping"), and what counts
// as a failure: the response format, path → variable rows, the status code, whole body and
// chosen headers into variables, the statuses that take Failed, and the variables the
// error goes into (their defaults shown, so a later node knows what to read).
import { httpRequestConfigSchema } from '../../../runtime/nodes/http-request/definition';
import { KeyValueList, SelectField, TextField } from '../../inspector/fields';
import { bindField, type InspectorProps } from '../inspector-props';
import { bindNested, bindNestedList } from './bind-nested';
import { MappingRows } from './MappingRows';
import type { MappingCheck } from './test-request-view';

type Props = InspectorProps<typeof httpRequestConfigSchema>;

/** The names a new node stores its error in, said next to each field. */
const ERROR_DEFAULTS = httpRequestConfigSchema.parse({}).errors;

const FORMATS = [
  { value: 'auto', label: 'Automatic (by Content-Type)' },
  { value: 'json', label: 'JSON' },
  { value: 'xml', label: 'XML' },
  { value: 'text', label: 'Text (no mapping)' },
] as const;

export function ResponseSection({
  props,
  checks,
}: {
  props: Props;
  checks: ReadonlyMap<number, MappingCheck> | undefined;
}) {
  const { nodeId, config } = props;
  const asynchronous = config.asynchronous;
  return (
    <>
      <section className="http-section" aria-labelledby={`${nodeId}-response-heading`}>
        <h3 id={`${nodeId}-response-heading`}>Response</h3>
        {asynchronous && (
          <p className="field-hint" data-testid="http-async-note">
            Asynchronous: the run does not wait, so nothing below is stored in variables. The
            outcome and what the mapping finds go to the run’s log.
          </p>
        )}
        <SelectField
          label="Response format"
          hint="Automatic reads JSON and XML by the answer’s Content-Type, anything else as text. A body that cannot be read in the format chosen takes Failed."
          options={FORMATS}
          {...bindNested(props, 'response', 'format')}
        />
        <MappingRows checks={checks} {...bindNestedList(props, 'response', 'mappings')} />
        <TextField
          label="Save the status code in"
          monospace
          placeholder="e.g. http_status (empty: not saved)"
          {...bindNested(props, 'response', 'statusVariable')}
        />
        <TextField
          label="Save the whole body in"
          monospace
          placeholder="e.g. response (empty: not saved)"
          hint="JSON and XML as a value you can read paths from, anything else as text."
          {...bindNested(props, 'response', 'bodyVariable')}
        />
        <KeyValueList
          label="Response headers"
          hint="Save a response header in a variable (names in any case)."
          keyName="name"
          valueName="variable"
          keyLabel="Header"
          valueLabel="Variable"
          keyPlaceholder="x-request-id"
          valuePlaceholder="request_id"
          keyMonospace
          valueMonospace
          itemName="response header"
          addLabel="Add response header"
          emptyText="No response headers saved."
          max={20}
          {...bindNestedList(props, 'response', 'headers')}
        />
      </section>
      <section className="http-section" aria-labelledby={`${nodeId}-failed-heading`}>
        <h3 id={`${nodeId}-failed-heading`}>When it fails</h3>
        <p className="field-hint">
          Failed is taken on a network error, a timeout, a failure status, a body that cannot be
          read, or a required mapping that finds nothing. Connect the Failed output to say what to
          do then.
        </p>
        <TextField
          label="Statuses that take Failed"
          monospace
          placeholder="empty: anything outside 200–299"
          hint="Codes and ranges, comma-separated: 404, 500-599. Empty: anything outside 2xx."
          {...bindField(props, 'failureStatuses')}
        />
        <div className="http-error-variables">
          <TextField
            label="Save the error kind in"
            monospace
            placeholder="empty: not saved"
            hint={`Default ${ERROR_DEFAULTS.kindVariable}. One of timeout, network, status, private-address, unparsable, missing-mapping…`}
            {...bindNested(props, 'errors', 'kindVariable')}
          />
          <TextField
            label="Save the error status in"
            monospace
            placeholder="empty: not saved"
            hint={`Default ${ERROR_DEFAULTS.statusVariable}. The response status, when there was a response.`}
            {...bindNested(props, 'errors', 'statusVariable')}
          />
          <TextField
            label="Save the error message in"
            monospace
            placeholder="empty: not saved"
            hint={`Default ${ERROR_DEFAULTS.messageVariable}. What went wrong, in words a later message can show.`}
            {...bindNested(props, 'errors', 'messageVariable')}
          />
        </div>
      </section>
    </>
  );
}
