// The list of every node type. Adding a type here makes the flow schema accept it and
// makes `executors.ts` and the renderer's `inspectors.ts` fail to compile until it has both.
import { apiEventDefinition } from './api-event/definition';
import { buttonsDefinition } from './buttons/definition';
import { collectInputDefinition } from './collect-input/definition';
import { conditionDefinition } from './condition/definition';
import { delayDefinition } from './delay/definition';
import { endDefinition } from './end/definition';
import { httpRequestDefinition } from './http-request/definition';
import { jumpDefinition } from './jump/definition';
import { sendMessageDefinition } from './send-message/definition';
import { setVariableDefinition } from './set-variable/definition';
import { startDefinition } from './start/definition';
import { waitForWebhookDefinition } from './wait-for-webhook/definition';
import { webhookTriggerDefinition } from './webhook-trigger/definition';

export const nodeDefinitions = [
  startDefinition,
  webhookTriggerDefinition,
  apiEventDefinition,
  sendMessageDefinition,
  collectInputDefinition,
  buttonsDefinition,
  conditionDefinition,
  setVariableDefinition,
  httpRequestDefinition,
  delayDefinition,
  waitForWebhookDefinition,
  jumpDefinition,
  endDefinition,
] as const;

export type AnyNodeDefinition = (typeof nodeDefinitions)[number];
export type NodeType = AnyNodeDefinition['type'];

export const nodeTypes = nodeDefinitions.map((definition) => definition.type) as [
  NodeType,
  ...NodeType[],
];

const byType = new Map<string, AnyNodeDefinition>(
  nodeDefinitions.map((definition) => [definition.type, definition]),
);

export function findNodeDefinition(type: string): AnyNodeDefinition | undefined {
  return byType.get(type);
}
