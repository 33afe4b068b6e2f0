// What the Webhook Trigger's inspector calls its config fields (NodeDefinition.fieldLabels).
import type { FieldLabels } from '../../shared/field-labels';
import { webhookFieldLabels } from '../../shared/webhook-field-labels';

export const webhookTriggerFieldLabels: FieldLabels = {
  ...webhookFieldLabels,
  webhookId: 'URL',
  mappings: 'Variable mappings',
  'mappings[]': 'Mapping #',
  'mappings[].path': 'Mapping # path',
  'mappings[].variable': 'Mapping # variable',
  saveFullBodyAs: 'Body variable',
  events: 'Events',
  'events.path': 'Event path',
  'events.cases': 'Cases',
  'events.cases[]': 'Case #',
  'events.cases[].id': 'Case # id',
  'events.cases[].label': 'Case # label',
  'events.cases[].value': 'Case # value',
  requireContentType: 'Required content type',
  response: 'Answer the caller',
  'response.mode': 'Answer the caller',
  'response.variables': 'Variables in the answer',
  'response.timeoutSeconds': 'Wait at most',
  idempotency: 'Deduplicate redeliveries by',
  'idempotency.source': 'Deduplicate redeliveries by',
  'idempotency.name': 'Delivery id header or body field',
};
