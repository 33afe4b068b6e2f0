// A test node definition whose outputs depend on its config, shaped like the webhook
// trigger's events (seed 001: one orange handle per case plus a gray "else"). No real
// node type like it exists yet; it lets the canvas's edge pruning be tested now.
import { z } from 'zod';
import { defineNode, type OutputHandle } from '../../../../runtime/shared/node-definition';

const eventsSchema = z.object({
  cases: z
    .array(z.object({ id: z.string().min(1), value: z.string().min(1, 'Name the event') }))
    .default([]),
});

export const eventsDefinition = defineNode({
  type: 'test-events',
  label: 'Events',
  category: 'logic',
  description: 'Routes by event',
  icon: 'E',
  configSchema: eventsSchema,
  outputs: (config) => [
    ...config.cases.map((c): OutputHandle => ({ id: c.id, label: c.value, kind: 'case' })),
    { id: 'else', label: 'Else', kind: 'else' },
  ],
  isTrigger: false,
  needsChat: false,
  sideEffects: 'none',
  summary: (config) => `${config.cases.length} cases`,
});
