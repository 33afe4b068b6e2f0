// A chat node in a flow that can only run headless (issue 10, 5.5), through a real runtime
// over HTTP: Publish says so in its warnings (and still publishes), the webhook's run
// records the skipped step, and the runs API finds such runs with `chatSkipped=true`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import type { PublishResult } from '../../runtime/shared/publishing';
import type { RunPage } from '../../runtime/shared/run';
import { json, startTestRuntime } from '../helpers/test-runtime';
import { endNode, webhookTriggerNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createFlow } from '../helpers/admin-api';

const hook = webhookTriggerNode();
const draft: DraftGraph = {
  nodes: [
    hook,
    {
      id: 'n_hello',
      type: 'send-message',
      position: { x: 200, y: 0 },
      data: { label: 'Say hello', config: { text: 'Hello!' } },
    },
    endNode(),
  ],
  edges: [
    { id: 'e_1', source: hook.id, sourceHandle: 'next', target: 'n_hello' },
    { id: 'e_2', source: 'n_hello', sourceHandle: 'next', target: 'n_end' },
  ],
  variables: [],
};

describe('a chat node in a headless-only flow', () => {
  it('publishes with a warning, and its runs are found as "chat steps skipped"', async () => {
    const rt = await startTestRuntime();
    const flow = await createFlow(rt, draft);
    const response = await rt.api(`/api/flows/${flow.id}/publish`, { method: 'POST', json: {} });
    assert.equal(response.status, 200, 'a warning does not block publishing');
    const { warnings } = await json<PublishResult>(response);
    const warning = warnings.find((item) => item.code === 'chat_node_headless');
    assert.equal(warning?.nodeId, 'n_hello');
    assert.equal(warning?.severity, 'warning');
    assert.match(warning?.message ?? '', /^"Say hello" — Skipped in every run: only "Orders"/);

    const webhookId = String(hook.data.config.webhookId);
    const call = await fetch(`${rt.public}/webhooks/flow/${webhookId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    assert.equal(call.status, 202);
    const { runId } = (await call.json()) as { runId: string };
    const run = await waitForRun(rt, runId);
    assert.equal(run.status, 'completed');
    assert.equal(run.chatSkipped, 1);
    assert.deepEqual(run.endNode, { nodeId: 'n_end', name: 'End' });

    const skipped = await json<RunPage>(
      await rt.api(`/api/runs?flowId=${flow.id}&chatSkipped=true`),
    );
    assert.deepEqual(
      skipped.runs.map((item) => [item.id, item.chatSkipped]),
      [[runId, 1]],
    );
    const clean = await json<RunPage>(
      await rt.api(`/api/runs?flowId=${flow.id}&chatSkipped=false`),
    );
    assert.deepEqual(clean.runs, []);

    const bad = await rt.api('/api/runs?chatSkipped=maybe');
    assert.equal(bad.status, 400);
    const body = await json<{ error: { code: string; message: string } }>(bad);
    assert.equal(body.error.code, 'invalid_input');
    assert.match(body.error.message, /chatSkipped/);
  });
});
