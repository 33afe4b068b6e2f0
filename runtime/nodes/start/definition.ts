import { z } from 'zod';
import { defaultOutput, defineNode } from '../../shared/node-definition';
import { webhookFieldLabels } from '../../shared/webhook-field-labels';
import { missingSecretProblems, webhookSecuritySchema } from '../../shared/webhook-security';
import {
  bodyLimitBytesSchema,
  webhookMethodsSchema,
  webhookResponseSchema,
} from '../../shared/webhook-trigger';

export const startConfigSchema = z.object({
  triggerType: z.enum(['manual', 'webhook']).default('manual'),
  // Used when triggerType is `webhook` (seed 000: `/api/call_node/{flowId}/{nodeId}`).
  // Optional rather than defaulted, so a manual Start's config stays `{ triggerType }`;
  // the ingress applies START_WEBHOOK_DEFAULTS.
  methods: webhookMethodsSchema.optional(),
  security: webhookSecuritySchema.optional(),
  bodyLimitBytes: bodyLimitBytesSchema.optional(),
});
export type StartConfig = z.infer<typeof startConfigSchema>;

/** Seed 000: "Use POST or GET method depending on integration requirements". */
export const START_WEBHOOK_DEFAULTS = {
  methods: ['GET', 'POST'],
  bodyLimitBytes: 1024 * 1024,
} as const;

export const startDefinition = defineNode({
  type: 'start',
  label: 'Start',
  category: 'trigger',
  description: 'Where a run begins: by hand (test chat) or by a call to its webhook URL.',
  icon: '▶',
  configSchema: startConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: true,
  needsChat: false,
  // Manual: the test chat talks to it. Webhook: its chat URL binds a chat (seed 000,
  // `…/call_node/{flowId}/{nodeId}/{channel}/{chatId}`).
  canBindChat: () => true,
  fieldLabels: { triggerType: 'Trigger type', ...webhookFieldLabels },
  sideEffects: 'none',
  summary: (config) => (config.triggerType === 'webhook' ? 'Trigger: webhook' : 'Trigger: manual'),
  validate: (config, { secrets }) =>
    config.triggerType === 'webhook' && config.security
      ? missingSecretProblems(config.security.auth, 'security.auth', secrets)
      : [],
  // Seed 000: "Request data is available in the scenario context (parameters, request body)".
  triggerFields: (config) =>
    config.triggerType === 'webhook' ? ['body', 'query', 'params', 'headers', 'ip', 'method'] : [],
  // Seed 000: `/api/call_node/{flowId}/{nodeId}`, only when the trigger type is Webhook.
  endpoint: {
    url: 'call-node',
    mode: 'start',
    declared: (config) => config.triggerType === 'webhook',
    options: (config) => ({
      methods: config.methods ?? START_WEBHOOK_DEFAULTS.methods,
      bodyLimitBytes: config.bodyLimitBytes ?? START_WEBHOOK_DEFAULTS.bodyLimitBytes,
      security: webhookSecuritySchema.parse(config.security ?? {}),
      response: webhookResponseSchema.parse({}),
      // A Start node reads nothing of the call itself: later nodes may, through `body`.
      bodyReads: { reads: [], wholeBody: false },
    }),
  },
});
