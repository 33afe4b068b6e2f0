// Executors' services (ctx.services): the default HTTP client against a real loopback
// server, replaced parts as a test passes them, a logger scoped to the step, and stored
// secrets read through the runtime's reader.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchHttpClient, type HttpClient } from '../../../../runtime/engine/exec-services';
import type { Logger } from '../../../../runtime/logger';
import { secretReader } from '../../../../runtime/security/secret-reader';
import { SecretsStore } from '../../../../runtime/store/secrets-store';
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

  it('gives a node the default HTTP client: status, headers, text and bytes', async () => {
    const { ctx } = await testContext();
    assert.equal(ctx.services.http, fetchHttpClient);
    const response = await ctx.services.http.request(`${base}/echo`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'text/plain' },
      body: 'hello',
      signal: ctx.signal,
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers['x-echo'], 'POST');
    assert.deepEqual(JSON.parse(await response.text()), {
      method: 'POST',
      auth: 'Bearer t',
      body: 'hello',
    });
    const bytes = await (await ctx.services.http.request(`${base}/echo`)).bytes();
    assert.ok(bytes instanceof Uint8Array);
    assert.equal(JSON.parse(Buffer.from(bytes).toString()).method, 'GET');
  });

  it('stops a request when its signal aborts (a cancelled run)', async () => {
    const controller = new AbortController();
    const pending = fetchHttpClient.request(`${base}/slow`, { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
  });

  it('uses the parts a test replaces, and scopes the logger to the run and node', async () => {
    const lines: [string, Record<string, unknown> | undefined][] = [];
    const logger: Logger = {
      info: (message, fields) => lines.push([message, fields]),
      warn: () => {},
      error: () => {},
    };
    const http: HttpClient = {
      request: async (url) => ({
        status: 200,
        headers: {},
        text: async () => `stand-in for ${url}`,
        bytes: async () => new Uint8Array(),
      }),
    };
    const { ctx } = await testContext({
      services: { secrets: { get: (id) => (id === 's_known' ? 'v' : undefined) }, http, logger },
    });
    assert.equal(ctx.services.secrets.get('s_known'), 'v');
    assert.equal(ctx.services.secrets.get('s_other'), undefined);
    assert.equal(
      await (await ctx.services.http.request('https://x.test/')).text(),
      'stand-in for https://x.test/',
    );
    ctx.services.logger.info('called', { status: 200 });
    assert.deepEqual(lines, [['called', { runId: 'r_test0001', nodeId: 'n1', status: 200 }]]);
  });

  it('knows no secret by default; the runtime reads stored ones, a missing one as none', async () => {
    const { ctx } = await testContext();
    assert.equal(ctx.services.secrets.get('s_any'), undefined);
    const store = await SecretsStore.open(await tempDir(), randomBytes(32), new StoreProblems());
    const secrets = secretReader(store);
    await store.set('s_api00001', 'http-request', 'sk_live_1');
    assert.equal(secrets.get('s_api00001'), 'sk_live_1');
    assert.equal(secrets.get('s_missing1'), undefined);
  });
});
