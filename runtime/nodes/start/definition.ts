import { z } from 'zod';
import { defaultOutput, defineNode } from '../../shared/node-definition';

export const startConfigSchema = z.object({
  triggerType: z.enum(['manual', 'webhook']).default('manual'),
});

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
  sideEffects: 'none',
  summary: (config) => (config.triggerType === 'webhook' ? 'Trigger: webhook' : 'Trigger: manual'),
});
