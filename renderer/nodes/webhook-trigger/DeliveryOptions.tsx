// The General tab's delivery options, folded away by default: body size limit, required
// content type, when to answer (202 at once, or when the flow finishes with variables)
// and deduplication of redelivered calls (a header or body path, with provider presets).
import type { webhookTriggerConfigSchema } from '../../../runtime/nodes/webhook-trigger/definition';
import {
  providerAuthTypes,
  webhookAuthTypeLabels,
  type WebhookAuth,
} from '../../../runtime/shared/webhook-security';
import {
  idempotencyPresets,
  KIB,
  MAX_BODY_LIMIT_BYTES,
  MAX_RESPONSE_TIMEOUT_SECONDS,
  requiredContentTypes,
} from '../../../runtime/shared/webhook-trigger';
import {
  ListEditor,
  NumberField,
  PathField,
  SelectField,
  SizeField,
  TextField,
} from '../../inspector/fields';
import { describeBytes } from '../../inspector/byte-size';
import { bindField, problemAt, type InspectorProps } from '../inspector-props';

type Props = InspectorProps<typeof webhookTriggerConfigSchema>;

const CONTENT_TYPE_LABELS: Record<(typeof requiredContentTypes)[number], string> = {
  json: 'JSON (application/json)',
  form: 'Form (application/x-www-form-urlencoded)',
  multipart: 'Multipart form (multipart/form-data)',
  xml: 'XML',
  text: 'Plain text',
};
const CONTENT_TYPES = [
  { value: 'any', label: 'Any (parsed by its Content-Type)' },
  ...requiredContentTypes.map((value) => ({ value, label: CONTENT_TYPE_LABELS[value] })),
] as const;

const MODES = [
  { value: 'accepted', label: 'At once: 202 with the run id' },
  { value: 'when-finished', label: 'When the flow finishes: 200 with variables' },
] as const;

const SOURCES = [
  { value: 'none', label: 'No deduplication' },
  { value: 'header', label: 'A header with the delivery id' },
  { value: 'body-path', label: 'A field of the body' },
] as const;

const DELIVERY_FIELDS = ['bodyLimitBytes', 'requireContentType', 'response', 'idempotency'];

export function DeliveryOptions({ props, auth }: { props: Props; auth: WebhookAuth }) {
  const { config, nodeId } = props;
  const limit = bindField(props, 'bodyLimitBytes');
  const response = config.response;
  const idempotency = config.idempotency;
  const setResponse = (change: Partial<typeof response>) =>
    props.onChange({ ...config, response: { ...response, ...change } });
  const setIdempotency = (next: typeof idempotency) =>
    props.onChange({ ...config, idempotency: next });
  const hasProblem = DELIVERY_FIELDS.some((field) => problemAt(props.problems, field));
  const summary = [
    `up to ${describeBytes(config.bodyLimitBytes)}`,
    config.requireContentType ? `${config.requireContentType} only` : undefined,
    response.mode === 'accepted' ? '202 at once' : 'answers when finished',
    idempotency.source === 'none' ? undefined : 'deduplicated',
  ]
    .filter(Boolean)
    .join(' · ');
  const providerPreset = (providerAuthTypes as readonly string[]).includes(auth.type)
    ? auth.type
    : undefined;

  return (
    <details className="delivery-options" open={hasProblem || undefined}>
      <summary>
        Delivery options <span className="muted">{summary}</span>
      </summary>
      <SizeField
        label="Body size limit"
        hint="Bigger calls are refused with 413."
        min={KIB}
        max={MAX_BODY_LIMIT_BYTES}
        {...limit}
        onChange={(bytes) => limit.onChange(bytes ?? 0)}
      />
      <SelectField
        id={`${nodeId}-requireContentType`}
        label="Required content type"
        hint="Calls of another type are refused with 415."
        options={CONTENT_TYPES}
        value={config.requireContentType ?? 'any'}
        error={problemAt(props.problems, 'requireContentType')}
        onChange={(value) =>
          props.onChange({ ...config, requireContentType: value === 'any' ? undefined : value })
        }
      />
      <SelectField
        id={`${nodeId}-response`}
        label="Answer the caller"
        options={MODES}
        value={response.mode}
        error={problemAt(props.problems, 'response.mode')}
        onChange={(mode) => setResponse({ mode })}
      />
      {response.mode === 'when-finished' && (
        <>
          <ListEditor
            id={`${nodeId}-response-variables`}
            label="Variables in the answer"
            itemName="variable"
            max={50}
            emptyText="The answer carries the run id only."
            value={response.variables}
            problems={props.problems}
            path="response.variables"
            newRow={() => ''}
            onChange={(variables) => setResponse({ variables })}
            renderRow={(name, row) => (
              <TextField
                id={`${row.rowId}-name`}
                label="Variable"
                monospace
                value={name}
                onChange={row.update}
              />
            )}
          />
          <NumberField
            id={`${nodeId}-response-timeout`}
            label="Wait at most"
            suffix="seconds"
            min={1}
            max={MAX_RESPONSE_TIMEOUT_SECONDS}
            hint="Then the caller gets 504 while the run goes on."
            value={response.timeoutSeconds}
            error={problemAt(props.problems, 'response.timeoutSeconds')}
            onChange={(timeoutSeconds) => setResponse({ timeoutSeconds: timeoutSeconds ?? 10 })}
          />
        </>
      )}
      <SelectField
        id={`${nodeId}-idempotency`}
        label="Deduplicate redeliveries by"
        hint="A repeated delivery gets the first one's answer and starts no second run."
        options={SOURCES}
        value={idempotency.source}
        onChange={(source) =>
          setIdempotency(source === 'none' ? { source } : { source, name: idempotency.name ?? '' })
        }
      />
      {idempotency.source === 'header' && (
        <TextField
          id={`${nodeId}-idempotency-name`}
          label="Header"
          monospace
          placeholder="webhook-id"
          value={idempotency.name ?? ''}
          error={problemAt(props.problems, 'idempotency.name')}
          onChange={(name) => setIdempotency({ ...idempotency, name })}
        />
      )}
      {idempotency.source === 'body-path' && (
        <PathField
          id={`${nodeId}-idempotency-name`}
          label="Body field"
          placeholder="body.id"
          value={idempotency.name ?? ''}
          error={problemAt(props.problems, 'idempotency.name')}
          onChange={(name) => setIdempotency({ ...idempotency, name })}
        />
      )}
      <div className="preset-row" role="group" aria-label="Deduplication presets">
        <span className="muted">Presets:</span>
        {providerAuthTypes.map((type) => (
          <button
            key={type}
            type="button"
            className={`link-button${providerPreset === type ? ' is-suggested' : ''}`}
            title={`${idempotencyPresets[type].source === 'header' ? 'Header' : 'Body field'} ${idempotencyPresets[type].name ?? ''}`}
            onClick={() => setIdempotency({ ...idempotencyPresets[type] })}
          >
            {webhookAuthTypeLabels[type]}
          </button>
        ))}
      </div>
    </details>
  );
}
