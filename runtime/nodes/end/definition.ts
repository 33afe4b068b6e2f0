import { z } from 'zod';
import { defineNode } from '../../shared/node-definition';

export const endConfigSchema = z.object({});

export const endDefinition = defineNode({
  type: 'end',
  label: 'End',
  category: 'flow',
  description: 'Finishes the run.',
  icon: '■',
  configSchema: endConfigSchema,
  outputs: () => [],
  isTrigger: false,
  needsChat: false,
  summary: () => 'Ends the run',
});
