import { z } from 'zod';
import { defineNode } from '../../shared/node-definition';
import { variableNameSchema } from '../../shared/variable-name';

export const endConfigSchema = z.object({
  /** The variables that become the run's output (what "respond when the flow finishes" returns). */
  result: z
    .array(variableNameSchema)
    .max(50, 'Choose at most 50 variables')
    .refine((names) => new Set(names).size === names.length, 'A variable is listed twice')
    .default([]),
});

export const endDefinition = defineNode({
  type: 'end',
  label: 'End',
  category: 'flow',
  description: 'Finishes the run, optionally with some variables as its result.',
  icon: '■',
  configSchema: endConfigSchema,
  outputs: () => [],
  isTrigger: false,
  needsChat: false,
  fieldLabels: { result: 'Result variables', 'result[]': 'Result variable #' },
  sideEffects: 'none',
  variablesRead: (config) => config.result,
  summary: (config) =>
    config.result.length === 0 ? 'Ends the run' : `Result: ${config.result.join(', ')}`,
});
