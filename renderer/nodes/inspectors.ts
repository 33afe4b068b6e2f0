// One inspector per node type. The `satisfies` makes a node type without an inspector a
// compile error (DESIGN.md "A node type is defined once").
import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { AnyNodeDefinition, NodeType } from '../../runtime/nodes/definitions';
import { EndInspector } from './end/Inspector';
import type { InspectorProps } from './inspector-props';
import { StartInspector } from './start/Inspector';
import { WebhookTriggerInspector } from './webhook-trigger/Inspector';

type InspectorFor<K extends NodeType> = ComponentType<
  InspectorProps<Extract<AnyNodeDefinition, { type: K }>['configSchema'] & z.ZodType>
>;

export const inspectors = {
  start: StartInspector,
  'webhook-trigger': WebhookTriggerInspector,
  end: EndInspector,
} satisfies { [K in NodeType]: InspectorFor<K> };
