// A node endpoint in `resume` mode (issue 11, seam 1): a call continues the run waiting for
// it instead of starting one, through the same ingress as every webhook. No shipped node
// declares such an endpoint yet (Wait for webhook will), so the test gives the Delay type
// one through RuntimeOptions.endpoints, and turns a Delay's wait into a `webhook` wait in
// the run log of the stopped runtime — the state that node's executor will ask for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointCatalog } from '../../runtime/ingress/endpoints';
import { delayDefinition } from '../../runtime/nodes/delay/definition';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import type { CallDetails, CallPage } from '../../runtime/shared/calls';
import type { NodeDefinition } from '../../runtime/shared/node-definition';
import { resumeWaitKey, type NodeEndpoint } from '../../runtime/shared/node-endpoint';
import type { Run } from '../../runtime/shared/run';
import { webhookSecuritySchema } from '../../runtime/shared/webhook-security';
import { webhookResponseSchema } from '../../runtime/shared/webhook-trigger';
import { asWebhookWait, writeCrashState } from '../helpers/crash-state';
import { graph } from '../helpers/engine';
import { createPublishedFlow } from '../helpers/admin-api';
import { waitForRun } from '../helpers/poll';
import { json, startTestRuntime } from '../helpers/test-runtime';

/** Seed 003: the caller returns the `conversation_key` it was given in the payload. */
const resumeEndpoint: NodeEndpoint<unknown> = {
  url: 'call-node',
  mode: 'resume',
  options: () => ({
    methods: ['POST'],
    bodyLimitBytes: 64 * 1024,
    security: webhookSecuritySchema.parse({}),
    response: webhookResponseSchema.parse({}),
    bodyReads: { reads: [], wholeBody: true },
    resumeBy: {
      correlation: ({ body }) => {
        const key = (body as { conversation_key?: unknown } | undefined)?.conversation_key;
        return typeof key === 'string' ? key : undefined;
      },
      hint: 'send {"conversation_key": "…"} in the JSON body.',
    },
  }),
};

const endpoints = endpointCatalog((type) =>
  type === 'delay'
    ? ({ ...delayDefinition, endpoint: resumeEndpoint } as NodeDefinition)
    : findNodeDefinition(type),
);

const waitsThenEnds = graph(
  [
    ['s', 'start'],
    ['w', 'delay', { amount: 1, unit: 'days' }],
    ['e', 'end'],
  ],
  [
    ['s', 'next', 'w'],
    ['w', 'next', 'e'],
  ],
);

describe('a resume endpoint', () => {
  it('continues the waiting run with the call, refuses calls naming no waiting run, and logs both', async () => {
    // A run waiting at `w`, then the runtime stopped with that wait made a webhook wait.
    const first = await startTestRuntime();
    const flow = await createPublishedFlow(first, waitsThenEnds);
    const started = await first.api(`/api/flows/${flow.id}/runs`, { method: 'POST', json: {} });
    assert.equal(started.status, 201, await started.clone().text());
    const runId = (await json<Run>(started)).id;
    await waitForRun(first, runId, (run) => run.status === 'waiting');
    await first.stop();
    await writeCrashState(
      first.dataDir,
      asWebhookWait('w', resumeWaitKey(flow.id, 'w', 'conv_1')),
      runId,
    );

    const rt = await startTestRuntime({ dataDir: first.dataDir, endpoints });
    const url = `${rt.public}/api/call_node/${flow.id}/w`;
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const noKey = await post({ paid: true });
    assert.equal(noKey.status, 400);
    const noKeyBody = await json<{ error: { code: string; message: string } }>(noKey);
    assert.equal(noKeyBody.error.code, 'resume_key_missing');
    assert.match(noKeyBody.error.message, /conversation_key/);

    const wrongKey = await post({ conversation_key: 'conv_other' });
    assert.equal(wrongKey.status, 404);
    assert.equal((await json<{ error: { code: string } }>(wrongKey)).error.code, 'no_waiting_run');

    const resumed = await post({ conversation_key: 'conv_1', paid: true });
    assert.equal(resumed.status, 202);
    assert.deepEqual(await json(resumed), { accepted: true, runId, resumed: true });
    const done = await waitForRun(rt, runId, (run) => run.status === 'completed');
    const step = done.steps.find((item) => item.nodeId === 'w');
    assert.deepEqual((step?.input as { body?: unknown } | undefined)?.body, {
      conversation_key: 'conv_1',
      paid: true,
    });
    // It started nothing: the flow has exactly the one run.
    const runs = await json<{ runs: { id: string }[] }>(
      await rt.api(`/api/runs?flowId=${flow.id}`),
    );
    assert.deepEqual(
      runs.runs.map((run) => run.id),
      [runId],
    );

    // The same key again is a repeat of that delivery: the first answer, no second resume.
    const repeat = await post({ conversation_key: 'conv_1' });
    assert.equal(repeat.status, 202);
    assert.deepEqual(await json(repeat), { accepted: true, runId, resumed: true });

    const page = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/w/calls`));
    assert.deepEqual(
      page.calls.map((call) => [call.status, call.trigger, call.resumed ?? false]),
      [
        [202, 'delay', false],
        [202, 'delay', true],
        [404, 'delay', false],
        [400, 'delay', false],
      ],
    );
    const accepted = page.calls[1];
    assert.equal(accepted?.runId, runId);
    assert.equal(page.calls[0]?.duplicateOf, accepted?.id);
    const details = await json<CallDetails>(await rt.api(`/api/calls/${accepted?.id ?? ''}`));
    assert.equal(details.body, JSON.stringify({ conversation_key: 'conv_1', paid: true }));
    const replay = await rt.api(`/api/calls/${accepted?.id ?? ''}/replay`, {
      method: 'POST',
      json: {},
    });
    assert.equal(replay.status, 409);
    assert.equal((await json<{ error: { code: string } }>(replay)).error.code, 'not_replayable');
  });
});
