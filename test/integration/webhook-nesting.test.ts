// Issue 10 item 1(a): a body nested deeper than the runtime can record is refused before
// any 2xx. Before the limit, `[[[[…]]]]` 5,000 levels deep was answered 202 with a run id,
// and the run never appeared: serialising its record overflowed the stack.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_BODY_NESTING } from '../../runtime/ingress/nesting-limit';
import type { CallPage } from '../../runtime/shared/calls';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { graphWith, startNode, webhookTriggerNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createPublishedFlow } from '../helpers/admin-api';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const elements = (depth: number) => '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth);

const rt: TestRuntime = await startTestRuntime();
const trigger = webhookTriggerNode({ saveFullBodyAs: 'payload' });
const hookFlow = await createPublishedFlow(rt, graphWith(trigger), 'Deep bodies');
const hookUrl = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
const startFlow = await createPublishedFlow(rt, graphWith(startNode()), 'Deep call_node');
const callNodeUrl = `${rt.public}/api/call_node/${startFlow.id}/n_start`;

function post(url: string, body: string, contentType: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
}

async function assertTooDeep(response: Response, what: RegExp): Promise<void> {
  assert.equal(response.status, 413);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = await json<ErrorBody & { runId?: string }>(response);
  assert.equal(body.error.code, 'body_too_deep');
  assert.match(body.error.message, what);
  assert.match(body.error.message, new RegExp(`at most ${MAX_BODY_NESTING}\\b`));
  assert.deepEqual(body.error.details, { maxNesting: MAX_BODY_NESTING });
  assert.equal(body.runId, undefined, 'no run was promised');
}

describe('bodies nested too deep to record', () => {
  it('a Webhook Trigger refuses 5,000-deep JSON with 413 and logs the call as refused', async () => {
    await assertTooDeep(await post(hookUrl, arrays(5000), 'application/json'), /arrays/);
    const log = await json<CallPage>(await rt.api(`/api/flows/${hookFlow.id}/nodes/n_hook/calls`));
    const call = log.calls[0];
    assert.equal(call?.status, 413);
    assert.equal(call.runId, undefined);
  });

  it('a call_node URL refuses it too, and 100,000 levels the same way', async () => {
    await assertTooDeep(await post(callNodeUrl, arrays(5000), 'application/json'), /arrays/);
    await assertTooDeep(await post(callNodeUrl, arrays(100_000), 'application/json'), /arrays/);
  });

  it('XML elements nested past the limit get the same answer', async () => {
    await assertTooDeep(
      await post(hookUrl, elements(MAX_BODY_NESTING + 1), 'application/xml'),
      /elements/,
    );
  });

  it('a body at the limit is accepted, and its run is recorded', async () => {
    for (const [body, type] of [
      [arrays(MAX_BODY_NESTING), 'application/json'],
      [elements(MAX_BODY_NESTING), 'application/xml'],
      // Form names nest at most 20 levels; a deeper one is kept as one key.
      [`a${'[b]'.repeat(5000)}=1`, 'application/x-www-form-urlencoded'],
    ] as const) {
      const response = await post(hookUrl, body, type);
      assert.equal(response.status, 202, type);
      const { runId } = await json<{ runId: string }>(response);
      const run = await waitForRun(rt, runId);
      assert.equal(run.status, 'completed', type);
      assert.ok(run.variables.payload !== undefined, 'the body is in the run');
    }
  });

  it('the admin API refuses a manual run with a body nested too deep (413)', async () => {
    const response = await rt.api(`/api/flows/${hookFlow.id}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"body":${arrays(5000)}}`,
    });
    await assertTooDeep(response, /arrays/);
  });
});
