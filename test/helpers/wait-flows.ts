// Flows with a Wait for webhook node (seed 003's payment callback), for its integration
// tests: a manual Start → an HTTP Request that sends the run's `conversation_key` to a
// local "payment provider" → Wait for webhook → an End on Success (`paid`) and another on
// Failure (`unpaid`). The provider is a real server on loopback; the calls back to the
// node's URL are real calls to the public listener.
import assert from 'node:assert/strict';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import type { Run } from '../../runtime/shared/run';
import { webhookPaths } from '../../runtime/shared/webhook-trigger';
import { graph } from './engine';
import { json, type TestRuntime } from './test-runtime';
import { waitForRun } from './poll';

export const WAIT_NODE = 'w';

/** `wait`: the node's config (timeout 300 s and one mapping unless given). */
export function paymentFlow(payUrl: string, wait: Record<string, unknown> = {}): DraftGraph {
  return graph(
    [
      ['s', 'start'],
      [
        'pay',
        'http-request',
        {
          method: 'POST',
          url: payUrl,
          body: {
            kind: 'json',
            text: '{ "conversation_key": "{{conversation_key}}", "amount": 10 }',
          },
          allowPrivateNetwork: true,
        },
      ],
      [
        WAIT_NODE,
        'wait-for-webhook',
        {
          timeoutSeconds: 300,
          mappings: [{ path: 'body.status', variable: 'payment_status' }],
          ...wait,
        },
      ],
      ['paid', 'end'],
      ['unpaid', 'end'],
      ['not_sent', 'end'],
    ],
    [
      ['s', 'next', 'pay'],
      ['pay', 'success', WAIT_NODE],
      ['pay', 'failed', 'not_sent'],
      [WAIT_NODE, 'success', 'paid'],
      [WAIT_NODE, 'failure', 'unpaid'],
    ],
  );
}

/**
 * Starts a manual run of the published flow; resolves once it is no longer running: it
 * waits at the node (or, with a 1 s timeout on a busy machine, may already be past it).
 */
export async function startWaitingRun(rt: TestRuntime, flowId: string): Promise<Run> {
  const started = await rt.api(`/api/flows/${flowId}/runs`, { method: 'POST', json: {} });
  assert.equal(started.status, 201, await started.clone().text());
  const { id } = await json<Run>(started);
  return waitForRun(rt, id);
}

/** The node's callback URL on the public listener. */
export function callbackUrl(rt: Pick<TestRuntime, 'public'>, flowId: string, nodeId = WAIT_NODE) {
  return `${rt.public}${webhookPaths.callNode(flowId, nodeId)}`;
}

/** A JSON POST to the callback URL. */
export function callBack(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { reason?: string } };
}
