// The outbound client against real HTTP servers on loopback ports. Loopback is private, so
// most tests allow the private network; the guard tests narrow what counts as private to
// 127.0.0.2 (another loopback address) to show a redirect into it is refused.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { OutboundHttp } from '../../../../runtime/outbound/outbound-http';
import type { OutboundRequest } from '../../../../runtime/outbound/outbound-types';
import { backoffMs, retryAfterMs } from '../../../../runtime/outbound/retry-policy';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function serve(
  handler: Handler,
  host = '127.0.0.1',
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  server.listen(0, host);
  await once(server, 'listening');
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, server };
}

const http = new OutboundHttp({ random: () => 0 });
after(() => http.close());

const local = (spec: OutboundRequest): OutboundRequest => ({ allowPrivateNetwork: true, ...spec });

test('sends method, headers and body, and reads status, headers and body', async () => {
  const { url } = await serve((req, res, body) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-echo', String(req.headers['x-token']));
    res.end(JSON.stringify({ method: req.method, url: req.url, body }));
  });
  const outcome = await http.send(
    local({
      method: 'POST',
      url: `${url}/orders?x=1`,
      headers: { 'Content-Type': 'application/json', 'X-Token': 'abc' },
      body: '{"a":1}',
    }),
  );
  assert.ok(outcome.ok);
  assert.equal(outcome.response.status, 200);
  assert.equal(outcome.response.headers['x-echo'], 'abc');
  assert.deepEqual(JSON.parse(outcome.response.body.toString()), {
    method: 'POST',
    url: '/orders?x=1',
    body: '{"a":1}',
  });
  assert.equal(outcome.attempts, 1);
  assert.equal(outcome.redirects, 0);
});

test('a non-2xx answer is a response, not an error (the node decides what fails)', async () => {
  const { url } = await serve((_req, res) => {
    res.statusCode = 404;
    res.end('nope');
  });
  const outcome = await http.send(local({ method: 'GET', url }));
  assert.ok(outcome.ok);
  assert.equal(outcome.response.status, 404);
});

test('a stalled server times out with the timeout named', async () => {
  const { url } = await serve(() => {
    /* never answers */
  });
  const outcome = await http.send(local({ method: 'GET', url, timeoutMs: 200 }));
  assert.equal(outcome.ok, false);
  assert.equal(outcome.ok ? '' : outcome.error.kind, 'timeout');
  assert.match(outcome.ok ? '' : outcome.error.message, /within 0.2 s/);
});

test('a refused connection is a network error that says so', async () => {
  const { url, server } = await serve(() => undefined);
  server.close();
  await once(server, 'close');
  const outcome = await http.send(local({ method: 'GET', url }));
  assert.equal(outcome.ok, false);
  assert.equal(outcome.ok ? '' : outcome.error.kind, 'network');
  assert.match(outcome.ok ? '' : outcome.error.message, /Connection refused/);
});

test('a response larger than the limit fails, declared or streamed', async () => {
  const { url } = await serve((req, res) => {
    if (req.url === '/declared') res.setHeader('content-length', 5000);
    res.end('x'.repeat(5000));
  });
  for (const path of ['/declared', '/streamed']) {
    const outcome = await http.send(
      local({ method: 'GET', url: url + path, maxResponseBytes: 1000 }),
    );
    assert.equal(outcome.ok ? '' : outcome.error.kind, 'too-large', path);
  }
});

test('redirects are followed (303 turns a POST into a GET) up to five', async () => {
  const seen: string[] = [];
  const { url } = await serve((req, res, body) => {
    seen.push(`${req.method} ${req.url} ${body}`);
    const hop = Number(/hop=(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
    if (req.url?.startsWith('/see-other')) {
      res.writeHead(303, { location: '/final' }).end();
    } else if (req.url?.startsWith('/loop')) {
      res.writeHead(302, { location: `/loop?hop=${hop + 1}` }).end();
    } else {
      res.end('done');
    }
  });
  const posted = await http.send(local({ method: 'POST', url: `${url}/see-other`, body: 'a=1' }));
  assert.ok(posted.ok);
  assert.equal(posted.redirects, 1);
  assert.equal(posted.response.url, `${url}/final`);
  assert.deepEqual(seen, ['POST /see-other a=1', 'GET /final ']);
  const looped = await http.send(local({ method: 'GET', url: `${url}/loop` }));
  assert.equal(looped.ok ? '' : looped.error.kind, 'redirects');
  assert.equal(looped.redirects, 5);
});

test('retries 5xx and 429 with the server’s Retry-After, then answers', async () => {
  let calls = 0;
  const { url } = await serve((_req, res) => {
    calls += 1;
    if (calls === 1) res.writeHead(503).end();
    else if (calls === 2) res.writeHead(429, { 'retry-after': '0' }).end();
    else res.end('ok');
  });
  const outcome = await http.send(local({ method: 'GET', url, retries: 3 }));
  assert.ok(outcome.ok);
  assert.equal(outcome.response.status, 200);
  assert.equal(outcome.attempts, 3);
});

test('a POST is not retried unless the user says repeating it is safe', async () => {
  let calls = 0;
  const { url } = await serve((_req, res) => {
    calls += 1;
    res.writeHead(calls === 1 ? 500 : 200).end();
  });
  const once1 = await http.send(local({ method: 'POST', url, retries: 2 }));
  assert.ok(once1.ok);
  assert.equal(once1.response.status, 500);
  assert.equal(calls, 1);
  calls = 0;
  const retried = await http.send(
    local({ method: 'POST', url, retries: 2, retryNonIdempotent: true }),
  );
  assert.ok(retried.ok);
  assert.equal(retried.response.status, 200);
  assert.equal(calls, 2);
});

test('retries give up with the last answer when they run out', async () => {
  let calls = 0;
  const { url } = await serve((_req, res) => {
    calls += 1;
    res.writeHead(502).end();
  });
  const outcome = await http.send(local({ method: 'GET', url, retries: 2 }));
  assert.ok(outcome.ok);
  assert.equal(outcome.response.status, 502);
  assert.equal(outcome.attempts, 3);
  assert.equal(calls, 3);
});

test('cancelling the run stops the request', async () => {
  const { url } = await serve(() => undefined);
  const controller = new AbortController();
  const pending = http.send(
    local({ method: 'GET', url, signal: controller.signal, timeoutMs: 30_000 }),
  );
  setImmediate(() => controller.abort());
  const outcome = await pending;
  assert.equal(outcome.ok ? '' : outcome.error.kind, 'cancelled');
});

test('by default loopback is refused, by name and as a literal, without connecting', async () => {
  let calls = 0;
  const { url } = await serve((_req, res) => {
    calls += 1;
    res.end();
  });
  const port = new URL(url).port;
  for (const target of [url, `http://localhost:${port}/`, `http://[::1]:${port}/`]) {
    const outcome = await http.send({ method: 'GET', url: target });
    assert.equal(outcome.ok ? '' : outcome.error.kind, 'private-address', target);
    assert.match(outcome.ok ? '' : outcome.error.message, /Allow private network/);
  }
  assert.equal(calls, 0);
});

test('a redirect into the private network is refused', async () => {
  // 127.0.0.2 stands for the private network, 127.0.0.1 for the public internet.
  const guarded = new OutboundHttp({ isBlocked: (address) => address === '127.0.0.2' });
  after(() => guarded.close());
  let privateCalls = 0;
  const inside = await serve((_req, res) => {
    privateCalls += 1;
    res.end('secret');
  }, '127.0.0.2');
  const outside = await serve((_req, res) => res.writeHead(302, { location: inside.url }).end());
  const outcome = await guarded.send({ method: 'GET', url: outside.url });
  assert.equal(outcome.ok ? '' : outcome.error.kind, 'private-address');
  assert.equal(privateCalls, 0);
});

test('only http and https URLs are called', async () => {
  for (const url of ['file:///etc/passwd', 'not a url', 'ftp://example.com/']) {
    const outcome = await http.send({ method: 'GET', url });
    assert.equal(outcome.ok ? '' : outcome.error.kind, 'invalid-request', url);
  }
});

test('backoff grows exponentially with full jitter; Retry-After reads seconds and dates', () => {
  assert.equal(backoffMs(1, 0.999), 500);
  assert.equal(backoffMs(3, 0.5), 1000);
  assert.equal(backoffMs(20, 0.999), 29970);
  assert.equal(retryAfterMs('7'), 7000);
  assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6000);
  assert.equal(retryAfterMs('soon'), undefined);
});

test('connections are kept alive and reused across requests', async () => {
  const { url, server } = await serve((_req, res) => res.end('ok'));
  let connections = 0;
  server.on('connection', () => (connections += 1));
  for (let i = 0; i < 6; i += 1) {
    const outcome = await http.send(local({ method: 'GET', url }));
    assert.ok(outcome.ok);
  }
  // undici may open a second socket when the next request is sent in the same tick the
  // first one's body ended (the first is not back in the pool yet); never one per request.
  assert.ok(connections <= 2, `${connections} connections for 6 requests`);
});
