import { z } from 'zod';
import { requireFilled, templateProblems } from '../../shared/node-checks';
import { defaultOutput, defineNode } from '../../shared/node-definition';

export const sendMessageConfigSchema = z.object({
  /** A template: `Hello {{name}}`. */
  text: z.string().max(4096, 'Keep the message under 4096 characters').default(''),
});

export const sendMessageDefinition = defineNode({
  type: 'send-message',
  label: 'Send message',
  category: 'messaging',
  description: 'Sends a text message to the person in the chat.',
  icon: '✉',
  configSchema: sendMessageConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: false,
  needsChat: true,
  fieldLabels: { text: 'Message' },
  // A message sent twice after a crash is better than a conversation that dies.
  sideEffects: 'repeatable',
  summary: (config) => (config.text.trim() === '' ? 'No message yet' : config.text),
  validate: (config) => [
    ...requireFilled(config.text, 'text', 'Write the message'),
    ...templateProblems(config.text, 'text'),
  ],
});
