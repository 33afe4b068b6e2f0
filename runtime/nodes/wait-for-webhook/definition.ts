// Wait for webhook (seed 003's "Webhook" action block): the run pauses here until a third
// party (a payment provider) calls the node's URL with the run's `conversation_key`, then
// continues on Success with the call mapped into variables, or on Failure once the timeout
// (1–300 s) passes. The key is issued by the engine and is in a variable from the run's
// start, so the flow can send it out first (an HTTP Request body, a chat message): the
// seed's JavaScript that cut it out of a URL is not needed. The URL and its security are
// the ingress's, like the Webhook Trigger's (runtime/shared/node-endpoint.ts).
import { z } from 'zod';
import { tryParsePath } from '../../paths';
import { defineNode, type OutputHandle } from '../../shared/node-definition';
import type { NodeConfigProblem } from '../../shared/node-validation';
import { GRAPH_PROBLEM_CODES } from '../../shared/problem-codes';
import { variableNameSchema } from '../../shared/variable-name';
import { webhookFieldLabels } from '../../shared/webhook-field-labels';
import {
  describeWebhookAuth,
  missingSecretProblems,
  webhookSecuritySchema,
} from '../../shared/webhook-security';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  webhookMethodsSchema,
  webhookResponseSchema,
} from '../../shared/webhook-trigger';
import type { EndpointCall } from '../../shared/node-endpoint';
import { webhookMappingSchema } from '../webhook-trigger/definition';

/** The field a caller sends the key in (seed 003: "mandatory … conversation_key"). */
export const CONVERSATION_KEY_FIELD = 'conversation_key';
export const MIN_WAIT_SECONDS = 1;
export const MAX_WAIT_SECONDS = 300;
/** Seed 003: "You can map a maximum of 50 variables." */
export const MAX_WAIT_MAPPINGS = 50;
export const WAIT_SUCCESS = 'success';
export const WAIT_FAILURE = 'failure';

export const waitForWebhookConfigSchema = z.object({
  timeoutSeconds: z
    .number()
    .int('Use whole seconds')
    .min(MIN_WAIT_SECONDS, `Wait at least ${MIN_WAIT_SECONDS} second`)
    .max(MAX_WAIT_SECONDS, `Wait at most ${MAX_WAIT_SECONDS} seconds`)
    .default(60),
  /** Holds the key for this node's next wait from the run's start (the engine sets it). */
  keyVariable: variableNameSchema.default(CONVERSATION_KEY_FIELD),
  methods: webhookMethodsSchema.default(['POST']),
  /** Paths over the call (`body.payment.status`, `query.ref`) → variables, on Success. */
  mappings: z
    .array(webhookMappingSchema)
    .max(MAX_WAIT_MAPPINGS, `Map at most ${MAX_WAIT_MAPPINGS} variables`)
    .default([]),
  /** Saves the whole parsed body of the call into this variable. */
  saveFullBodyAs: variableNameSchema.optional(),
  /** The Webhook Trigger's authentication and allowlists, checked before any resume. */
  security: webhookSecuritySchema.prefault({}),
});
export type WaitForWebhookConfig = z.infer<typeof waitForWebhookConfigSchema>;

const outputs: OutputHandle[] = [
  { id: WAIT_SUCCESS, label: 'Success', kind: 'default' },
  { id: WAIT_FAILURE, label: 'Failure', kind: 'failure' },
];

/**
 * The key a call carries: a JSON or form body field, else a query parameter. Only text
 * counts (a key is never a number or an object).
 */
export function conversationKeyOf(call: EndpointCall): string | undefined {
  const { body, query } = call;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const value: unknown = (body as Record<string, unknown>)[CONVERSATION_KEY_FIELD];
    if (typeof value === 'string' && value !== '') return value;
  }
  const value = query[CONVERSATION_KEY_FIELD];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function waitProblems(
  config: WaitForWebhookConfig,
  graph: {
    nodes: readonly { id: string; type: string; data: { config: Record<string, unknown> } }[];
  },
  nodeId: string,
): NodeConfigProblem[] {
  const problems: NodeConfigProblem[] = [];
  config.mappings.forEach((mapping, index) => {
    const parsed = tryParsePath(mapping.path);
    if (!parsed.ok) {
      problems.push({
        field: `mappings[${index}].path`,
        message: `"${mapping.path}" is not a valid path: ${parsed.message}`,
        code: GRAPH_PROBLEM_CODES.invalidPath,
      });
    }
    if (mapping.variable === config.keyVariable) {
      problems.push({
        field: `mappings[${index}].variable`,
        message: `"${config.keyVariable}" holds this node's key; map into another variable`,
      });
    }
  });
  if (config.saveFullBodyAs === config.keyVariable) {
    problems.push({
      field: 'saveFullBodyAs',
      message: `"${config.keyVariable}" holds this node's key; save the body under another name`,
    });
  }
  // Two nodes' keys in one variable: the second would overwrite the first's at the start.
  const other = graph.nodes.find(
    (node) =>
      node.id !== nodeId &&
      node.type === 'wait-for-webhook' &&
      (node.data.config.keyVariable ?? CONVERSATION_KEY_FIELD) === config.keyVariable,
  );
  if (other) {
    problems.push({
      field: 'keyVariable',
      message: `Another Wait for webhook node keeps its key in "${config.keyVariable}" too; give each its own variable`,
    });
  }
  return problems;
}

export const waitForWebhookDefinition = defineNode({
  type: 'wait-for-webhook',
  label: 'Wait for webhook',
  category: 'integration',
  description:
    'Pauses the run until a third party (a payment provider) calls back with the run’s conversation_key, or a timeout passes.',
  icon: '↩',
  configSchema: waitForWebhookConfigSchema,
  outputs: () => outputs,
  isTrigger: false,
  needsChat: false,
  fieldLabels: {
    ...webhookFieldLabels,
    timeoutSeconds: 'Timeout',
    keyVariable: 'Key variable',
    mappings: 'Response mapping',
    'mappings[]': 'Mapping #',
    'mappings[].path': 'Mapping # path',
    'mappings[].variable': 'Mapping # variable',
    saveFullBodyAs: 'Body variable',
  },
  // Waiting again after a crash waits on the same key (the pass has not changed).
  sideEffects: 'none',
  summary: (config) =>
    [
      `Waits up to ${config.timeoutSeconds} s`,
      config.security.auth.type === 'public'
        ? undefined
        : describeWebhookAuth(config.security.auth),
    ]
      .filter(Boolean)
      .join(' · '),
  variablesWritten: (config) => [
    config.keyVariable,
    ...config.mappings.map((mapping) => mapping.variable),
    ...(config.saveFullBodyAs ? [config.saveFullBodyAs] : []),
  ],
  validate: (config, { graph, nodeId, secrets }) => [
    ...waitProblems(config, graph, nodeId),
    ...missingSecretProblems(config.security.auth, 'security.auth', secrets),
  ],
  endpoint: {
    url: 'call-node',
    mode: 'resume',
    issuedKeyVariable: (config) => config.keyVariable,
    options: (config) => ({
      methods: config.methods,
      bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
      security: config.security,
      response: webhookResponseSchema.parse({}),
      // The call is the resume event's payload, kept whole.
      bodyReads: { reads: [], wholeBody: true },
      resumeBy: {
        correlation: conversationKeyOf,
        hint: `send the run's key as "${CONVERSATION_KEY_FIELD}": a JSON body field, a form field or a query parameter (?${CONVERSATION_KEY_FIELD}=…).`,
      },
    }),
  },
});
