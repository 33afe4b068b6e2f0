// One inspector per node type. The `satisfies` makes a node type without an inspector a
// compile error (DESIGN.md "A node type is defined once").
import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { AnyNodeDefinition, NodeType } from '../../runtime/nodes/definitions';
import { ApiEventInspector } from './api-event/Inspector';
import { ButtonsInspector } from './buttons/Inspector';
import { CollectInputInspector } from './collect-input/Inspector';
import { ConditionInspector } from './condition/Inspector';
import { DelayInspector } from './delay/Inspector';
import { EndInspector } from './end/Inspector';
import { HttpRequestInspector } from './http-request/Inspector';
import type { InspectorProps } from './inspector-props';
import { JumpInspector } from './jump/Inspector';
import { SendMessageInspector } from './send-message/Inspector';
import { SetVariableInspector } from './set-variable/Inspector';
import { StartInspector } from './start/Inspector';
import { WaitForWebhookInspector } from './wait-for-webhook/Inspector';
import { WebhookTriggerInspector } from './webhook-trigger/Inspector';

type InspectorFor<K extends NodeType> = ComponentType<
  InspectorProps<Extract<AnyNodeDefinition, { type: K }>['configSchema'] & z.ZodType>
>;

export const inspectors = {
  start: StartInspector,
  'webhook-trigger': WebhookTriggerInspector,
  'api-event': ApiEventInspector,
  'send-message': SendMessageInspector,
  'collect-input': CollectInputInspector,
  buttons: ButtonsInspector,
  condition: ConditionInspector,
  'set-variable': SetVariableInspector,
  'http-request': HttpRequestInspector,
  delay: DelayInspector,
  'wait-for-webhook': WaitForWebhookInspector,
  jump: JumpInspector,
  end: EndInspector,
} satisfies { [K in NodeType]: InspectorFor<K> };
