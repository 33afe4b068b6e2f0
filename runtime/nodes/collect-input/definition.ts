import { z } from 'zod';
import { requireFilled, templateProblems } from '../../shared/node-checks';
import { defineNode } from '../../shared/node-definition';
import { optionalVariableNameSchema } from '../../shared/variable-name';

export const inputValidations = ['text', 'number', 'email', 'phone'] as const;
export type InputValidation = (typeof inputValidations)[number];

export const collectInputConfigSchema = z.object({
  /** The question, a template. */
  prompt: z.string().max(4096, 'Keep the question under 4096 characters').default(''),
  /** Where the answer is stored (a number is stored as a number). */
  variable: optionalVariableNameSchema.default(''),
  validation: z.enum(inputValidations).default('text'),
  retryMessage: z
    .string()
    .max(1000, 'Keep the message under 1000 characters')
    .default("That doesn't look right. Please try again."),
  /** Wrong answers allowed after the first; one more leaves through `failure`. */
  maxRetries: z.number().int().min(0).max(10).default(2),
});

export const collectInputDefinition = defineNode({
  type: 'collect-input',
  label: 'Collect input',
  category: 'messaging',
  description: 'Asks a question, checks the reply (text, number, email, phone) and stores it.',
  icon: '✎',
  configSchema: collectInputConfigSchema,
  outputs: () => [
    { id: 'next', label: 'Answered', kind: 'default' },
    { id: 'failure', label: 'Too many retries', kind: 'failure' },
  ],
  isTrigger: false,
  needsChat: true,
  fieldLabels: {
    prompt: 'Question',
    variable: 'Save the answer in',
    validation: 'Expect',
    retryMessage: 'When the answer does not fit',
    maxRetries: 'Retries before giving up',
  },
  sideEffects: 'repeatable',
  summary: (config) =>
    config.variable ? `Asks for ${config.validation} → ${config.variable}` : 'Asks a question',
  variablesWritten: (config) => (config.variable === '' ? [] : [config.variable]),
  validate: (config) => [
    ...requireFilled(config.prompt, 'prompt', 'Write the question'),
    ...templateProblems(config.prompt, 'prompt'),
    ...requireFilled(config.variable, 'variable', 'Choose the variable that stores the answer'),
    ...templateProblems(config.retryMessage, 'retryMessage'),
  ],
});
