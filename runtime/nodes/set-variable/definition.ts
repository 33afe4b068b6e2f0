import { z } from 'zod';
import { tryParsePath } from '../../paths';
import { requireFilled, templateProblems } from '../../shared/node-checks';
import { defaultOutput, defineNode } from '../../shared/node-definition';
import { optionalVariableNameSchema } from '../../shared/variable-name';

export const setVariableConfigSchema = z.object({
  variable: optionalVariableNameSchema.default(''),
  /** `value`: a template (`{{body.total}}` alone keeps its type); `path`: read from the run. */
  source: z.enum(['value', 'path']).default('value'),
  value: z.string().max(10_000, 'Keep the value under 10000 characters').default(''),
  path: z.string().max(500).default(''),
});

export const setVariableDefinition = defineNode({
  type: 'set-variable',
  label: 'Set variable',
  category: 'data',
  description: 'Stores a value, or something read from the payload, in a variable.',
  icon: '≔',
  configSchema: setVariableConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: false,
  needsChat: false,
  fieldLabels: { variable: 'Variable', source: 'Set it to', value: 'Value', path: 'Path' },
  sideEffects: 'none',
  summary: (config) =>
    config.variable === ''
      ? 'No variable yet'
      : `${config.variable} = ${config.source === 'path' ? config.path : config.value}`,
  variablesWritten: (config) => (config.variable === '' ? [] : [config.variable]),
  variablesRead: (config) =>
    config.source === 'path' && tryParsePath(config.path).ok ? [config.path] : [],
  validate: (config) => {
    const problems = requireFilled(config.variable, 'variable', 'Choose a variable');
    if (config.source === 'value') return [...problems, ...templateProblems(config.value, 'value')];
    const parsed = tryParsePath(config.path);
    return parsed.ok ? problems : [...problems, { field: 'path', message: parsed.message }];
  },
});
