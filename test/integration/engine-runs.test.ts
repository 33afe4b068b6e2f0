// Headless fixture flows through a real runtime over HTTP: manual runs, the runs API,
// every Condition operator, a Delay that resumes, cancel.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Run, RunPage } from '../../runtime/shared/run';
import { runFinished, waitForRun } from '../helpers/poll';
import { createFixtureFlow } from '../helpers/flows';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';

async function manualRun(rt: TestRuntime, flowId: string, body: unknown = {}): Promise<Run> {
  const response = await rt.api(`/api/flows/${flowId}/runs`, { method: 'POST', json: body });
  assert.equal(response.status, 201, await response.clone().text());
  return json<Run>(response);
}

describe('engine over HTTP: runs', () => {
  it('every condition operator, on a payload where they hold and one where they do not', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'conditions');
    const yes = await manualRun(rt, flow.id, {
      draft: true,
      body: {
        event: 'order.paid',
        total: '150',
        tags: ['new', 'vip'],
        customer: { email: 'Ana@Example.com' },
        note: '  ',
        items_count: 3,
      },
    });
    assert.equal(yes.status, 'running');
    assert.equal(yes.mode, 'headless');
    assert.equal(yes.trigger.type, 'manual');
    const first = await waitForRun(rt, yes.id, runFinished);
    assert.equal(first.status, 'completed', first.error);
    assert.deepEqual(first.output, {
      equals: 'yes',
      equals_numeric: 'yes',
      not_equals: 'yes',
      contains: 'yes',
      contains_text: 'yes',
      starts_with: 'yes',
      exists: 'yes',
      not_exists: 'no',
      is_empty: 'yes',
      greater_than: 'yes',
      less_than: 'yes',
      regex: 'yes',
      match_any: 'yes',
    });
    const no = await manualRun(rt, flow.id, {
      draft: true,
      body: {
        event: 'order.refunded',
        total: 50,
        tags: [],
        customer: {},
        note: 'hi',
        items_count: 12,
      },
    });
    assert.deepEqual((await waitForRun(rt, no.id, runFinished)).output, {
      equals: 'no',
      equals_numeric: 'no',
      not_equals: 'no',
      contains: 'no',
      contains_text: 'no',
      starts_with: 'yes',
      exists: 'no',
      not_exists: 'no',
      is_empty: 'no',
      greater_than: 'no',
      less_than: 'no',
      regex: 'no',
      match_any: 'yes',
    });
  });

  it('a Delay parks the run as waiting with its timer, then it resumes and completes', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'delay');
    const started = await manualRun(rt, flow.id, { draft: true });
    const run = await waitForRun(rt, started.id);
    assert.equal(run.status, 'waiting');
    assert.equal(run.waiting?.kind, 'timer');
    assert.equal(run.waiting?.nodeId, 'wait');
    const waitingList = await json<RunPage>(
      await rt.api(`/api/runs?status=waiting&flowId=${flow.id}`),
    );
    assert.deepEqual(
      waitingList.runs.map((item) => item.id),
      [started.id],
    );
    const done = await waitForRun(rt, started.id, runFinished);
    assert.equal(done.status, 'completed');
    assert.deepEqual(done.output, { stage: 'done after waiting' });
  });

  it('lists, pages and filters runs; cancels a waiting one', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'delay');
    const a = await manualRun(rt, flow.id, { draft: true });
    const b = await manualRun(rt, flow.id, { draft: true });
    const list = await json<RunPage>(await rt.api('/api/runs?limit=1'));
    assert.deepEqual(
      list.runs.map((run) => run.id),
      [b.id],
    );
    assert.equal('steps' in (list.runs[0] ?? {}), false);
    assert.ok(list.next);
    const older = await json<RunPage>(
      await rt.api(`/api/runs?limit=1&before=${encodeURIComponent(list.next)}`),
    );
    assert.deepEqual(
      older.runs.map((run) => run.id),
      [a.id],
    );
    const future = await json<RunPage>(await rt.api('/api/runs?since=2999-01-01T00:00:00Z'));
    assert.equal(future.runs.length, 0);

    const cancel = await rt.api(`/api/runs/${a.id}/cancel`, { method: 'POST' });
    assert.equal(cancel.status, 200);
    assert.equal((await json<Run>(cancel)).error, 'Cancelled');
    const again = await rt.api(`/api/runs/${a.id}/cancel`, { method: 'POST' });
    assert.equal(again.status, 409);
    assert.equal((await waitForRun(rt, b.id, runFinished)).status, 'completed');
  });

  it("runs the published version; a Jump hands over to another flow's published version", async () => {
    const rt = await startTestRuntime();
    const target = await createFixtureFlow(rt, 'jump-target', { publish: true });
    const source = await createFixtureFlow(rt, 'jump-source', {
      replace: { __TARGET_FLOW_ID__: target.id },
      publish: true,
    });
    const started = await manualRun(rt, source.id, { body: { name: 'Ana' } });
    assert.equal(started.flowVersion, 1);
    const parent = await waitForRun(rt, started.id, runFinished);
    assert.equal(parent.status, 'completed', parent.error);
    assert.deepEqual(
      parent.steps.map((step) => [step.nodeId, step.outputHandle]),
      [
        ['start', 'next'],
        ['name', 'next'],
        ['skip', 'jump:hand_over'],
        ['hand_over', `flow:${target.id}`],
      ],
    );
    assert.equal(parent.jumpedTo?.flowId, target.id);
    const child = await waitForRun(rt, parent.jumpedTo?.runId ?? '', runFinished);
    assert.equal(child.trigger.type, 'jump');
    assert.equal(child.trigger.parentRunId, parent.id);
    assert.equal(child.flowVersion, 1);
    assert.deepEqual(child.output, {
      greeting: 'Hello Ana from the second flow',
      name: 'Ana',
    });
  });

  it('a draft with problems does not run: 422 with the problems, as publish would say', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'unpublishable');
    const refused = await rt.api(`/api/flows/${flow.id}/runs`, {
      method: 'POST',
      json: { draft: true },
    });
    assert.equal(refused.status, 422);
    const body = await json<{ error: { code: string; details: { problems: unknown[] } } }>(refused);
    assert.equal(body.error.code, 'invalid_flow');
    assert.ok(body.error.details.problems.length > 0);
  });

  it('refuses what cannot run, with clear errors', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'delay');
    const unpublished = await rt.api(`/api/flows/${flow.id}/runs`, { method: 'POST' });
    assert.equal(unpublished.status, 409);
    assert.equal(
      (await json<{ error: { code: string } }>(unpublished)).error.code,
      'not_published',
    );
    assert.equal(
      (await rt.api('/api/flows/f_nope/runs', { method: 'POST', json: { draft: true } })).status,
      404,
    );
    assert.equal((await rt.api('/api/runs/r_nope0000')).status, 404);
    assert.equal((await rt.api('/api/runs?status=sleeping')).status, 400);
    assert.equal((await rt.api('/api/runs?limit=0')).status, 400);
    assert.equal((await rt.api('/api/runs?since=yesterday')).status, 400);
    const bad = await rt.api(`/api/flows/${flow.id}/runs`, {
      method: 'POST',
      json: { draft: true, extra: 1 },
    });
    assert.equal(bad.status, 400);
    const noStart = await rt.api('/api/flows', {
      method: 'POST',
      json: { name: 'No start', draft: { nodes: [], edges: [], variables: [] } },
    });
    const empty = await json<{ id: string }>(noStart);
    const refused = await rt.api(`/api/flows/${empty.id}/runs`, {
      method: 'POST',
      json: { draft: true },
    });
    assert.equal(refused.status, 422);
  });
});
