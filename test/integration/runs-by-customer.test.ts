// The runs list filtered by customer (issue 13: a customer's recent runs in the Customers
// view), through real webhooks with customer binding on a real runtime.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DraftGraph, DraftNode } from '../../runtime/shared/flow-document';
import type { RunPage } from '../../runtime/shared/run';
import { createPublishedFlow } from '../helpers/admin-api';
import { waitForRun } from '../helpers/poll';
import { json, startTestRuntime } from '../helpers/test-runtime';
import { webhookTriggerNode } from '../helpers/webhook-flows';

describe('GET /api/runs?customerId=', () => {
  it('lists only the runs linked to that customer, newest first, after they are recorded', async () => {
    const rt = await startTestRuntime();
    const trigger: DraftNode = webhookTriggerNode({
      customer: {
        enabled: true,
        rows: [{ id: 'r_email', field: 'email', path: 'body.email', search: true }],
      },
    });
    const graph: DraftGraph = {
      nodes: [
        trigger,
        { id: 'n_end', type: 'end', position: { x: 200, y: 0 }, data: { config: {} } },
      ],
      edges: [{ id: 'e1', source: trigger.id, sourceHandle: 'next', target: 'n_end' }],
      variables: [],
    };
    await createPublishedFlow(rt, graph, 'Leads');
    const url = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
    const call = async (body: unknown) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 202, await response.clone().text());
      return waitForRun(rt, (await json<{ runId: string }>(response)).runId);
    };

    const ana1 = await call({ email: 'ana@example.com' });
    const bea = await call({ email: 'bea@example.com' });
    const ana2 = await call({ email: 'ANA@example.com' });
    const nobody = await call({ other: true });
    assert.ok(ana1.customerId && bea.customerId, 'the binding linked both');
    assert.equal(ana2.customerId, ana1.customerId);
    assert.equal(nobody.customerId, undefined);

    const list = async (query: string) =>
      (await json<RunPage>(await rt.api(`/api/runs?${query}`))).runs.map((run) => run.id);
    assert.deepEqual(await list(`customerId=${ana1.customerId}`), [ana2.id, ana1.id]);
    assert.deepEqual(await list(`customerId=${bea.customerId}`), [bea.id]);
    assert.deepEqual(await list('customerId=cus_nobody00000'), []);
    assert.equal((await list('')).length, 4, 'without the filter every run is listed');
    // Paged like any list: one at a time, the older one on the next page.
    const first = await json<RunPage>(
      await rt.api(`/api/runs?customerId=${ana1.customerId}&limit=1`),
    );
    assert.deepEqual(
      first.runs.map((run) => run.id),
      [ana2.id],
    );
    assert.ok(first.next);
    const second = await json<RunPage>(
      await rt.api(`/api/runs?customerId=${ana1.customerId}&limit=1&before=${first.next}`),
    );
    assert.deepEqual(
      second.runs.map((run) => run.id),
      [ana1.id],
    );

    const bad = await rt.api(`/api/runs?customerId=${'x'.repeat(65)}`);
    assert.equal(bad.status, 400);
    const body = await json<{ error: { code: string; message: string } }>(bad);
    assert.equal(body.error.code, 'invalid_input');
    assert.match(body.error.message, /customerId/);
  });
});
