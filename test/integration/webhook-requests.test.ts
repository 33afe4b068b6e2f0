// What the ingress does with each kind of request: every content type reaches the run as
// `body`, the size limit answers 413, a required content type 415, malformed bodies 400,
// other methods 405 with Allow, and unknown or unpublished URLs a 404 that says which.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CallPage, CallRecord } from '../../runtime/shared/calls';
import type { DraftNode } from '../../runtime/shared/flow-document';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createFlow, createPublishedFlow, publishFlow } from '../helpers/admin-api';

async function hook(rt: TestRuntime, config: Record<string, unknown> = {}) {
  const trigger = webhookTriggerNode({ saveFullBodyAs: 'payload', ...config });
  const flow = await createPublishedFlow(rt, graphWith(trigger));
  return { flow, url: `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}` };
}

async function payloadOf(rt: TestRuntime, response: Response): Promise<unknown> {
  assert.equal(response.status, 202, await response.clone().text());
  const run = await waitForRun(rt, (await json<{ runId: string }>(response)).runId);
  return run.variables.payload;
}

const errorCode = async (response: Response) =>
  (await json<{ error: { code: string } }>(response)).error.code;

// One runtime for the whole file: started at load, stopped after the last test.
const rt: TestRuntime = await startTestRuntime();

describe('webhook requests', () => {
  it('JSON, forms, multipart, XML and text all reach the run as body', async () => {
    const { url } = await hook(rt);
    const send = (contentType: string, body: string | FormData) =>
      fetch(url, {
        method: 'POST',
        ...(typeof body === 'string' ? { headers: { 'content-type': contentType } } : {}),
        body,
      });
    assert.deepEqual(await payloadOf(rt, await send('application/json', '{"a":{"b":[1,2]}}')), {
      a: { b: [1, 2] },
    });
    assert.deepEqual(
      await payloadOf(
        rt,
        await send('application/x-www-form-urlencoded', 'name=Ana+Souza&items[0][sku]=A1'),
      ),
      { name: 'Ana Souza', items: [{ sku: 'A1' }] },
    );
    const form = new FormData();
    form.append('email', 'ana@example.com');
    form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'note.txt');
    assert.deepEqual(await payloadOf(rt, await send('', form)), { email: 'ana@example.com' });
    assert.deepEqual(
      await payloadOf(
        rt,
        await send('application/xml', '<order><id>7</id><customer>Ana</customer></order>'),
      ),
      { order: { id: '7', customer: 'Ana' } },
    );
    assert.equal(await payloadOf(rt, await send('text/plain', 'just text')), 'just text');
  });

  it('GET with a query and no body is accepted when the trigger lists GET', async () => {
    const { url } = await hook(rt, {
      methods: ['GET', 'POST'],
      mappings: [{ path: 'query.ref', variable: 'ref' }],
    });
    const response = await fetch(`${url}?ref=abc`);
    assert.equal(response.status, 202);
    const run = await waitForRun(rt, (await json<{ runId: string }>(response)).runId);
    assert.equal(run.variables.ref, 'abc');
  });

  it('405 with Allow for a method the trigger does not accept', async () => {
    const { url } = await hook(rt, { methods: ['POST', 'PUT'] });
    const response = await fetch(url, { method: 'DELETE' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST, PUT');
    assert.equal(await errorCode(response), 'method_not_allowed');
  });

  it('413 over the body limit, logged with its size unknown to the run', async () => {
    const { url, flow } = await hook(rt, { bodyLimitBytes: 1024 });
    const big = JSON.stringify({ text: 'x'.repeat(2000) });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    assert.equal(response.status, 413);
    assert.equal(await errorCode(response), 'payload_too_large');
    const fits = JSON.stringify({ text: 'x'.repeat(900) });
    assert.equal(
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: fits,
        })
      ).status,
      202,
    );
    const log = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
    assert.deepEqual(
      log.calls.map((call) => call.status),
      [202, 413],
    );
  });

  it('415 when a required content type is not sent; 400 naming a malformed body', async () => {
    const { url } = await hook(rt, { requireContentType: 'json' });
    const wrong = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    assert.equal(wrong.status, 415);
    assert.equal(await errorCode(wrong), 'unsupported_media_type');
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a": }',
    });
    assert.equal(malformed.status, 400);
    const body = await json<{ error: { code: string; message: string } }>(malformed);
    assert.equal(body.error.code, 'invalid_json');
    assert.match(body.error.message, /line 1/);
    const { url: xmlUrl } = await hook(rt);
    const badXml = await fetch(xmlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a><b></a>',
    });
    assert.equal(badXml.status, 400);
  });

  it('404 that says which: no such webhook, flow not published, not in the published version', async () => {
    const unknown = await fetch(`${rt.public}/webhooks/flow/wh_AAAAAAAAAAAAAAAAAAAAAA`, {
      method: 'POST',
    });
    assert.equal(unknown.status, 404);
    assert.equal(await errorCode(unknown), 'webhook_not_found');

    const trigger = webhookTriggerNode();
    const draft = await createFlow(rt, graphWith(trigger));
    const url = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
    const unpublished = await fetch(url, { method: 'POST' });
    assert.equal(unpublished.status, 404);
    assert.equal(await errorCode(unpublished), 'flow_not_published');
    const log = await json<CallPage>(await rt.api(`/api/flows/${draft.id}/nodes/n_hook/calls`));
    assert.equal(log.calls[0]?.status, 404, 'a call to a known trigger is logged');

    await publishFlow(rt, draft.id);
    assert.equal((await fetch(url, { method: 'POST' })).status, 202, 'published: the URL works');
    // Unpublish: the URL stops at once (the trigger map is rebuilt on the event).
    await rt.api(`/api/flows/${draft.id}/unpublish`, { method: 'POST', json: {} });
    assert.equal(await errorCode(await fetch(url, { method: 'POST' })), 'flow_not_published');
    await rt.api(`/api/flows/${draft.id}`, { method: 'DELETE' });
    assert.equal(await errorCode(await fetch(url, { method: 'POST' })), 'webhook_not_found');
  });

  it('the admin API is not reachable on the public listener, nor webhooks on the admin one', async () => {
    const flows = await fetch(`${rt.public}/api/flows`, {
      headers: { authorization: `Bearer ${rt.token}` },
    });
    assert.equal(flows.status, 404);
    const { url } = await hook(rt);
    const onAdmin = await fetch(url.replace(rt.public, rt.admin), {
      method: 'POST',
      headers: { authorization: `Bearer ${rt.token}` },
    });
    assert.equal(onAdmin.status, 404);
  });

  it('records the body capped with a truncation mark, and headers with secrets redacted', async () => {
    const { url, flow } = await hook(rt, { bodyLimitBytes: 200 * 1024 });
    const big = JSON.stringify({ text: 'y'.repeat(100 * 1024) });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'session=abc',
        authorization: 'Basic x',
      },
      body: big,
    });
    assert.equal(response.status, 202);
    const log = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
    const call = await json<CallRecord>(await rt.api(`/api/calls/${log.calls[0]?.id}`));
    assert.equal(call.bodyTruncated, true);
    assert.equal(call.size, big.length);
    assert.equal(call.body?.length, 64 * 1024);
    assert.equal(call.headers.cookie, '[redacted]');
    assert.equal(call.headers.authorization, '[redacted]');
    assert.equal(call.headers['content-type'], 'application/json');
  });

  it('keeps an accepted body whole in the call log: shown cut, replayed byte for byte', async () => {
    const { url, flow } = await hook(rt, { bodyLimitBytes: 300 * 1024 });
    // Spaces, a trailing zero and a \u escape: what a re-serialization would change.
    const compact = `{"note": "caf\\u00e9", "total": 1.50, "items": [${'{"sku": "A1"},'.repeat(8000)}{}]}`;
    const pretty = JSON.stringify(JSON.parse(compact), null, 2);
    for (const text of [compact, pretty]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
      assert.equal(response.status, 202);
      const { runId } = await json<{ runId: string }>(response);
      const run = await waitForRun(rt, runId);
      assert.deepEqual(run.variables.payload, JSON.parse(text));
      const page = await json<CallPage>(await rt.api(`/api/flows/${flow.id}/nodes/n_hook/calls`));
      const callId = page.calls.find((item) => item.runId === runId)?.id;
      const call = await json<CallRecord & { parsedBody: unknown }>(
        await rt.api(`/api/calls/${callId}`),
      );
      const shown = Buffer.from(text)
        .subarray(0, 64 * 1024)
        .toString('utf8');
      assert.equal(call.body, shown, 'shown cut at 64 KiB, as sent');
      assert.equal(call.bodyTruncated, true);
      assert.equal(call.bodyStored, true);
      assert.deepEqual(call.parsedBody, JSON.parse(text), 'parsed from every byte');
      const replay = await rt.api(`/api/calls/${callId}/replay`, { method: 'POST' });
      assert.equal(replay.status, 202, await replay.clone().text());
      const replayed = await waitForRun(rt, (await json<{ runId: string }>(replay)).runId);
      assert.deepEqual(replayed.variables.payload, JSON.parse(text));
    }
    // One durable line per call: no file of its own beside the log.
    assert.ok(!(await readdir(rt.dataDir)).includes('call-bodies'), 'no call-bodies/ folder');
    // The compact body went into the call log as the bytes that arrived; the ended runs'
    // records leave the request out (it is the call's), so it is written once.
    const logText = async (log: string) => {
      const names = await readdir(join(rt.dataDir, log));
      return (await Promise.all(names.map((n) => readFile(join(rt.dataDir, log, n))))).join('');
    };
    assert.ok((await logText('calls')).includes(compact), 'calls/ holds the body unescaped');
    const runRecords = (await logText('runs'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { status: string; input?: unknown });
    assert.ok(runRecords.length > 0);
    for (const record of runRecords) {
      assert.equal(record.status, 'completed');
      assert.equal(record.input, undefined, 'an ended run’s record leaves the request out');
    }
  });

  it('hands a large body to its run as bytes: mappings, routing and later reads agree', async () => {
    const trigger = webhookTriggerNode({
      mappings: [{ path: 'body.customer.name', variable: 'name' }],
      events: {
        path: 'body.event',
        cases: [{ id: 'paid', label: 'Paid', value: 'order.paid' }],
      },
    });
    const later: DraftNode = {
      id: 'n_set',
      type: 'set-variable',
      position: { x: 200, y: 0 },
      data: { config: { variable: 'last_sku', source: 'path', path: 'body.items[2999].sku' } },
    };
    const graph = graphWith(trigger, ['paid', 'else']);
    graph.nodes.push(later);
    graph.edges = graph.edges.map((edge) =>
      edge.sourceHandle === 'paid' ? { ...edge, target: 'n_set' } : edge,
    );
    graph.edges.push({ id: 'e_set', source: 'n_set', sourceHandle: 'next', target: 'n_end_paid' });
    await createPublishedFlow(rt, graph);
    const items = Array.from({ length: 3000 }, (_, i) => ({ sku: `S${i}` }));
    const text = JSON.stringify({ event: 'order.paid', customer: { name: 'Ana' }, items });
    assert.ok(text.length > 32 * 1024, 'large enough to be handed over as bytes');
    const response = await fetch(`${rt.public}/webhooks/flow/${trigger.data.config.webhookId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    assert.equal(response.status, 202);
    const run = await waitForRun(rt, (await json<{ runId: string }>(response)).runId);
    assert.equal(run.status, 'completed');
    assert.deepEqual(run.variables, { name: 'Ana', last_sku: 'S2999' });
    assert.deepEqual(
      run.steps.map((step) => [step.nodeId, step.outputHandle]),
      [
        ['n_hook', 'paid'],
        ['n_set', 'next'],
        ['n_end_paid', undefined],
      ],
    );
  });
});
