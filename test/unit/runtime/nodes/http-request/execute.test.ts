// The HTTP Request executor against a real loopback server through the runtime's real
// outbound client. The server is on 127.0.0.1, which the node refuses by default: these
// configs tick allowPrivateNetwork (the switch people use for their own services), and
// the guard itself is tested where it is refused.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { httpRequestConfigSchema } from '../../../../../runtime/nodes/http-request/definition';
import { httpRequestExecutor } from '../../../../../runtime/nodes/http-request/execute';
import { OutboundHttp } from '../../../../../runtime/outbound/outbound-http';
import { testContext } from '../../../../helpers/exec-context';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('HTTP Request executor', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  const http = new OutboundHttp({ random: () => 0 });
  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/user') {
          res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'abc' });
          res.end(JSON.stringify({ data: { userId: 7, name: 'Ann' }, echo: body }));
        } else if (path === '/note') {
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end('<?xml version="1.0"?><note id="n1"><to>Tove</to><from>Jani</from></note>');
        } else if (path === '/missing') {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end('{"error":"no such user"}');
        } else if (path === '/broken') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"data": ');
        } else {
          res.writeHead(500);
          res.end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await http.close();
    server.closeAllConnections();
    server.close();
  });

  const run = async (
    input: Record<string, unknown>,
    variables: Record<string, unknown> = {},
    secrets: Record<string, string> = {},
  ) => {
    const config = httpRequestConfigSchema.parse({ allowPrivateNetwork: true, ...input });
    const context = await testContext({
      variables,
      services: { http, secrets: { get: (id) => secrets[id] } },
    });
    const outcome = await httpRequestExecutor.execute(context.ctx, config);
    return { outcome, variables: context.ctx.variables.all() };
  };

  it('sends the filled request, maps the JSON answer, and takes success', async () => {
    const { outcome, variables } = await run(
      {
        method: 'POST',
        url: `${base}/user`,
        headers: [
          { name: 'Authorization', value: 'Bearer {{secret}}', secretId: 's_api' },
          { name: 'X-Plan', value: '$PLAN' },
        ],
        query: [{ name: 'email', value: '' }],
        body: { kind: 'json', text: '{"name": "{{name}}", "total": {{total}}}' },
        response: {
          mappings: [
            { path: 'data.userId', variable: 'userId' },
            { path: "data['name']", variable: 'userName' },
          ],
          statusVariable: 'status',
          headers: [{ name: 'X-Request-Id', variable: 'requestId' }],
        },
      },
      { email: 'a@b.co', PLAN: 'pro', name: 'Ann "A"', total: 12.5 },
      { s_api: 'sk_live_123456789' },
    );
    assert.equal(outcome.kind, 'next');
    assert.ok(outcome.kind === 'next');
    assert.equal(outcome.handle, 'success');
    const request = seen.at(-1);
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, '/user?email=a%40b.co');
    assert.equal(request?.headers.authorization, 'Bearer sk_live_123456789');
    assert.equal(request?.headers['x-plan'], 'pro');
    assert.equal(request?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(request?.body ?? ''), { name: 'Ann "A"', total: 12.5 });
    assert.equal(variables.userId, 7);
    assert.equal(variables.userName, 'Ann');
    assert.equal(variables.status, 200);
    assert.equal(variables.requestId, 'abc');
    const exchange = outcome.details?.http;
    assert.equal(exchange?.status, 200);
    assert.equal(exchange?.method, 'POST');
    assert.equal(exchange?.headers?.Authorization, 'Bearer [secret s_api]');
    assert.deepEqual(exchange?.mapped, { userId: 7, userName: 'Ann' });
    assert.equal(exchange?.retries, 0);
    assert.ok(!JSON.stringify(outcome).includes('sk_live_123456789'));
  });

  it('maps XML with the same path language, attributes included', async () => {
    const { outcome, variables } = await run({
      url: `${base}/note`,
      response: {
        mappings: [
          { path: 'note.to', variable: 'to' },
          { path: "note['from']", variable: 'from' },
          { path: "note['@_id']", variable: 'noteId' },
        ],
      },
    });
    assert.ok(outcome.kind === 'next');
    assert.equal(outcome.handle, 'success', JSON.stringify(outcome.details));
    assert.equal(variables.to, 'Tove');
    assert.equal(variables.from, 'Jani');
    assert.equal(variables.noteId, 'n1');
  });

  it('takes failed on a failure status and says why in the error variables', async () => {
    const { outcome, variables } = await run({
      url: `${base}/missing`,
      response: { mappings: [{ path: 'data.userId', variable: 'userId' }] },
    });
    assert.ok(outcome.kind === 'next');
    assert.equal(outcome.handle, 'failed');
    assert.equal(variables.httpErrorKind, 'status');
    assert.equal(variables.httpErrorStatus, 404);
    assert.match(String(variables.httpErrorMessage), /404.*no such user/);
    assert.equal(variables.userId, undefined);
    assert.equal(outcome.details?.http?.failure?.kind, 'status');
  });

  it('a custom failure list lets a 404 through to success', async () => {
    const { outcome } = await run({ url: `${base}/missing`, failureStatuses: '500-599' });
    assert.ok(outcome.kind === 'next');
    assert.equal(outcome.handle, 'success');
  });

  it('takes failed when a required path is missing; an optional one only warns', async () => {
    const required = await run({
      url: `${base}/user`,
      response: { mappings: [{ path: 'data.email', variable: 'email' }] },
      errors: { kindVariable: 'why', statusVariable: '', messageVariable: 'whyText' },
    });
    assert.ok(required.outcome.kind === 'next');
    assert.equal(required.outcome.handle, 'failed');
    assert.equal(required.variables.why, 'missing-mapping');
    assert.match(String(required.variables.whyText), /data\.email \(for email\)/);
    assert.equal(required.outcome.details?.http?.missing?.[0]?.path, 'data.email');

    const optional = await run({
      url: `${base}/user`,
      response: {
        mappings: [
          { path: 'data.email', variable: 'email', required: false },
          { path: 'data.userId', variable: 'userId' },
        ],
      },
    });
    assert.ok(optional.outcome.kind === 'next');
    assert.equal(optional.outcome.handle, 'success');
    assert.equal(optional.variables.userId, 7);
    assert.match(optional.outcome.warnings?.[0] ?? '', /data\.email → email found nothing/);
  });

  it('takes failed on a body that is not the declared format', async () => {
    const { outcome, variables } = await run({ url: `${base}/broken` });
    assert.ok(outcome.kind === 'next');
    assert.equal(outcome.handle, 'failed');
    assert.equal(variables.httpErrorKind, 'unparsable');
    assert.match(String(variables.httpErrorMessage), /not valid JSON/);
  });

  it('refuses loopback unless the node allows the private network', async () => {
    const count = seen.length;
    const { outcome, variables } = await run({ url: `${base}/user`, allowPrivateNetwork: false });
    assert.ok(outcome.kind === 'next');
    assert.equal(outcome.handle, 'failed');
    assert.equal(variables.httpErrorKind, 'private-address');
    assert.match(String(variables.httpErrorMessage), /Allow private network/);
    assert.equal(seen.length, count, 'nothing reached the server');
  });

  it('fails closed on a secret this Hookflow does not have, sending nothing', async () => {
    const count = seen.length;
    const { outcome, variables } = await run({
      url: `${base}/user`,
      headers: [{ name: 'Authorization', value: '', secretId: 's_gone' }],
    });
    assert.ok(outcome.kind === 'next');
    assert.equal(outcome.handle, 'failed');
    assert.equal(variables.httpErrorKind, 'invalid-request');
    assert.match(String(variables.httpErrorMessage), /secret/);
    assert.equal(seen.length, count);
  });

  it('retries a 5xx the number of times asked, and records the retries', async () => {
    const count = seen.length;
    const { outcome } = await run({ url: `${base}/boom`, retries: { count: 2 } });
    assert.ok(outcome.kind === 'next');
    assert.equal(outcome.handle, 'failed');
    assert.equal(seen.length - count, 3);
    assert.equal(outcome.details?.http?.retries, 2);
    assert.equal(outcome.details?.http?.status, 500);
  });
});
