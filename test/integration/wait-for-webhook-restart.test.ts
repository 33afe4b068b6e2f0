// Wait for webhook across restarts (issue 15): a run waiting for its payment callback waits
// on after Hookflow restarts and its key still works; a timeout that passed while Hookflow
// was off fires at once on the next start; a callback arriving while Hookflow stops is
// answered 503 + Retry-After (never a 2xx for a resume that did not happen), and its retry
// after the restart resumes the run.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import type { RunRecord } from '../../runtime/engine/run-record';
import type { Run } from '../../runtime/shared/run';
import { createPublishedFlow } from '../helpers/admin-api';
import { writeCrashState } from '../helpers/crash-state';
import { startScriptedServer } from '../helpers/http-servers';
import { pollUntil, waitForRun } from '../helpers/poll';
import { json, startTestRuntime } from '../helpers/test-runtime';
import {
  callBack,
  callbackUrl,
  paymentFlow,
  startWaitingRun,
  type ErrorBody,
} from '../helpers/wait-flows';

/** Released by the test: a request parked on it is answered only then. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
const slow = gate();

const provider = await startScriptedServer({
  '/pay': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok": true}');
  },
  '/pay-slowly': (_req, res) => {
    void slow.opened.then(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok": true}');
    });
  },
});

/** A change making the run's wait overdue (its deadline an hour ago), as a long stop would. */
const overdue = (latest: RunRecord): RunRecord => {
  assert.ok(latest.waiting, 'the run is waiting');
  return {
    ...latest,
    seq: latest.seq + 1,
    at: new Date().toISOString(),
    steps: [],
    full: undefined,
    input: undefined,
    waiting: { ...latest.waiting, until: new Date(Date.now() - 3_600_000).toISOString() },
  };
};

describe('Wait for webhook across restarts', () => {
  it('waits on after a restart, and the key it sent out still resumes it', async () => {
    const first = await startTestRuntime();
    const flow = await createPublishedFlow(first, paymentFlow(`${provider.url}/pay`));
    const run = await startWaitingRun(first, flow.id);
    assert.equal(run.status, 'waiting');
    const key = String(run.variables.conversation_key);
    await first.stop();

    const rt = await startTestRuntime({ dataDir: first.dataDir });
    const waiting = await json<Run>(await rt.api(`/api/runs/${run.id}`));
    assert.equal(waiting.status, 'waiting');
    const answer = await callBack(callbackUrl(rt, flow.id), {
      conversation_key: key,
      status: 'paid',
    });
    assert.equal(answer.status, 202, await answer.clone().text());
    const done = await waitForRun(rt, run.id, (found) => found.status === 'completed');
    assert.equal(done.endNode?.nodeId, 'paid');
    assert.equal(done.variables.payment_status, 'paid');
  });

  it('fires a timeout that passed while Hookflow was off as soon as it starts', async () => {
    const first = await startTestRuntime();
    const flow = await createPublishedFlow(first, paymentFlow(`${provider.url}/pay`));
    const run = await startWaitingRun(first, flow.id);
    assert.equal(run.status, 'waiting');
    const key = String(run.variables.conversation_key);
    await first.stop();
    await writeCrashState(first.dataDir, overdue, run.id);

    const rt = await startTestRuntime({ dataDir: first.dataDir });
    const done = await waitForRun(rt, run.id, (found) => found.status === 'completed');
    assert.equal(done.endNode?.nodeId, 'unpaid');
    const late = await callBack(callbackUrl(rt, flow.id), { conversation_key: key });
    assert.equal(late.status, 410);
    assert.equal((await json<ErrorBody>(late)).error.details?.reason, 'timed-out');
  });

  it('answers a callback that arrives while Hookflow stops 503 + Retry-After; its retry resumes the run', async () => {
    const first = await startTestRuntime();
    const flow = await createPublishedFlow(first, paymentFlow(`${provider.url}/pay-slowly`));
    const started = await first.api(`/api/flows/${flow.id}/runs`, { method: 'POST', json: {} });
    const { id: runId, variables } = await json<Run>(started);
    // The key is in its variable from the start; the run is busy sending it out.
    const key = String(variables.conversation_key);
    await pollUntil(
      () => Promise.resolve(provider.count('/pay-slowly')),
      (count) => count >= 1,
      'the provider hearing from the run',
    );

    // The callback's headers arrive now, its body only once Hookflow has begun to stop.
    // `Expect: 100-continue`: the listener says "continue" once it has taken the request
    // (and handed it to the ingress), so the stop below finds it in flight.
    const body = JSON.stringify({ conversation_key: key, status: 'paid' });
    const pending = request(new URL(callbackUrl(first, flow.id)), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const taken = new Promise<void>((resolve) => pending.once('continue', () => resolve()));
    const answered = new Promise<{ status: number; retryAfter: unknown; text: string }>(
      (resolve, reject) => {
        pending.on('response', (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], text }),
          );
        });
        pending.on('error', reject);
      },
    );
    pending.flushHeaders();
    await taken;
    const stopped = first.stop();
    pending.end(body);
    const answer = await answered;
    assert.equal(answer.status, 503, answer.text);
    assert.ok(Number(answer.retryAfter) > 0, `Retry-After: ${String(answer.retryAfter)}`);
    assert.equal((JSON.parse(answer.text) as ErrorBody).error.code, 'stopping');
    // Let the run's request finish so Hookflow can stop; the run waits, stored.
    slow.open();
    await stopped;

    const rt = await startTestRuntime({ dataDir: first.dataDir });
    const waiting = await waitForRun(rt, runId);
    assert.equal(waiting.status, 'waiting', JSON.stringify(waiting.error));
    const retry = await callBack(callbackUrl(rt, flow.id), {
      conversation_key: key,
      status: 'paid',
    });
    assert.equal(retry.status, 202, await retry.clone().text());
    const done = await waitForRun(rt, runId, (found) => found.status === 'completed');
    assert.equal(done.endNode?.nodeId, 'paid');
  });
});
