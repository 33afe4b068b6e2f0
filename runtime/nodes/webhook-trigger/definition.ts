// Webhook Trigger (seed 001): an external system calls `/webhooks/flow/{webhookId}`; the
// ingress checks and records the call, then a run starts here, maps payload fields into
// variables and routes by event type (one output per case, plus `else`).
import { z } from 'zod';
import { parseTemplate, tryParsePath } from '../../paths';
import { defaultOutput, defineNode, type OutputHandle } from '../../shared/node-definition';
import type { NodeConfigProblem } from '../../shared/node-validation';
import {
  describeWebhookAuth,
  missingSecretProblems,
  webhookSecuritySchema,
} from '../../shared/webhook-security';
import {
  bodyLimitBytesSchema,
  DEFAULT_BODY_LIMIT_BYTES,
  idempotencySchema,
  newWebhookId,
  requiredContentTypes,
  webhookIdSchema,
  webhookMethodsSchema,
  webhookResponseSchema,
} from '../../shared/webhook-trigger';
import { chatBindingSchema, customerBindingSchema } from '../../shared/customer-chat-binding';
import { GRAPH_PROBLEM_CODES } from '../../shared/problem-codes';
import { bodyReadsOf } from './call-reads';
import { webhookTriggerFieldLabels } from './field-labels';

/** What a template can read of the call that started the run (the engine's run scope). */
const WEBHOOK_CALL_FIELDS = ['body', 'query', 'headers', 'ip', 'method'];

/** What the Customer & Chat binding gives templates (`{{customer.name}}`), seed 001. */
export const CUSTOMER_VARIABLE_FIELDS = [
  'customer.id',
  'customer.name',
  'customer.email',
  'customer.phone',
  'customer.document',
  'customer.contacts',
];
export const CHAT_VARIABLE_FIELDS = ['chat.id', 'chat.channel'];

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const variableName = z
  .string()
  .regex(VARIABLE_NAME, 'Use letters, digits and "_" (not starting with a digit)');

/** Case ids become output handle ids (`sourceHandle` in edges). */
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RESERVED_HANDLES = new Set(['else', 'next']);

export const webhookMappingSchema = z.object({
  /** A path over the call: `body.user.name`, `body.data[0].email`, `query.ref`. */
  path: z.string().trim().min(1, 'Enter the field to read, e.g. body.user.name').max(300),
  variable: variableName,
});

export const webhookCaseSchema = z.object({
  id: z.string().regex(CASE_ID, 'A case id uses letters, digits, "_" or "-"'),
  label: z.string().trim().max(100).default(''),
  /** The event value to match exactly; may contain `{{…}}` (interpolated per run). */
  value: z.string().max(500),
});

export const webhookTriggerConfigSchema = z
  .object({
    /** Empty until the designer generates one (initialConfig); publish refuses an empty id. */
    webhookId: z.union([webhookIdSchema, z.literal('')]).default(''),
    methods: webhookMethodsSchema.default(['POST']),
    mappings: z.array(webhookMappingSchema).max(100).default([]),
    /** Saves the whole parsed body into this (object) variable. */
    saveFullBodyAs: variableName.optional(),
    security: webhookSecuritySchema.prefault({}),
    events: z
      .object({
        /** Where the event type is, e.g. `body.event`. */
        path: z.string().trim().max(300).optional(),
        cases: z.array(webhookCaseSchema).max(50).default([]),
      })
      .prefault({}),
    bodyLimitBytes: bodyLimitBytesSchema.default(DEFAULT_BODY_LIMIT_BYTES),
    requireContentType: z.enum(requiredContentTypes).optional(),
    response: webhookResponseSchema.prefault({}),
    /** The Customer & Chat tab (seed 001); both off by default. */
    customer: customerBindingSchema.prefault({}),
    chat: chatBindingSchema.prefault({}),
    idempotency: idempotencySchema.prefault({}),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.events.cases.forEach((item, index) => {
      if (RESERVED_HANDLES.has(item.id) || seen.has(item.id)) {
        context.addIssue({
          code: 'custom',
          path: ['events', 'cases', index, 'id'],
          message: RESERVED_HANDLES.has(item.id)
            ? `"${item.id}" is reserved; give the case another id`
            : `Another case already has the id "${item.id}"`,
        });
      }
      seen.add(item.id);
    });
  });

export type WebhookTriggerConfig = z.infer<typeof webhookTriggerConfigSchema>;

export function webhookTriggerOutputs(config: WebhookTriggerConfig): OutputHandle[] {
  if (config.events.cases.length === 0) return defaultOutput;
  return [
    ...config.events.cases.map((item) => ({
      id: item.id,
      label: item.label || item.value || item.id,
      kind: 'case' as const,
    })),
    { id: 'else', label: 'Else', kind: 'else' as const },
  ];
}

/**
 * What the schema cannot say: the paths parse, case values are valid templates, a URL id
 * exists. Run on publish (the definition's validate hook) and shown by the designer.
 */
export function webhookTriggerProblems(config: WebhookTriggerConfig): NodeConfigProblem[] {
  const problems: NodeConfigProblem[] = [];
  if (config.webhookId === '') {
    problems.push({
      field: 'webhookId',
      message: 'This trigger has no URL yet: generate one in the General tab',
    });
  }
  const checkPath = (path: string | undefined, field: string) => {
    if (path === undefined || path === '') return;
    const parsed = tryParsePath(path);
    if (!parsed.ok) {
      problems.push({
        field,
        message: `"${path}" is not a valid path: ${parsed.message}`,
        code: GRAPH_PROBLEM_CODES.invalidPath,
      });
    }
  };
  config.mappings.forEach((mapping, index) => checkPath(mapping.path, `mappings[${index}].path`));
  checkPath(config.events.path, 'events.path');
  if (config.events.cases.length > 0 && !config.events.path) {
    problems.push({
      field: 'events.path',
      message: 'Say where the event type is (e.g. body.event) so the cases can be matched',
    });
  }
  config.events.cases.forEach((item, index) => {
    for (const problem of parseTemplate(item.value).problems) {
      problems.push({ field: `events.cases[${index}].value`, message: problem.message });
    }
  });
  if (config.idempotency.source === 'body-path') {
    checkPath(config.idempotency.name, 'idempotency.name');
  }
  bindingProblems(config, problems, checkPath);
  return problems;
}

/** The Customer & Chat tab (seed 001): only checked where its toggle is on. */
function bindingProblems(
  config: WebhookTriggerConfig,
  problems: NodeConfigProblem[],
  checkPath: (path: string | undefined, field: string) => void,
): void {
  const { customer, chat } = config;
  if (customer.enabled) {
    // Seed 001: "Enable the search icon on at least one field."
    if (!customer.rows.some((row) => row.search)) {
      problems.push({
        field: 'customer.rows',
        message:
          'Turn on the search icon 🔍 on at least one field, so the customer can be found ' +
          '(any flagged field that matches finds it)',
      });
    }
    const ids = new Set<string>();
    customer.rows.forEach((row, index) => {
      if (ids.has(row.id)) {
        problems.push({
          field: `customer.rows[${index}].id`,
          message: `Another customer field already has the id "${row.id}"`,
        });
      }
      ids.add(row.id);
      if (row.path === '') {
        problems.push({
          field: `customer.rows[${index}].path`,
          message: 'Enter where this field is in the call, e.g. body.customer.email',
        });
      } else checkPath(row.path, `customer.rows[${index}].path`);
    });
  }
  // The binding's own variables: a mapping of the same name would be overwritten by it.
  const bound = new Set([
    ...(customer.enabled ? ['customer'] : []),
    ...(webhookTriggerCanBindChat(config) ? ['chat'] : []),
  ]);
  config.mappings.forEach((mapping, index) => {
    if (bound.has(mapping.variable)) {
      problems.push({
        field: `mappings[${index}].variable`,
        message: `The Customer & Chat binding sets "${mapping.variable}"; give this variable another name`,
      });
    }
  });
  if (config.saveFullBodyAs !== undefined && bound.has(config.saveFullBodyAs)) {
    problems.push({
      field: 'saveFullBodyAs',
      message: `The Customer & Chat binding sets "${config.saveFullBodyAs}"; give the body another name`,
    });
  }
  if (chat.enabled) {
    if (chat.contactPath === '') {
      problems.push({
        field: 'chat.contactPath',
        message: 'Enter where the contact is in the call, e.g. body.customer.phone',
      });
    } else checkPath(chat.contactPath, 'chat.contactPath');
  }
}

/**
 * Seed 001: "With Customer + Chat binding configured, the flow runs in full mode"; a run
 * whose binding then finds nothing is headless (the executor says why).
 */
export function webhookTriggerCanBindChat(config: WebhookTriggerConfig): boolean {
  return config.customer.enabled && config.chat.enabled;
}

export const webhookTriggerDefinition = defineNode({
  type: 'webhook-trigger',
  label: 'Webhook Trigger',
  category: 'trigger',
  description:
    'Starts the flow when an external system (a shop, CRM, payment provider) calls its URL.',
  icon: '⚡',
  configSchema: webhookTriggerConfigSchema,
  outputs: webhookTriggerOutputs,
  isTrigger: true,
  needsChat: false,
  canBindChat: webhookTriggerCanBindChat,
  fieldLabels: webhookTriggerFieldLabels,
  // The Customer & Chat binding writes, but idempotently (find-or-create): run again for
  // the same call after a crash, it changes nothing the first run did not (bind-customer.ts).
  sideEffects: 'none',
  summary: (config) => {
    const cases = config.events.cases.length;
    return [
      config.methods.join('/'),
      describeWebhookAuth(config.security.auth),
      cases > 0 ? `${cases} event case${cases === 1 ? '' : 's'}` : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
  },
  variablesWritten: (config) => [
    ...config.mappings.map((mapping) => mapping.variable),
    ...(config.saveFullBodyAs ? [config.saveFullBodyAs] : []),
    // The Customer & Chat binding (bind-customer.ts) sets these two objects.
    ...(config.customer.enabled ? ['customer'] : []),
    ...(webhookTriggerCanBindChat(config) ? ['chat'] : []),
  ],
  // The call's parts, then the paths this trigger already reads (so the user's own fields
  // are offered by name, the way the payload spells them).
  triggerFields: (config) => [
    ...WEBHOOK_CALL_FIELDS,
    ...config.mappings.map((mapping) => mapping.path),
    ...(config.events.path ? [config.events.path] : []),
    ...(config.customer.enabled ? CUSTOMER_VARIABLE_FIELDS : []),
    ...(webhookTriggerCanBindChat(config) ? CHAT_VARIABLE_FIELDS : []),
  ],
  validate: (config, { secrets }) => [
    ...webhookTriggerProblems(config),
    ...missingSecretProblems(config.security.auth, 'security.auth', secrets),
  ],
  initialConfig: () => ({ webhookId: newWebhookId() }),
  withFreshIds: (config) => ({ ...config, webhookId: newWebhookId() }),
  endpoint: {
    url: 'webhook-id',
    mode: 'start',
    urlId: (config) =>
      typeof config.webhookId === 'string' && config.webhookId !== ''
        ? config.webhookId
        : undefined,
    options: (config) => ({
      methods: config.methods,
      bodyLimitBytes: config.bodyLimitBytes,
      ...(config.requireContentType ? { requireContentType: config.requireContentType } : {}),
      security: config.security,
      idempotency: config.idempotency,
      response: config.response,
      bodyReads: bodyReadsOf(config),
    }),
  },
});
