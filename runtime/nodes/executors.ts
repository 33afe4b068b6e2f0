// One executor per node type. The `satisfies` makes a node type without an executor a
// compile error (DESIGN.md "A node type is defined once").
import type { ConfigOf, Executor } from '../engine/executor';
import type { NodeType } from './definitions';
import { apiEventExecutor } from './api-event/execute';
import { buttonsExecutor } from './buttons/execute';
import { collectInputExecutor } from './collect-input/execute';
import { conditionExecutor } from './condition/execute';
import { delayExecutor } from './delay/execute';
import { endExecutor } from './end/execute';
import { httpRequestExecutor } from './http-request/execute';
import { jumpExecutor } from './jump/execute';
import { sendMessageExecutor } from './send-message/execute';
import { setVariableExecutor } from './set-variable/execute';
import { startExecutor } from './start/execute';
import { waitForWebhookExecutor } from './wait-for-webhook/execute';
import { webhookTriggerExecutor } from './webhook-trigger/execute';

export const executors = {
  start: startExecutor,
  'webhook-trigger': webhookTriggerExecutor,
  'api-event': apiEventExecutor,
  'send-message': sendMessageExecutor,
  'collect-input': collectInputExecutor,
  buttons: buttonsExecutor,
  condition: conditionExecutor,
  'set-variable': setVariableExecutor,
  'http-request': httpRequestExecutor,
  delay: delayExecutor,
  'wait-for-webhook': waitForWebhookExecutor,
  jump: jumpExecutor,
  end: endExecutor,
} satisfies { [K in NodeType]: Executor<ConfigOf<K>> };

/**
 * The executor for a type known only at run time. The engine passes it the config parsed
 * by the same type's schema, which is what makes the widening safe.
 */
export function executorFor(type: NodeType): Executor<unknown> {
  return executors[type] as Executor<unknown>;
}
