// Executors' services (ctx.services): the runtime's HTTP client against a real loopback
// server, replaced parts as a test passes them, a logger scoped to the step, and stored
// secrets read through the runtime's reader.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../../../../runtime/engine/exec-services';
import type { Logger } from '../../../../runtime/logger';
import { OutboundHttp } from '../../../../runtime/outbound/outbound-http';
import { secretReader } from '../../../../runtime/security/secret-reader';
import { JsonSecretsStore } from '../../../../runtime/store/secrets-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { testContext } from '../../../helpers/exec-context';
import { tempDir } from '../../../helpers/temp-dir';

describe('ExecContext services', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') return; // never answers: only an abort ends it
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-echo': req.method ?? '' });
        res.end(
          JSON.stringify({
            method: req.method,
            auth: req.headers.authorization,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('gives a node the HTTP client it was opened with; without one, nothing is sent', async () => {
    const http = new OutboundHttp();
    after(() => http.close());
    const { ctx } = await testContext({ services: { http } });
    const outcome = await ctx.services.http.send({
      method: 'POST',
      url: `${base}/echo`,
      headers: { authorization: 'Bearer t', 'content-type': 'text/plain' },
      body: 'hello',
      allowPrivateNetwork: true,
      signal: ctx.signal,
    });
    assert.ok(outcome.ok);
    assert.equal(outcome.response.status, 201);
    assert.equal(outcome.response.headers['x-echo'], 'POST');
    assert.deepEqual(JSON.parse(outcome.response.body.toString()), {
      method: 'POST',
      auth: 'Bearer t',
      body: 'hello',
    });
    const bare = await testContext();
    const refused = await bare.ctx.services.http.send({ method: 'GET', url: `${base}/echo` });
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.error.message, /without outbound HTTP/);
  });

  it('uses the parts a test replaces, and scopes the logger to the run and node', async () => {
    const lines: [string, Record<string, unknown> | undefined][] = [];
    const logger: Logger = {
      info: (message, fields) => lines.push([message, fields]),
      warn: () => {},
      error: () => {},
    };
    const http: HttpClient = {
      send: async (request) => ({
        ok: true,
        response: {
          status: 200,
          headers: {},
          body: Buffer.from(`stand-in for ${request.url}`),
          url: request.url,
        },
        attempts: 1,
        redirects: 0,
        ms: 0,
      }),
    };
    const { ctx } = await testContext({
      services: { secrets: { get: (id) => (id === 's_known' ? 'v' : undefined) }, http, logger },
    });
    assert.equal(ctx.services.secrets.get('s_known'), 'v');
    assert.equal(ctx.services.secrets.get('s_other'), undefined);
    const outcome = await ctx.services.http.send({ method: 'GET', url: 'https://x.test/' });
    assert.equal(outcome.ok && outcome.response.body.toString(), 'stand-in for https://x.test/');
    ctx.services.logger.info('called', { status: 200 });
    assert.deepEqual(lines, [['called', { runId: 'r_test0001', nodeId: 'n1', status: 200 }]]);
  });

  it('knows no secret by default; the runtime reads stored ones, a missing one as none', async () => {
    const { ctx } = await testContext();
    assert.equal(ctx.services.secrets.get('s_any'), undefined);
    const store = await JsonSecretsStore.open(
      await tempDir(),
      randomBytes(32),
      new StoreProblems(),
    );
    const secrets = secretReader(store);
    await store.set('s_api00001', 'http-request', 'sk_live_1');
    assert.equal(secrets.get('s_api00001'), 'sk_live_1');
    assert.equal(secrets.get('s_missing1'), undefined);
  });
});
