// Seed 001 end to end over real HTTP: a Webhook Trigger with the Kiwify HMAC preset
// (SHA-1, query `signature`), the seed's variable mappings (dot notation and [0], save
// full body) and its event routing (order_approved / order_refunded / else).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import type { CallPage, CallRecord } from '../../runtime/shared/calls';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import type { RunPage } from '../../runtime/shared/run';
import { hmacPresets } from '../../runtime/shared/webhook-security';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { waitForRun } from '../helpers/poll';
import { createPublishedFlow } from '../helpers/admin-api';
import { createSecret } from '../helpers/webhook-runtime';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';

const KIWIFY_SECRET = 'kiwify-shared-token-123';

async function kiwifyFlow(rt: TestRuntime) {
  const secretId = await createSecret(rt, KIWIFY_SECRET);
  const trigger = webhookTriggerNode({
    mappings: [
      { path: 'body.user.name', variable: 'customer_name' },
      { path: 'body.order.total', variable: 'order_amount' },
      { path: 'body.event', variable: 'event_type' },
      { path: 'body.data[0].email', variable: 'email' },
      { path: 'body.customer.address.city', variable: 'city' },
    ],
    saveFullBodyAs: 'payload',
    security: { auth: { type: 'hmac', ...hmacPresets.kiwify.fields, secretIds: [secretId] } },
    events: {
      path: 'body.event',
      cases: [
        { id: 'approved', label: 'Start onboarding', value: 'order_approved' },
        { id: 'refunded', label: 'Cancel access', value: 'order_refunded' },
        // "supports {{…}}": compared after interpolation, here with the call's query.
        { id: 'custom', label: 'Custom', value: '{{query.custom_event}}' },
      ],
    },
  });
  const graph: DraftGraph = graphWith(trigger, ['approved', 'refunded', 'custom', 'else']);
  const flow = await createPublishedFlow(rt, graph, 'Kiwify orders');
  return { flow, url: `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}` };
}

function signed(url: string, payload: unknown, extraQuery = '') {
  const body = JSON.stringify(payload);
  const signature = createHmac('sha1', KIWIFY_SECRET).update(body).digest('hex');
  return fetch(`${url}?signature=${signature}${extraQuery}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

const order = (event: string) => ({
  event,
  user: { name: 'Ana Souza' },
  order: { id: 'ord_1', total: 197.5 },
  data: [{ email: 'ana@example.com' }, { email: 'second@example.com' }],
  customer: { address: { city: 'Recife' } },
});

describe('Webhook Trigger (seed 001)', () => {
  it('maps the payload into variables and routes order_approved to its handle', async () => {
    const rt = await startTestRuntime();
    const { url } = await kiwifyFlow(rt);
    const response = await signed(url, order('order_approved'));
    assert.equal(response.status, 202);
    const accepted = await json<{ accepted: boolean; runId: string }>(response);
    assert.equal(accepted.accepted, true);
    assert.match(accepted.runId, /^r_/);

    const run = await waitForRun(rt, accepted.runId);
    assert.equal(run.status, 'completed');
    assert.equal(run.trigger.type, 'webhook');
    assert.equal(run.mode, 'headless');
    assert.deepEqual(
      {
        customer_name: run.variables.customer_name,
        order_amount: run.variables.order_amount,
        event_type: run.variables.event_type,
        email: run.variables.email,
        city: run.variables.city,
      },
      {
        customer_name: 'Ana Souza',
        order_amount: 197.5,
        event_type: 'order_approved',
        email: 'ana@example.com',
        city: 'Recife',
      },
    );
    assert.deepEqual(run.variables.payload, order('order_approved'), 'save full body as JSON');
    assert.equal(run.steps[0]?.nodeId, 'n_hook');
    assert.equal(run.steps[0]?.outputHandle, 'approved');
    assert.equal(run.steps[1]?.nodeId, 'n_end_approved');
  });

  it('the step names each mapping that found nothing in the call; the others hold', async () => {
    const rt = await startTestRuntime();
    const { url } = await kiwifyFlow(rt);
    // No `customer` in this payload: body.customer.address.city finds nothing.
    const { customer: _, ...payload } = order('order_approved');
    const response = await signed(url, payload);
    assert.equal(response.status, 202);
    const run = await waitForRun(rt, (await json<{ runId: string }>(response)).runId);
    assert.equal(run.status, 'completed');
    assert.equal(run.variables.customer_name, 'Ana Souza');
    assert.equal(run.variables.city, undefined);
    assert.deepEqual(run.steps[0]?.warnings, [
      'Mapping body.customer.address.city → city found nothing in the call: city is empty',
    ]);
    // Every mapping found its field: the step has no warnings at all.
    const full = await signed(url, order('order_approved'));
    const clean = await waitForRun(rt, (await json<{ runId: string }>(full)).runId);
    assert.equal(clean.steps[0]?.warnings, undefined);
  });

  it('routes order_refunded, an interpolated case value, and anything else to else', async () => {
    const rt = await startTestRuntime();
    const { url } = await kiwifyFlow(rt);
    const route = async (event: string, query = '') => {
      const response = await signed(url, order(event), query);
      assert.equal(response.status, 202);
      const run = await waitForRun(rt, (await json<{ runId: string }>(response)).runId);
      return run.steps[0]?.outputHandle;
    };
    assert.equal(await route('order_refunded'), 'refunded');
    assert.equal(await route('chargeback'), 'else');
    assert.equal(
      await route('subscription_renewed', '&custom_event=subscription_renewed'),
      'custom',
    );
    assert.equal(await route('order_approved', '&custom_event=order_approved'), 'approved');
  });

  it('refuses a wrong or missing signature with 401, runs nothing, and logs the call', async () => {
    const rt = await startTestRuntime();
    const { url, flow } = await kiwifyFlow(rt);
    const body = JSON.stringify(order('order_approved'));
    const wrong = createHmac('sha1', 'not-the-secret').update(body).digest('hex');
    const refused = await fetch(`${url}?signature=${wrong}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(refused.status, 401);
    const error = await json<{ error: { code: string; message: string } }>(refused);
    assert.equal(error.error.code, 'invalid_signature');
    const missing = await fetch(url, { method: 'POST', body });
    assert.equal(missing.status, 401);

    const runs = await json<RunPage>(await rt.api(`/api/runs?flowId=${flow.id}`));
    assert.equal(runs.runs.length, 0, 'nothing ran');
    const log = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
    assert.deepEqual(
      log.calls.map((call) => [call.status, call.auth.outcome, call.auth.code, call.runId]),
      [
        [401, 'failed', 'missing_signature', undefined],
        [401, 'failed', 'invalid_signature', undefined],
      ],
    );
    const full = await json<CallRecord>(await rt.api(`/api/calls/${log.calls[1]?.id}`));
    assert.equal(full.query.signature, '[redacted]');
    assert.equal(full.body, body);
  });
});
