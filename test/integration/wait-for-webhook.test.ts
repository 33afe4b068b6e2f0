// Wait for webhook end to end (seed 003, issue 15): a payment-callback flow whose HTTP
// Request sends the run's conversation_key to a local "payment provider" (a real server on
// loopback), which calls the node's URL back; a late call (410), the timeout path, a
// cancelled wait, the key in a form field or the query, repeats, security and the publish
// checks. Restarts are in wait-for-webhook-restart.test.ts.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Engine } from '../../runtime/engine/engine';
import type { CallPage } from '../../runtime/shared/calls';
import type { GraphProblem } from '../../runtime/shared/publishing';
import type { Run } from '../../runtime/shared/run';
import { createFlow, createPublishedFlow } from '../helpers/admin-api';
import { startScriptedServer } from '../helpers/http-servers';
import { pollUntil, waitForRun } from '../helpers/poll';
import { json, startTestRuntime } from '../helpers/test-runtime';
import {
  callBack,
  callbackUrl,
  paymentFlow,
  startWaitingRun,
  WAIT_NODE,
  type ErrorBody,
} from '../helpers/wait-flows';

const rt = await startTestRuntime();

/**
 * Says when the ingress starts holding a callback that came before its run reached the
 * wait (it asks the engine to tell it once the run waits). Observed, not replaced: the
 * engine's own whenWaiting still answers, so the order is forced without a timer.
 */
const holding = new Map<string, () => void>();
const engineWhenWaiting = Engine.prototype.whenWaiting;
Engine.prototype.whenWaiting = function observed(this: Engine, target, runId, timeoutMs) {
  holding.get(runId)?.();
  return engineWhenWaiting.call(this, target, runId, timeoutMs);
};
after(() => {
  Engine.prototype.whenWaiting = engineWhenWaiting;
});
const earlyAnswers: number[] = [];

/** Where the provider calls back when it does so on its own (`/pay-now`). */
let callBackTo = '';
const answers: number[] = [];
const provider = await startScriptedServer({
  '/pay': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok": true}');
  },
  // Answers the request, then calls back at once (the run may or may not wait yet: the
  // ingress holds a callback that comes first; this test does not force that order).
  '/pay-now': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok": true}');
    const { conversation_key } = JSON.parse(req.body) as { conversation_key: string };
    void callBack(callBackTo, { conversation_key, status: 'paid' }).then((answer) => {
      answers.push(answer.status);
      return answer.body?.cancel();
    });
  },
  // Calls back FIRST, and answers the run's request only once the ingress holds that
  // callback: the callback is sure to arrive before the run can reach its wait.
  '/pay-early': (req, res) => {
    const { conversation_key } = JSON.parse(req.body) as { conversation_key: string };
    const runId = conversation_key.split('.')[0] ?? '';
    const held = new Promise<void>((resolve) => holding.set(runId, resolve));
    void callBack(callBackTo, { conversation_key, status: 'paid' }).then((answer) => {
      earlyAnswers.push(answer.status);
      return answer.body?.cancel();
    });
    void held.then(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok": true}');
    });
  },
});

/** The key the provider was sent for this run (keys start with their run's id). */
async function sentKey(runId: string): Promise<string> {
  const keyOf = (body: string): string | undefined => {
    const parsed = JSON.parse(body || '{}') as { conversation_key?: unknown };
    return typeof parsed.conversation_key === 'string' ? parsed.conversation_key : undefined;
  };
  const found = await pollUntil(
    () =>
      Promise.resolve(
        provider.seen
          .map((request) => keyOf(request.body))
          .find((key) => key?.startsWith(`${runId}.`)),
      ),
    (key) => key !== undefined,
    `the provider hearing from run ${runId}`,
  );
  return found ?? '';
}

const waitStep = (run: Run) => run.steps.filter((step) => step.nodeId === WAIT_NODE);

describe('Wait for webhook', () => {
  it('resumes a payment flow with the key its HTTP Request sent out, once, and maps the callback', async () => {
    const flow = await createPublishedFlow(rt, paymentFlow(`${provider.url}/pay`));
    const url = callbackUrl(rt, flow.id);
    const run = await startWaitingRun(rt, flow.id);
    assert.equal(run.status, 'waiting');
    const key = await sentKey(run.id);
    // The key was a variable before the node: the request body carried it.
    assert.match(key, /^r_[A-Za-z0-9_-]+\.0\.[A-Za-z0-9_-]{22}$/);
    assert.equal(run.variables.conversation_key, key);

    const missing = await callBack(url, { status: 'paid' });
    assert.equal(missing.status, 400);
    const missingBody = await json<ErrorBody>(missing);
    assert.equal(missingBody.error.code, 'resume_key_missing');
    assert.match(missingBody.error.message, /conversation_key/);

    const unknown = await callBack(url, { conversation_key: `${run.id}.0.${'A'.repeat(22)}` });
    assert.equal(unknown.status, 404);
    assert.equal((await json<ErrorBody>(unknown)).error.code, 'no_waiting_run');

    const resumed = await callBack(url, { conversation_key: key, status: 'paid' });
    assert.equal(resumed.status, 202);
    const first = await json(resumed);
    assert.deepEqual(first, { accepted: true, runId: run.id, resumed: true });
    const done = await waitForRun(rt, run.id, (found) => found.status === 'completed');
    assert.equal(done.endNode?.nodeId, 'paid');
    assert.equal(done.variables.payment_status, 'paid');
    // The variable now holds the key of a next wait at the node (a loop would use it).
    assert.notEqual(done.variables.conversation_key, key);

    // The provider retries: the first answer again, and the run was resumed once.
    const repeat = await callBack(url, { conversation_key: key, status: 'paid' });
    assert.equal(repeat.status, 202);
    assert.deepEqual(await json(repeat), first);
    const after = await json<Run>(await rt.api(`/api/runs/${run.id}`));
    assert.equal(waitStep(after).length, 1);
    assert.equal(waitStep(after)[0]?.outputHandle, 'success');

    // Logs: every call to the callback URL, refused ones too.
    const page = await json<CallPage>(
      await rt.api(`/api/flows/${flow.id}/nodes/${WAIT_NODE}/calls`),
    );
    assert.deepEqual(
      page.calls.map((call) => call.status),
      [202, 202, 404, 400],
    );
    const urls = await json<{ local: string[] }>(
      await rt.api(`/api/flows/${flow.id}/nodes/${WAIT_NODE}/urls`),
    );
    assert.ok(urls.local.includes(url), JSON.stringify(urls));
  });

  it('resumes the run when the provider calls back the moment it has answered', async () => {
    const flow = await createPublishedFlow(rt, paymentFlow(`${provider.url}/pay-now`));
    callBackTo = callbackUrl(rt, flow.id);
    const run = await startWaitingRun(rt, flow.id);
    const done = await waitForRun(rt, run.id, (found) => found.status === 'completed');
    assert.equal(done.endNode?.nodeId, 'paid');
    assert.equal(done.variables.payment_status, 'paid');
    await pollUntil(
      () => Promise.resolve(answers.length),
      (count) => count >= 1,
      'the callback answer',
    );
    assert.deepEqual(answers, [202]);
  });

  it('holds a callback that beats its run to the wait until the run gets there', async () => {
    const flow = await createPublishedFlow(rt, paymentFlow(`${provider.url}/pay-early`));
    callBackTo = callbackUrl(rt, flow.id);
    const run = await startWaitingRun(rt, flow.id);
    const done = await waitForRun(rt, run.id, (found) => found.status === 'completed');
    assert.equal(done.endNode?.nodeId, 'paid');
    assert.equal(done.variables.payment_status, 'paid');
    // Paid at all means held first: the provider answered the run only once it was.
    await pollUntil(
      () => Promise.resolve(earlyAnswers.length),
      (count) => count >= 1,
      'the early callback answer',
    );
    assert.deepEqual(earlyAnswers, [202]);
  });

  it('takes the key from a form field or the query string', async () => {
    const flow = await createPublishedFlow(rt, paymentFlow(`${provider.url}/pay`));
    const url = callbackUrl(rt, flow.id);
    const byForm = await startWaitingRun(rt, flow.id);
    const formKey = String(byForm.variables.conversation_key);
    const form = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ conversation_key: formKey, status: 'paid' }).toString(),
    });
    assert.equal(form.status, 202, await form.clone().text());
    const formRun = await waitForRun(rt, byForm.id, (found) => found.status === 'completed');
    assert.equal(formRun.variables.payment_status, 'paid');

    const byQuery = await startWaitingRun(rt, flow.id);
    const queryKey = encodeURIComponent(String(byQuery.variables.conversation_key));
    const query = await callBack(`${url}?conversation_key=${queryKey}`, { status: 'failed' });
    assert.equal(query.status, 202, await query.clone().text());
    const queryRun = await waitForRun(rt, byQuery.id, (found) => found.status === 'completed');
    assert.equal(queryRun.variables.payment_status, 'failed');
  });

  it('goes on along Failure when no call comes in time, and answers a late call 410', async () => {
    const flow = await createPublishedFlow(
      rt,
      paymentFlow(`${provider.url}/pay`, { timeoutSeconds: 1 }),
    );
    const run = await startWaitingRun(rt, flow.id);
    // What the provider was sent: after the timeout the variable holds the next wait's key.
    const key = await sentKey(run.id);
    const done = await waitForRun(rt, run.id, (found) => found.status === 'completed');
    assert.equal(done.endNode?.nodeId, 'unpaid');
    assert.equal(waitStep(done)[0]?.outputHandle, 'failure');
    assert.equal(done.variables.payment_status, undefined);

    const late = await callBack(callbackUrl(rt, flow.id), {
      conversation_key: key,
      status: 'paid',
    });
    assert.equal(late.status, 410);
    const body = await json<ErrorBody>(late);
    assert.equal(body.error.code, 'wait_ended');
    assert.equal(body.error.details?.reason, 'timed-out');
    assert.match(body.error.message, /timed out/);
  });

  it('answers 410 "cancelled" for the key of a cancelled wait', async () => {
    const flow = await createPublishedFlow(rt, paymentFlow(`${provider.url}/pay`));
    const run = await startWaitingRun(rt, flow.id);
    const cancelled = await rt.api(`/api/runs/${run.id}/cancel`, { method: 'POST', json: {} });
    assert.equal(cancelled.status, 200, await cancelled.clone().text());
    const answer = await callBack(callbackUrl(rt, flow.id), {
      conversation_key: run.variables.conversation_key,
    });
    assert.equal(answer.status, 410);
    assert.equal((await json<ErrorBody>(answer)).error.details?.reason, 'cancelled');
  });

  it('checks the callback with the Webhook Trigger’s authentication', async () => {
    const secret = await rt.api('/api/secrets', {
      method: 'POST',
      json: { purpose: 'webhook-token', value: 'callback-token-0123456789' },
    });
    assert.equal(secret.status, 201, await secret.clone().text());
    const { id } = await json<{ id: string }>(secret);
    const flow = await createPublishedFlow(
      rt,
      paymentFlow(`${provider.url}/pay`, {
        security: { auth: { type: 'bearer', tokenSecretId: id } },
      }),
    );
    const run = await startWaitingRun(rt, flow.id);
    const body = { conversation_key: run.variables.conversation_key, status: 'paid' };
    const url = callbackUrl(rt, flow.id);
    const refused = await callBack(url, body);
    assert.equal(refused.status, 401);
    assert.equal(
      (await json<Run>(await rt.api(`/api/runs/${run.id}`))).status,
      'waiting',
      'a refused call resumes nothing',
    );
    const wrong = await callBack(url, body, { authorization: 'Bearer not-the-token-at-all' });
    assert.equal(wrong.status, 401);
    const accepted = await callBack(url, body, {
      authorization: 'Bearer callback-token-0123456789',
    });
    assert.equal(accepted.status, 202);
    await waitForRun(rt, run.id, (found) => found.status === 'completed');
  });

  it('refuses to publish a timeout outside 1–300 s, a 51st mapping and a shared key variable', async () => {
    const problemsOf = async (
      wait: Record<string, unknown>,
      extra?: (g: ReturnType<typeof paymentFlow>) => void,
    ) => {
      const draft = paymentFlow(`${provider.url}/pay`, wait);
      extra?.(draft);
      const flow = await createFlow(rt, draft);
      const response = await rt.api(`/api/flows/${flow.id}/publish`, { method: 'POST', json: {} });
      if (response.status === 200) return [];
      assert.equal(response.status, 422, await response.clone().text());
      const body = await json<{ error: { details?: { problems?: GraphProblem[] } } }>(response);
      return (body.error.details?.problems ?? []).filter((problem) => problem.severity === 'error');
    };
    const mappings = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        path: `body.f${index}`,
        variable: `v${index}`,
      }));

    for (const timeoutSeconds of [0, 301, 1.5]) {
      const problems = await problemsOf({ timeoutSeconds });
      assert.ok(
        problems.some(
          (problem) => problem.nodeId === WAIT_NODE && problem.field === 'timeoutSeconds',
        ),
        `timeout ${timeoutSeconds}: ${JSON.stringify(problems)}`,
      );
    }
    assert.deepEqual(await problemsOf({ timeoutSeconds: 1 }), []);
    assert.deepEqual(await problemsOf({ timeoutSeconds: 300, mappings: mappings(50) }), []);
    const tooMany = await problemsOf({ mappings: mappings(51) });
    assert.ok(
      tooMany.some((problem) => problem.field === 'mappings'),
      JSON.stringify(tooMany),
    );

    const twoWaits = await problemsOf({}, (draft) => {
      draft.nodes.push({
        id: 'w2',
        type: 'wait-for-webhook',
        position: { x: 0, y: 200 },
        data: { config: {} },
      });
    });
    assert.ok(
      twoWaits.some((problem) => problem.field === 'keyVariable'),
      JSON.stringify(twoWaits),
    );
  });

  it('does not warn that the HTTP Request reads a key no node before it sets', async () => {
    const flow = await createFlow(rt, paymentFlow(`${provider.url}/pay`));
    const { problems } = await json<{ problems: GraphProblem[] }>(
      await rt.api(`/api/flows/${flow.id}/validate`),
    );
    assert.ok(
      problems.every((problem) => !/conversation_key/.test(problem.message)),
      JSON.stringify(problems),
    );
  });
});
