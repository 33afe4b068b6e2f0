// The HTTP Request node against a small scripted server, for what json-server cannot do:
// XML, HTML and form bodies, redirects, a stall (timeout), 429 with Retry-After, 5xx then
// success, oversized and malformed answers; then the private-address guard and the
// runtime setting that forbids opting out of it; then asynchronous mode and its cap.
// The server is on loopback: configs that should reach it tick "Allow private network"
// (what a person calling their own service does); the guard tests leave it off, or run a
// runtime whose address check blocks only 127.0.0.2, the "private" side of a redirect.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Run } from '../../runtime/shared/run';
import { httpFlow, HTTP_NODE, testRequest } from '../helpers/http-flows';
import { startScriptedServer } from '../helpers/http-servers';
import { json, startTestRuntime } from '../helpers/test-runtime';
import { createFlow, createPublishedFlow, waitForRun } from '../helpers/webhook-runtime';

/** Released by the test: a request parked on it answers only then (or never). */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
const stalled = gate();
let flaky = 0;
let limited = 0;

const server = await startScriptedServer({
  '/note': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      '<?xml version="1.0" encoding="UTF-8"?><note lang="en"><to>Tove</to><body>Hi</body></note>',
    );
  },
  '/echo': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ type: req.headers['content-type'], body: req.body }));
  },
  '/hop': (req, res) => {
    const n = Number(new URL(req.url, 'http://x').searchParams.get('n') ?? '0');
    res.writeHead(302, { location: n >= 6 ? '/echo' : `/hop?n=${n + 1}` });
    res.end();
  },
  '/stall': () => {
    // never answers: the node's timeout ends it
  },
  '/late': (_req, res) => {
    void stalled.opened.then(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"done": true}');
    });
  },
  '/flaky': (_req, res) => {
    flaky += 1;
    res.writeHead(flaky < 3 ? 503 : 200, { 'content-type': 'application/json' });
    res.end(flaky < 3 ? '{"error":"busy"}' : '{"ok": true}');
  },
  '/limited': (_req, res) => {
    limited += 1;
    if (limited === 1) {
      res.writeHead(429, { 'retry-after': '1' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok": true}');
    }
  },
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const more = () => {
      while (sent < 11 && res.write(chunk)) sent += 1;
      if (sent < 11) res.once('drain', more);
      else res.end();
    };
    more();
  },
  '/malformed': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data": [1, 2');
  },
  '/bad-xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end('<note><to>Tove</note>');
  },
});
const base = server.url;
const rt = await startTestRuntime();
const flow = await createFlow(rt, httpFlow({}).graph);
const local = (config: Record<string, unknown>) => ({ allowPrivateNetwork: true, ...config });
const send = (config: Record<string, unknown>, sample: Record<string, unknown> = {}) =>
  testRequest(rt, flow.id, { config: local(config), sample });

describe('HTTP Request node against a scripted server', () => {
  it('maps XML (attributes too) with the same paths as JSON', async () => {
    const result = await send({
      url: `${base}/note`,
      response: {
        format: 'xml',
        mappings: [
          { path: 'note.to', variable: 'to' },
          { path: "note['body']", variable: 'text' },
          { path: "note['@_lang']", variable: 'lang' },
          { path: 'note.cc', variable: 'cc', required: false },
        ],
      },
    });
    assert.equal(result.exchange.output, 'success');
    assert.deepEqual(result.values, { to: 'Tove', text: 'Hi', lang: 'en' });
    assert.equal(result.response?.format, 'xml');
    assert.deepEqual(
      result.exchange.missing?.map((miss) => [miss.path, miss.required]),
      [['note.cc', false]],
    );
  });

  it('sends HTML, text, XML and form bodies with their content types, interpolated', async () => {
    const cases = [
      {
        kind: 'html',
        text: '<p>Hi {{name}}</p>',
        type: 'text/html; charset=utf-8',
        sent: '<p>Hi Ann</p>',
      },
      { kind: 'text', text: 'Hi $NAME', type: 'text/plain; charset=utf-8', sent: 'Hi Ann' },
      { kind: 'xml', text: '<n>{{name}}</n>', type: 'application/xml', sent: '<n>Ann</n>' },
    ];
    for (const item of cases) {
      const result = await send(
        {
          method: 'POST',
          url: `${base}/echo`,
          body: { kind: item.kind, text: item.text },
          response: { bodyVariable: 'echo' },
        },
        { name: 'Ann', NAME: 'Ann' },
      );
      assert.deepEqual(result.values.echo, { type: item.type, body: item.sent }, item.kind);
    }
    const form = await send(
      {
        method: 'POST',
        url: `${base}/echo`,
        body: {
          kind: 'form',
          form: [
            { name: 'email', value: '{{email}}' },
            { name: 'plan', value: 'pro & more' },
          ],
        },
        response: { bodyVariable: 'echo' },
      },
      { email: 'a+b@x.co' },
    );
    assert.deepEqual(form.values.echo, {
      type: 'application/x-www-form-urlencoded',
      body: 'email=a%2Bb%40x.co&plan=pro+%26+more',
    });
    const typed = await send({
      method: 'POST',
      url: `${base}/echo`,
      headers: [{ name: 'Content-Type', value: 'application/vnd.api+json' }],
      body: { kind: 'json', text: '{"a": 1}' },
      response: { bodyVariable: 'echo' },
    });
    assert.deepEqual(typed.values.echo, { type: 'application/vnd.api+json', body: '{"a": 1}' });
  });

  it('follows up to 5 redirects; a sixth takes failed', async () => {
    const followed = await send({ url: `${base}/hop?n=2`, response: { bodyVariable: 'b' } });
    assert.equal(followed.exchange.output, 'success');
    assert.equal(followed.exchange.redirects, 5);
    const tooMany = await send({ url: `${base}/hop?n=0` });
    assert.equal(tooMany.exchange.output, 'failed');
    assert.equal(tooMany.exchange.failure?.kind, 'redirects');
  });

  it('takes failed with a timeout when the server stalls past the node timeout', async () => {
    const result = await send({ url: `${base}/stall`, timeoutSeconds: 1 });
    assert.equal(result.exchange.output, 'failed');
    assert.equal(result.exchange.failure?.kind, 'timeout');
    assert.equal(result.values.httpErrorKind, 'timeout');
    assert.match(String(result.values.httpErrorMessage), /within 1 s/);
  });

  it('retries 5xx until success, and waits as Retry-After says after a 429', async () => {
    const before = server.count('/flaky');
    const retried = await send({ url: `${base}/flaky`, retries: { count: 3 } });
    assert.equal(retried.exchange.output, 'success');
    assert.equal(retried.exchange.retries, 2);
    assert.equal(server.count('/flaky') - before, 3);

    const afterLimit = await send({ url: `${base}/limited`, retries: { count: 1 } });
    assert.equal(afterLimit.exchange.output, 'success');
    assert.equal(afterLimit.exchange.retries, 1);
    assert.ok(afterLimit.exchange.ms >= 1000, 'Retry-After: 1 was waited for');

    const post = await send({ method: 'POST', url: `${base}/flaky`, retries: { count: 3 } });
    assert.equal(post.exchange.retries, 0, 'a POST is not retried unless ticked');
  });

  it('takes failed on an oversized answer and on malformed JSON or XML', async () => {
    const huge = await send({ url: `${base}/huge` });
    assert.equal(huge.exchange.failure?.kind, 'too-large');
    assert.match(huge.exchange.failure?.message ?? '', /10 MiB/);
    const malformed = await send({ url: `${base}/malformed` });
    assert.equal(malformed.exchange.failure?.kind, 'unparsable');
    assert.match(malformed.response?.parseError ?? '', /not valid JSON/);
    assert.equal(malformed.response?.text, '{"data": [1, 2');
    const badXml = await send({ url: `${base}/bad-xml`, response: { format: 'xml' } });
    assert.equal(badXml.exchange.failure?.kind, 'unparsable');
  });

  it('answers 404 for an unknown node and 400 for a config that does not validate', async () => {
    const unknown = await rt.api(`/api/flows/${flow.id}/nodes/n_nope/test-request`, {
      method: 'POST',
      json: {},
    });
    assert.equal(unknown.status, 404);
    assert.equal((await json<{ error: { code: string } }>(unknown)).error.code, 'not_found');
    const trigger = await rt.api(`/api/flows/${flow.id}/nodes/n_hook/test-request`, {
      method: 'POST',
      json: {},
    });
    assert.equal(trigger.status, 404);
    const invalid = await rt.api(`/api/flows/${flow.id}/nodes/${HTTP_NODE}/test-request`, {
      method: 'POST',
      json: { config: { url: 'x', timeoutSeconds: 500 } },
    });
    assert.equal(invalid.status, 400);
    const problem = await json<{ error: { code: string; message: string } }>(invalid);
    assert.equal(problem.error.code, 'invalid_input');
    assert.match(problem.error.message, /timeoutSeconds/);
  });
});

describe('cancelling a run mid-request', () => {
  it('stops the request and ends the run as cancelled, not along failed', async () => {
    const { graph, webhookId } = httpFlow(local({ url: `${base}/stall`, timeoutSeconds: 60 }));
    await createPublishedFlow(rt, graph);
    const before = server.count('/stall');
    const response = await fetch(`${rt.public}/webhooks/flow/${webhookId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { runId } = await json<{ runId: string }>(response);
    // The request is at the server (it stalls there) once the server has seen it.
    while (server.count('/stall') === before) await new Promise((resolve) => setImmediate(resolve));
    const cancelled = await rt.api(`/api/runs/${runId}/cancel`, { method: 'POST' });
    assert.equal(cancelled.status, 200);
    const run = await waitForRun(rt, runId, (found) => found.status === 'failed');
    assert.equal(run.error, 'Cancelled');
    assert.equal(
      run.steps.some((step) => step.nodeId === 'n_failed'),
      false,
    );
  });
});

describe('the private-address guard', () => {
  it('refuses localhost unless the node allows the private network', async () => {
    const before = server.seen.length;
    const port = new URL(base).port;
    const refused = await testRequest(rt, flow.id, {
      config: { url: `http://localhost:${port}/echo` },
    });
    assert.equal(refused.exchange.output, 'failed');
    assert.equal(refused.exchange.failure?.kind, 'private-address');
    assert.match(refused.exchange.failure?.message ?? '', /Allow private network/);
    const literal = await testRequest(rt, flow.id, { config: { url: `${base}/echo` } });
    assert.equal(literal.exchange.failure?.kind, 'private-address');
    assert.equal(server.seen.length, before, 'nothing reached the server');
    const allowed = await send({ url: `http://localhost:${port}/echo` });
    assert.equal(allowed.exchange.output, 'success');
  });

  it('refuses a redirect to a private address', async () => {
    // 127.0.0.2 stands for the private network here; 127.0.0.1 for the public internet.
    const inside = await startScriptedServer(
      {
        '/secret': (_req, res) => {
          res.writeHead(200);
          res.end('metadata');
        },
      },
      '127.0.0.2',
    );
    const outside = await startScriptedServer({
      '/go': (_req, res) => {
        res.writeHead(302, { location: `${inside.url}/secret` });
        res.end();
      },
    });
    const guarded = await startTestRuntime({
      outbound: { isBlocked: (address) => address === '127.0.0.2' },
    });
    const guardedFlow = await createFlow(guarded, httpFlow({}).graph);
    const result = await testRequest(guarded, guardedFlow.id, {
      config: { url: `${outside.url}/go` },
    });
    assert.equal(result.exchange.output, 'failed');
    assert.equal(result.exchange.failure?.kind, 'private-address');
    assert.equal(outside.seen.length, 1);
    assert.equal(inside.seen.length, 0);
  });

  it('a runtime setting forbids the "Allow private network" switch', async () => {
    const forbidding = await startTestRuntime();
    const patched = await forbidding.api('/api/settings', {
      method: 'PATCH',
      json: { outbound: { forbidPrivateNetwork: true } },
    });
    assert.equal(patched.status, 200);
    const forbiddingFlow = await createFlow(forbidding, httpFlow({}).graph);
    const before = server.seen.length;
    const result = await testRequest(forbidding, forbiddingFlow.id, {
      config: local({ url: `${base}/echo` }),
    });
    assert.equal(result.exchange.failure?.kind, 'private-address');
    assert.match(result.exchange.failure?.message ?? '', /settings forbid/);
    assert.equal(server.seen.length, before);
  });
});

describe('asynchronous requests', () => {
  it('the run goes on at once on success; the outcome is added to its record later', async () => {
    const asyncRuntime = await startTestRuntime();
    const patched = await asyncRuntime.api('/api/settings', {
      method: 'PATCH',
      json: { outbound: { maxBackgroundRequests: 1 } },
    });
    assert.equal(patched.status, 200);
    const { graph, webhookId } = httpFlow(
      local({
        url: `${base}/late`,
        asynchronous: true,
        timeoutSeconds: 60,
        response: { mappings: [{ path: 'done', variable: 'done' }] },
      }),
    );
    await createPublishedFlow(asyncRuntime, graph);
    const call = async (): Promise<Run> => {
      const response = await fetch(`${asyncRuntime.public}/webhooks/flow/${webhookId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(response.status, 202);
      const { runId } = await json<{ runId: string }>(response);
      return waitForRun(asyncRuntime, runId, (run) => run.status === 'completed');
    };
    const first = await call();
    assert.equal(first.endNode?.nodeId, 'n_ok', 'went on while the server still stalls');
    assert.equal(
      first.steps.find((step) => step.nodeId === HTTP_NODE)?.output?.http?.background,
      'queued',
    );
    assert.equal(first.variables.done, undefined);

    // The cap is 1 and the first request still waits: the second is refused, not queued.
    const second = await call();
    assert.equal(second.endNode?.nodeId, 'n_failed');
    assert.equal(second.variables.httpErrorKind, 'busy');

    stalled.open();
    const finished = await waitForRun(asyncRuntime, first.id, (run) =>
      run.steps.some((step) => step.output?.http?.background === 'finished'),
    );
    const late = finished.steps.find((step) => step.output?.http?.background === 'finished');
    assert.equal(late?.nodeId, HTTP_NODE);
    assert.equal(late?.output?.http?.status, 200);
    assert.deepEqual(late?.output?.http?.mapped, { done: true });
    assert.equal(finished.variables.done, undefined, 'not into variables the run moved past');
  });
});
