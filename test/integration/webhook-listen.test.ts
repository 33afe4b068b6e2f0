// Listen mode and Logs (seed 001), runtime side: an SSE client receives each call live;
// while listening, calls to a not-yet-published trigger are captured (200, nothing runs);
// a logged call can be replayed through the pipeline, marked as a replay in log and run.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import type { CallPage, CallRecord, ListenedCall, ReplayResult } from '../../runtime/shared/calls';
import type { Run, RunPage } from '../../runtime/shared/run';
import { json, startTestRuntime } from '../helpers/test-runtime';
import { graphWith, startNode, webhookTriggerNode } from '../helpers/webhook-flows';
import { pollUntil, waitForRun } from '../helpers/poll';
import { createFlow, createPublishedFlow } from '../helpers/admin-api';
import { createSecret, openSse } from '../helpers/webhook-runtime';

describe('listen mode', () => {
  it('captures a call to the draft trigger: 200 { captured: true }, streamed, logged, nothing run', async () => {
    const rt = await startTestRuntime();
    const trigger = webhookTriggerNode();
    const flow = await createFlow(rt, graphWith(trigger));
    const url = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
    const listen = await openSse(`${rt.admin}/api/flows/${flow.id}/nodes/n_hook/listen`, rt.token);
    await listen.next('ready');

    const response = await fetch(`${url}?ref=campaign`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://app.kiwify.com.br',
        authorization: 'Bearer should-not-show',
      },
      body: JSON.stringify({ event: 'order_approved', data: [{ email: 'ana@example.com' }] }),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await json(response), { captured: true });

    const { data } = await listen.next('call');
    const call = data as ListenedCall;
    assert.equal(call.captured, true);
    assert.deepEqual(call.body, { event: 'order_approved', data: [{ email: 'ana@example.com' }] });
    assert.deepEqual(call.query, { ref: 'campaign' });
    assert.equal(call.origin, 'https://app.kiwify.com.br');
    assert.equal(call.ip, '127.0.0.1');
    assert.equal(call.headers.authorization, '[redacted]');
    assert.deepEqual(call.auth, { outcome: 'passed', scheme: 'public' });

    const runs = await json<RunPage>(await rt.api(`/api/runs?flowId=${flow.id}`));
    assert.equal(runs.runs.length, 0);
    const log = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
    assert.equal(log.calls[0]?.captured, true);
    listen.close();
    await listen.ended;

    // Not listening any more: the draft URL is a 404 again (once the server has seen the
    // stream close, which the client cannot await).
    const status = await pollUntil(
      async () => {
        const response = await fetch(url, { method: 'POST' });
        await response.body?.cancel();
        return response.status;
      },
      (found) => found === 404,
      'the draft URL closing',
    );
    assert.equal(status, 404);
  });

  it('streams calls to a published trigger, which run as usual; refusals are streamed too', async () => {
    const rt = await startTestRuntime();
    const flow = await createPublishedFlow(rt, graphWith(startNode()));
    const listen = await openSse(`${rt.admin}/api/flows/${flow.id}/nodes/n_start/listen`, rt.token);
    await listen.next('ready');
    const url = `${rt.public}/api/call_node/${flow.id}/n_start`;
    const accepted = await fetch(`${url}?name=John`, { method: 'POST' });
    assert.equal(accepted.status, 202);
    const { runId } = await json<{ runId: string }>(accepted);
    const streamed = (await listen.next('call')).data as ListenedCall;
    assert.equal(streamed.runId, runId);
    assert.equal(streamed.captured, false);
    assert.deepEqual(streamed.query, { name: 'John' });
    await waitForRun(rt, runId);

    assert.equal((await fetch(url, { method: 'DELETE' })).status, 405);
    const refused = (await listen.next('call')).data as ListenedCall;
    assert.equal(refused.status, 405);
    assert.equal(refused.error?.code, 'method_not_allowed');

    // The runtime stopping ends the stream cleanly.
    await rt.stop();
    await listen.next('closed');
    await listen.ended;
  });

  it('refuses to listen to a node that is not a webhook', async () => {
    const rt = await startTestRuntime();
    const flow = await createFlow(rt, graphWith(startNode({ triggerType: 'manual' })));
    const response = await rt.api(`/api/flows/${flow.id}/nodes/n_start/listen`);
    assert.equal(response.status, 409);
    assert.equal((await rt.api(`/api/flows/${flow.id}/nodes/n_x/listen`)).status, 404);
  });
});

describe('logs and replay', () => {
  it('replays a signed call (auth skipped: an admin asked) against the published version', async () => {
    const rt = await startTestRuntime();
    const secret = 'replay-secret';
    const trigger = webhookTriggerNode({
      mappings: [{ path: 'body.user.name', variable: 'name' }],
      security: {
        auth: {
          type: 'hmac',
          algorithm: 'sha256',
          source: 'header',
          paramName: 'X-Signature',
          secretIds: [await createSecret(rt, secret)],
        },
      },
    });
    const flow = await createPublishedFlow(rt, graphWith(trigger));
    const body = JSON.stringify({ user: { name: 'Ana' } });
    const response = await fetch(
      `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': createHmac('sha256', secret).update(body).digest('hex'),
        },
        body,
      },
    );
    assert.equal(response.status, 202);
    const original = await json<{ runId: string }>(response);
    await waitForRun(rt, original.runId);

    const page = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
    const callId = page.calls[0]?.id ?? '';
    const call = await json<CallRecord & { parsedBody: unknown }>(
      await rt.api(`/api/calls/${callId}`),
    );
    assert.equal(call.headers['x-signature'], '[redacted]');
    assert.deepEqual(call.parsedBody, { user: { name: 'Ana' } });

    const replayed = await rt.api(`/api/calls/${callId}/replay`, { method: 'POST', json: {} });
    assert.equal(replayed.status, 202);
    const result = await json<ReplayResult>(replayed);
    assert.equal(result.replayOf, callId);
    assert.notEqual(result.runId, original.runId);
    const run: Run = await waitForRun(rt, result.runId);
    assert.equal(run.status, 'completed');
    assert.equal(run.variables.name, 'Ana');
    assert.equal(run.trigger.replayOf, callId);
    assert.equal(run.trigger.callId, result.callId);

    const after = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
    assert.equal(after.calls[0]?.replayOf, callId);
    assert.equal(after.calls[0]?.auth.outcome, 'not-checked');

    assert.equal(
      (await rt.api('/api/calls/c_nosuchcall1/replay', { method: 'POST', json: {} })).status,
      404,
    );
    await rt.api(`/api/flows/${flow.id}/unpublish`, { method: 'POST', json: {} });
    const unpublished = await rt.api(`/api/calls/${callId}/replay`, { method: 'POST', json: {} });
    assert.equal(unpublished.status, 409);
  });

  it('replays a refused (401) or allowlist-refused (403) call only when the skipped authentication is confirmed', async () => {
    const rt = await startTestRuntime();
    const trigger = webhookTriggerNode({
      mappings: [{ path: 'body.user.name', variable: 'name' }],
      security: {
        auth: { type: 'bearer', tokenSecretId: await createSecret(rt, 'right-token') },
      },
    });
    const flow = await createPublishedFlow(rt, graphWith(trigger));
    const url = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer wrong-token' },
      body: JSON.stringify({ user: { name: 'Eve' } }),
    });
    assert.equal(refused.status, 401);
    const page = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
    const callId = page.calls[0]?.id ?? '';
    assert.equal(page.calls[0]?.auth.outcome, 'failed');

    // One request without the confirmation: refused, nothing runs.
    for (const body of [undefined, {}, { skipAuthentication: false }]) {
      const asked = await rt.api(`/api/calls/${callId}/replay`, {
        method: 'POST',
        ...(body === undefined ? {} : { json: body }),
      });
      assert.equal(asked.status, 409);
      const error = (await json<{ error: { code: string; message: string } }>(asked)).error;
      assert.equal(error.code, 'replay_skips_authentication');
      assert.match(error.message, /401 invalid_token/);
      assert.match(error.message, /skipAuthentication/);
    }
    const typo = await rt.api(`/api/calls/${callId}/replay`, {
      method: 'POST',
      json: { skipAuth: true },
    });
    assert.equal(typo.status, 400);
    const none = await json<RunPage>(await rt.api(`/api/runs?flowId=${flow.id}`));
    assert.equal(none.runs.length, 0);

    const confirmed = await rt.api(`/api/calls/${callId}/replay`, {
      method: 'POST',
      json: { skipAuthentication: true },
    });
    assert.equal(confirmed.status, 202, await confirmed.clone().text());
    const run = await waitForRun(rt, (await json<ReplayResult>(confirmed)).runId);
    assert.equal(run.variables.name, 'Eve');
    assert.equal(run.trigger.replayOf, callId);

    // A call the IP allowlist refused (403, authentication never checked) asks too.
    const walled = webhookTriggerNode({ security: { ipAllowlist: ['10.9.9.9'] } }, 'n_walled');
    const other = await createPublishedFlow(rt, graphWith(walled));
    const blocked = await fetch(
      `${rt.public}/webhooks/flow/${String(walled.data.config.webhookId)}`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    assert.equal(blocked.status, 403);
    const blockedPage = await json<CallPage>(
      await rt.api(`/api/flows/${other.id}/nodes/n_walled/calls`),
    );
    const blockedId = blockedPage.calls[0]?.id ?? '';
    const asked = await rt.api(`/api/calls/${blockedId}/replay`, { method: 'POST', json: {} });
    assert.equal(asked.status, 409);
    const again = await rt.api(`/api/calls/${blockedId}/replay`, {
      method: 'POST',
      json: { skipAuthentication: true },
    });
    assert.equal(again.status, 202, await again.clone().text());
  });
});
