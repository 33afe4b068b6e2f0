// Flows with an HTTP Request node, for its integration tests and its benchmark: a Webhook
// Trigger → HTTP Request → an End on `success` and another on `failed`, and a way to send
// the node's Test Request through the admin API.
import assert from 'node:assert/strict';
import type { DraftGraph, DraftNode } from '../../runtime/shared/flow-document';
import type { HttpTestRequestResult } from '../../runtime/shared/http-test-request';
import { httpTestRequestPath } from '../../runtime/shared/http-test-request';
import { json, type TestRuntime } from './test-runtime';
import { endNode, webhookTriggerNode } from './webhook-flows';

export const HTTP_NODE = 'n_http';

export function httpNode(config: Record<string, unknown>, id = HTTP_NODE): DraftNode {
  return {
    id,
    type: 'http-request',
    position: { x: 100, y: 0 },
    data: { label: 'Call the API', config },
  };
}

/** Webhook → HTTP Request → End (success) / End (failed); the trigger maps `body.*`. */
export function httpFlow(
  config: Record<string, unknown>,
  mappings: { path: string; variable: string }[] = [],
): { graph: DraftGraph; webhookId: string } {
  const trigger = webhookTriggerNode({ mappings });
  const graph: DraftGraph = {
    nodes: [trigger, httpNode(config), endNode('n_ok'), endNode('n_failed')],
    edges: [
      { id: 'e1', source: trigger.id, sourceHandle: 'next', target: HTTP_NODE },
      { id: 'e2', source: HTTP_NODE, sourceHandle: 'success', target: 'n_ok' },
      { id: 'e3', source: HTTP_NODE, sourceHandle: 'failed', target: 'n_failed' },
    ],
    variables: [],
  };
  return { graph, webhookId: String(trigger.data.config.webhookId) };
}

/** Sends the node's Test Request; asserts the API answered 200. */
export async function testRequest(
  rt: Pick<TestRuntime, 'api'>,
  flowId: string,
  body: { config?: Record<string, unknown>; sample?: Record<string, unknown> },
  nodeId = HTTP_NODE,
): Promise<HttpTestRequestResult> {
  const response = await rt.api(httpTestRequestPath(flowId, nodeId), {
    method: 'POST',
    json: body,
  });
  assert.equal(response.status, 200, await response.clone().text());
  return json<HttpTestRequestResult>(response);
}
