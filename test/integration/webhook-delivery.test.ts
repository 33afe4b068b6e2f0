// Delivery guarantees over HTTP: a repeated delivery (same idempotency key) gets the first
// response and starts no second run — also concurrently and after a restart; "respond when
// the flow finishes" answers with the chosen variables, or 504 while the run goes on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallPage } from '../../runtime/shared/calls';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import type { RunPage } from '../../runtime/shared/run';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { endNode, graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createPublishedFlow } from '../helpers/admin-api';

async function hook(rt: TestRuntime, config: Record<string, unknown>) {
  const trigger = webhookTriggerNode(config);
  const flow = await createPublishedFlow(rt, graphWith(trigger));
  return { flow, url: `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}` };
}

const deliver = (url: string, headers: Record<string, string>, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function runCount(rt: TestRuntime, flowId: string): Promise<number> {
  return (await json<RunPage>(await rt.api(`/api/runs?flowId=${flowId}&limit=200`))).runs.length;
}

describe('webhook delivery', () => {
  it('dedupes by header: the repeat gets the first response, one run, logged as a duplicate', async () => {
    const rt = await startTestRuntime();
    const { url, flow } = await hook(rt, { idempotency: { source: 'header', name: 'webhook-id' } });
    const first = await deliver(url, { 'webhook-id': 'msg_1' }, { n: 1 });
    assert.equal(first.status, 202);
    const firstBody = await json<{ runId: string }>(first);
    const repeat = await deliver(url, { 'webhook-id': 'msg_1' }, { n: 1 });
    assert.equal(repeat.status, 202);
    assert.deepEqual(await json(repeat), firstBody);
    const other = await deliver(url, { 'webhook-id': 'msg_2' }, { n: 2 });
    const otherBody = await json<{ runId: string }>(other);
    assert.notEqual(otherBody.runId, firstBody.runId);
    // Runs start after their 202: wait for both before counting.
    await waitForRun(rt, firstBody.runId);
    await waitForRun(rt, otherBody.runId);
    assert.equal(await runCount(rt, flow.id), 2);

    const log = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
    const duplicate = log.calls.find((call) => call.duplicateOf !== undefined);
    assert.ok(duplicate);
    assert.equal(duplicate.runId, undefined);
    assert.equal(
      duplicate.duplicateOf,
      log.calls.find((call) => call.runId === firstBody.runId)?.id,
    );
  });

  it('dedupes concurrent repeats, and by a body path (Stripe `id`), and after a restart', async () => {
    const rt = await startTestRuntime();
    const { url, flow } = await hook(rt, { idempotency: { source: 'body-path', name: 'body.id' } });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => deliver(url, {}, { id: 'evt_1', type: 'charge' })),
    );
    const bodies = await Promise.all(answers.map((response) => json<{ runId: string }>(response)));
    assert.ok(answers.every((response) => response.status === 202));
    assert.equal(new Set(bodies.map((body) => body.runId)).size, 1, 'one run for eight deliveries');
    await waitForRun(rt, bodies[0]?.runId ?? '');
    assert.equal(await runCount(rt, flow.id), 1);

    await rt.stop();
    const again = await startTestRuntime({ dataDir: rt.dataDir });
    const afterRestart = await deliver(
      url.replace(rt.public, again.public),
      {},
      { id: 'evt_1', type: 'charge' },
    );
    assert.equal(afterRestart.status, 202);
    assert.deepEqual(await json(afterRestart), bodies[0], 'the key index survives a restart');
    assert.equal(await runCount(again, flow.id), 1);
  });

  it('respond when finished: 200 with the chosen variables', async () => {
    const rt = await startTestRuntime();
    const { url } = await hook(rt, {
      mappings: [{ path: 'body.user.name', variable: 'customer_name' }],
      response: {
        mode: 'when-finished',
        variables: ['customer_name', 'missing'],
        timeoutSeconds: 5,
      },
    });
    const response = await deliver(url, {}, { user: { name: 'Ana' } });
    assert.equal(response.status, 200);
    const body = await json<{ runId: string; variables: Record<string, unknown> }>(response);
    assert.deepEqual(body.variables, { customer_name: 'Ana', missing: null });
    assert.equal((await waitForRun(rt, body.runId)).status, 'completed');
  });

  it('respond when finished: 504 after the timeout while the run goes on', async () => {
    const rt = await startTestRuntime();
    const trigger = webhookTriggerNode({
      response: { mode: 'when-finished', variables: [], timeoutSeconds: 1 },
    });
    const graph: DraftGraph = {
      nodes: [
        trigger,
        {
          id: 'n_wait',
          type: 'delay',
          position: { x: 1, y: 1 },
          data: { config: { amount: 1, unit: 'hours' } },
        },
        endNode(),
      ],
      edges: [
        { id: 'e_1', source: 'n_hook', sourceHandle: 'next', target: 'n_wait' },
        { id: 'e_2', source: 'n_wait', sourceHandle: 'next', target: 'n_end' },
      ],
      variables: [],
    };
    await createPublishedFlow(rt, graph);
    const url = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
    const response = await deliver(url, {}, { a: 1 });
    assert.equal(response.status, 504);
    const body = await json<{ error: { code: string; details: { runId: string } } }>(response);
    assert.equal(body.error.code, 'run_timeout');
    const run = await waitForRun(rt, body.error.details.runId);
    assert.equal(run.status, 'waiting', 'the run goes on');
  });
});
