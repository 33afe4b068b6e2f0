// Issue 10 item 2b: a secret sent in the wrong place — a Bearer token as `?token=` or in an
// `X-Webhook-Token` header, a query token in a header, any token in the body — is refused
// as before, and is now kept nowhere: not in the call log (API and the calls/ files), not
// in the listen stream, not in a run or the runs/ files. Redaction is by value: the runtime
// knows every secret, whatever name it arrives under.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REDACTED } from '../../runtime/security/redacted';
import type { CallPage, CallRecord } from '../../runtime/shared/calls';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createPublishedFlow } from '../helpers/admin-api';
import { createSecret, openSse } from '../helpers/webhook-runtime';

const BEARER_TOKEN = 'bearer-7b1d0c4e9f2a5b8c3d6e1f0a9b8c7d6e';
const QUERY_TOKEN = 'query-0f9e8d7c6b5a4938271605f4e3d2c1b0';
/** A user's own value, with characters a form body percent-encodes. */
const FORM_SECRET = 'p@ss w/rd+"quoted"&more';

const rt: TestRuntime = await startTestRuntime();
const bearerId = await createSecret(rt, BEARER_TOKEN);
const queryId = await createSecret(rt, QUERY_TOKEN);
await createSecret(rt, FORM_SECRET);

async function hook(security: Record<string, unknown>, config: Record<string, unknown> = {}) {
  const trigger = webhookTriggerNode({ security, ...config });
  const flow = await createPublishedFlow(rt, graphWith(trigger));
  return {
    flowId: flow.id,
    url: `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`,
  };
}

const bearer = await hook({ auth: { type: 'bearer', tokenSecretId: bearerId } });
const query = await hook(
  { auth: { type: 'query', paramName: 'key', tokenSecretId: queryId } },
  { saveFullBodyAs: 'payload' },
);

async function latestCall(flowId: string): Promise<CallRecord> {
  const page = await json<CallPage>(await rt.api(`/api/flows/${flowId}/nodes/n_hook/calls`));
  const id = page.calls[0]?.id ?? '';
  return json<CallRecord>(await rt.api(`/api/calls/${id}`));
}

/** Every byte of a log folder in the data folder, as text. */
async function onDisk(folder: 'calls' | 'runs'): Promise<string> {
  const dir = join(rt.dataDir, folder);
  const texts = await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name))));
  return Buffer.concat(texts).toString('utf8');
}

function assertAbsent(where: string, text: string, ...secrets: string[]): void {
  for (const secret of secrets) {
    assert.ok(!text.includes(secret), `${where} holds the secret ${secret.slice(0, 8)}…`);
    assert.ok(!text.includes(encodeURIComponent(secret)), `${where} holds it URL-encoded`);
  }
}

describe('secrets sent in the wrong place', () => {
  it('a Bearer token in ?token= or X-Webhook-Token is refused and kept nowhere', async () => {
    const inQuery = await fetch(`${bearer.url}?token=${BEARER_TOKEN}&order=7`, { method: 'POST' });
    assert.equal(inQuery.status, 401);
    const queryCall = await latestCall(bearer.flowId);
    assert.equal(queryCall.query.token, REDACTED);
    assert.equal(queryCall.query.order, '7', 'the rest of the query is kept');

    const inHeader = await fetch(bearer.url, {
      method: 'POST',
      headers: { 'x-webhook-token': BEARER_TOKEN, 'x-note': `prefix ${BEARER_TOKEN} suffix` },
    });
    assert.equal(inHeader.status, 401);
    const headerCall = await latestCall(bearer.flowId);
    assert.equal(headerCall.headers['x-webhook-token'], REDACTED);
    assert.equal(headerCall.headers['x-note'], `prefix ${REDACTED} suffix`);

    assertAbsent('GET /api/calls', JSON.stringify([queryCall, headerCall]), BEARER_TOKEN);
    assertAbsent('calls/', await onDisk('calls'), BEARER_TOKEN);
  });

  it('a query token sent in a header, or another trigger’s token, is kept nowhere', async () => {
    const response = await fetch(query.url, {
      method: 'POST',
      headers: { 'x-api-key-custom': QUERY_TOKEN, 'x-other': BEARER_TOKEN },
    });
    assert.equal(response.status, 401);
    const call = await latestCall(query.flowId);
    assert.equal(call.headers['x-api-key-custom'], REDACTED);
    assert.equal(call.headers['x-other'], REDACTED);
    assertAbsent('calls/', await onDisk('calls'), QUERY_TOKEN, BEARER_TOKEN);
  });

  it('a token in the body is cut out of the stored body, the stream and the run', async () => {
    const listen = await openSse(
      `${rt.admin}/api/flows/${query.flowId}/nodes/n_hook/listen`,
      rt.token,
    );
    await listen.next('ready');
    const body = JSON.stringify({ order: 7, auth: { token: BEARER_TOKEN }, note: QUERY_TOKEN });
    const response = await fetch(`${query.url}?key=${QUERY_TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(response.status, 202, 'the right token in the right place still passes');
    const { runId } = await json<{ runId: string }>(response);
    const run = await waitForRun(rt, runId);
    assert.equal(run.status, 'completed');
    assert.deepEqual(run.variables.payload, {
      order: 7,
      auth: { token: REDACTED },
      note: REDACTED,
    });
    const streamed = await listen.next('call');
    listen.close();

    const call = await latestCall(query.flowId);
    assert.equal(call.size, Buffer.byteLength(body), 'the size is what was received');
    assert.deepEqual(JSON.parse(call.body ?? ''), {
      order: 7,
      auth: { token: REDACTED },
      note: REDACTED,
    });
    assertAbsent('the listen stream', JSON.stringify(streamed.data), BEARER_TOKEN, QUERY_TOKEN);
    assertAbsent('GET /api/calls', JSON.stringify(call), BEARER_TOKEN, QUERY_TOKEN);
    assertAbsent('calls/', await onDisk('calls'), BEARER_TOKEN, QUERY_TOKEN);
    assertAbsent('runs/', await onDisk('runs'), BEARER_TOKEN, QUERY_TOKEN);
  });

  it('a token in a large body (kept as bytes, not parsed again) is cut out too', async () => {
    // Over the size at which an unlistened body goes to its run as bytes (pipeline.ts).
    const body = JSON.stringify({ note: QUERY_TOKEN, filler: 'x'.repeat(40_000) });
    const response = await fetch(bearer.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER_TOKEN}` },
      body,
    });
    assert.equal(response.status, 202);
    const { runId } = await json<{ runId: string }>(response);
    assert.equal((await waitForRun(rt, runId)).status, 'completed');
    const call = await latestCall(bearer.flowId);
    assert.equal(JSON.parse(call.body ?? '{}').note, REDACTED);
    assertAbsent('calls/', await onDisk('calls'), QUERY_TOKEN);
    assertAbsent('runs/', await onDisk('runs'), QUERY_TOKEN);
  });

  it('a secret a form body percent-encodes is cut out of it too', async () => {
    const form = new URLSearchParams({ password: FORM_SECRET, name: 'Ana' }).toString();
    const response = await fetch(bearer.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    assert.equal(response.status, 401);
    const call = await latestCall(bearer.flowId);
    assert.deepEqual(Object.fromEntries(new URLSearchParams(call.body ?? '')), {
      password: REDACTED,
      name: 'Ana',
    });
    assertAbsent('calls/', await onDisk('calls'), FORM_SECRET);
    assert.ok(!(await onDisk('calls')).includes(form.split('&')[0] ?? '-'));
  });
});
