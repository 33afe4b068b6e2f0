import { z } from 'zod';
import { defaultOutput, defineNode } from '../../shared/node-definition';

export const delayUnits = ['seconds', 'minutes', 'hours', 'days'] as const;
export type DelayUnit = (typeof delayUnits)[number];

const unitMs: Record<DelayUnit, number> = {
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

export const MAX_DELAY_MS = 30 * unitMs.days;

export function delayMs(config: { amount: number; unit: DelayUnit }): number {
  return config.amount * unitMs[config.unit];
}

export const delayConfigSchema = z
  .object({
    amount: z.number().finite().min(0, 'Use 0 or more').default(1),
    unit: z.enum(delayUnits).default('minutes'),
  })
  .refine((config) => delayMs(config) <= MAX_DELAY_MS, {
    path: ['amount'],
    message: 'Wait at most 30 days',
  });

export const delayDefinition = defineNode({
  type: 'delay',
  label: 'Delay',
  category: 'flow',
  description: 'Waits for a while (up to 30 days), then continues. Survives restarts.',
  icon: '◷',
  configSchema: delayConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: false,
  needsChat: false,
  fieldLabels: { amount: 'Wait', unit: 'Unit' },
  sideEffects: 'none',
  summary: (config) => `Waits ${config.amount} ${config.unit}`,
});
