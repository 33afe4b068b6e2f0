// readRawBody + parseBody behind a real HTTP server on a loopback port, called with real
// requests (fetch, node:http). The server is a tiny Express app wired the way the public
// listener's ingress will be: read under a limit, parse, answer JSON; failures go through
// the runtime's JSON error handler.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { after, describe, it } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import express from 'express';
import { parseBody, type ParseOptions } from '../../runtime/ingress/parse-body';
import { readRawBody, readRequestBody } from '../../runtime/ingress/read-raw-body';
import { silentLogger } from '../../runtime/logger';
import { jsonErrorHandler } from '../../runtime/server/json-errors';
import { listen } from '../../runtime/server/listen';

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

interface IngressServer {
  url: string;
  /** Resolves with the error (or 'ok') of the next request the server finishes reading. */
  nextOutcome(): Promise<unknown>;
}

async function startIngressServer(
  limitBytes: number,
  parseOptions: ParseOptions = {},
): Promise<IngressServer> {
  const waiting: ((outcome: unknown) => void)[] = [];
  const report = (outcome: unknown): void => waiting.shift()?.(outcome);
  const app = express();
  app.all('/hook', async (req, res) => {
    let raw: Buffer;
    try {
      raw = await readRawBody(req, limitBytes);
      report('ok');
    } catch (error) {
      report(error);
      throw error;
    }
    const parsed = await parseBody(raw, req.headers['content-type'], parseOptions);
    res.json({
      ...parsed,
      files: parsed.files.map(({ content, ...file }) => ({
        ...file,
        content: content?.toString('base64'),
      })),
      rawBytes: raw.length,
      rawSha256: sha256(raw),
    });
  });
  app.post('/received', async (req, res) => {
    const { bytes, received } = await readRequestBody(req, limitBytes);
    res.json({ bytes: sha256(bytes), received: sha256(received) });
  });
  app.use(jsonErrorHandler(silentLogger));
  const listener = await listen(app, 0, '127.0.0.1', '--port');
  after(() => listener.close(100));
  return {
    url: `http://127.0.0.1:${listener.port}/hook`,
    nextOutcome: () => new Promise((resolve) => waiting.push(resolve)),
  };
}

interface Answer {
  kind: string;
  contentType?: string;
  value?: unknown;
  files: {
    field: string;
    filename: string;
    mimeType: string;
    size: number;
    content?: string;
    truncated: boolean;
  }[];
  rawBytes: number;
  rawSha256: string;
  error?: { code: string; message: string; details?: unknown };
}

async function send(
  url: string,
  init: RequestInit,
): Promise<{ status: number; connection: string | null; body: Answer }> {
  const response = await fetch(url, { method: 'POST', ...init });
  return {
    status: response.status,
    connection: response.headers.get('connection'),
    body: (await response.json()) as Answer,
  };
}

describe('ingress body over real HTTP', () => {
  it('parses JSON and keeps the exact bytes', async () => {
    const server = await startIngressServer(64 * 1024);
    const text =
      '{"event":"order_approved","data":[{"email":"ann@example.com"}],"user":{"name":"Ann"}}';
    const { status, body } = await send(server.url, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: text,
    });
    assert.equal(status, 200);
    assert.equal(body.kind, 'json');
    assert.equal(body.contentType, 'application/json');
    assert.deepEqual(body.value, JSON.parse(text));
    assert.equal(body.rawSha256, sha256(text));
  });

  it('parses a URL-encoded form with bracket nesting', async () => {
    const server = await startIngressServer(64 * 1024);
    const form = new URLSearchParams([
      ['event', 'purchase.approved'],
      ['customer[name]', 'Ana Lúcia'],
      ['customer[email]', 'ana@example.com'],
      ['items[0][sku]', 'A1'],
      ['items[1][sku]', 'B2'],
      ['tags[]', 'vip'],
      ['tags[]', 'new'],
    ]);
    const { status, body } = await send(server.url, { body: form });
    assert.equal(status, 200);
    assert.equal(body.kind, 'form');
    assert.deepEqual(body.value, {
      event: 'purchase.approved',
      customer: { name: 'Ana Lúcia', email: 'ana@example.com' },
      items: [{ sku: 'A1' }, { sku: 'B2' }],
      tags: ['vip', 'new'],
    });
  });

  it('parses multipart fields and files, dropping the content of a file over the limit', async () => {
    const server = await startIngressServer(2 * 1024 * 1024, { fileContentLimitBytes: 1024 });
    const small = Buffer.from('id,name\n1,Ann\n');
    const large = Buffer.alloc(300 * 1024, 7);
    const form = new FormData();
    form.append('customer[name]', 'Ann');
    form.append('note', 'olá');
    form.append('attachment', new Blob([small], { type: 'text/csv' }), 'clientes.csv');
    form.append('scan', new Blob([large], { type: 'application/pdf' }), 'scan.pdf');
    const { status, body } = await send(server.url, { body: form });
    assert.equal(status, 200);
    assert.equal(body.kind, 'multipart');
    assert.equal(body.contentType, 'multipart/form-data');
    assert.deepEqual(body.value, { customer: { name: 'Ann' }, note: 'olá' });
    assert.deepEqual(body.files, [
      {
        field: 'attachment',
        filename: 'clientes.csv',
        mimeType: 'text/csv',
        size: small.length,
        content: small.toString('base64'),
        truncated: false,
      },
      {
        field: 'scan',
        filename: 'scan.pdf',
        mimeType: 'application/pdf',
        size: large.length,
        truncated: true,
      },
    ]);
  });

  it('parses XML so note.to is readable', async () => {
    const server = await startIngressServer(64 * 1024);
    const { status, body } = await send(server.url, {
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?><note id="7"><to>Tove</to><from>Jani</from></note>',
    });
    assert.equal(status, 200);
    assert.deepEqual(body.value, { note: { '@_id': '7', to: 'Tove', from: 'Jani' } });
  });

  it('decodes text with its charset', async () => {
    const server = await startIngressServer(64 * 1024);
    const { body } = await send(server.url, {
      headers: { 'content-type': 'text/plain; charset=iso-8859-1' },
      body: Buffer.from('Olá, João', 'latin1'),
    });
    assert.equal(body.kind, 'text');
    assert.equal(body.value, 'Olá, João');
  });

  it('decompresses gzip JSON; the limit applies to the decompressed size', async () => {
    const server = await startIngressServer(64 * 1024);
    const text = JSON.stringify({ event: 'ping', padding: 'x'.repeat(10_000) });
    const { status, body } = await send(server.url, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(text),
    });
    assert.equal(status, 200);
    assert.deepEqual(body.value, JSON.parse(text));
    assert.equal(body.rawSha256, sha256(text), 'signed and parsed bytes are the decompressed ones');
    const compressed = gzipSync(text);
    const both = await fetch(server.url.replace(/hook$/, 'received'), {
      method: 'POST',
      headers: { 'content-encoding': 'gzip' },
      body: compressed,
    });
    assert.deepEqual(await both.json(), { bytes: sha256(text), received: sha256(compressed) });

    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    assert.ok(bomb.length < 64 * 1024, 'the compressed bomb itself is under the limit');
    const refused = await send(server.url, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    assert.equal(refused.status, 413);
    assert.equal(refused.body.error?.code, 'payload_too_large');
    assert.match(refused.body.error?.message ?? '', /64 KiB once decompressed/);
  });

  it('decompresses deflate and br; refuses unknown encodings (415) and corrupt data (400)', async () => {
    const server = await startIngressServer(64 * 1024);
    const text = '{"event":"ping"}';
    for (const [encoding, body] of [
      ['deflate', deflateSync(text)],
      ['br', brotliCompressSync(text)],
      ['identity', Buffer.from(text)],
    ] as const) {
      const { status, body: answer } = await send(server.url, {
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body,
      });
      assert.equal(status, 200, encoding);
      assert.deepEqual(answer.value, { event: 'ping' }, encoding);
    }
    const unknown = await send(server.url, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'zstd' },
      body: text,
    });
    assert.equal(unknown.status, 415);
    assert.equal(unknown.body.error?.code, 'unsupported_content_encoding');
    assert.match(unknown.body.error?.message ?? '', /"zstd" is not supported/);
    const corrupt = await send(server.url, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: text,
    });
    assert.equal(corrupt.status, 400);
    assert.equal(corrupt.body.error?.code, 'invalid_content_encoding');
    assert.match(corrupt.body.error?.message ?? '', /not valid gzip data/);
  });

  it('refuses an oversized body with 413 and keeps serving', async () => {
    const server = await startIngressServer(1024);
    const withLength = await send(server.url, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(8 * 1024) }),
    });
    assert.equal(withLength.status, 413);
    assert.equal(withLength.connection, 'close', 'the unread upload is not kept alive');
    assert.equal(withLength.body.error?.code, 'payload_too_large');
    assert.match(withLength.body.error?.message ?? '', /1 KiB/);
    assert.match(withLength.body.error?.message ?? '', /trigger's General tab/);

    // No Content-Length: the body streams in chunks and is cut once it passes the limit.
    const chunk = new TextEncoder().encode('x'.repeat(512));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8) controller.close();
        else controller.enqueue(chunk);
        sent += 1;
      },
    });
    const chunked = await send(server.url, {
      headers: { 'content-type': 'text/plain' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
    assert.equal(chunked.body.error?.code, 'payload_too_large');

    const healthy = await send(server.url, {
      headers: { 'content-type': 'text/plain' },
      body: 'ok',
    });
    assert.equal(healthy.status, 200);
    assert.equal(healthy.body.value, 'ok');
  });

  it('reports a client that aborts mid-upload and keeps serving', async () => {
    const server = await startIngressServer(64 * 1024);
    const outcome = server.nextOutcome();
    const { hostname, port, pathname } = new URL(server.url);
    const upload = request({
      hostname,
      port,
      path: pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '10000' },
    });
    upload.on('error', () => undefined);
    upload.write('{"partial": "', () => upload.destroy());
    const error = await outcome;
    assert.ok(error instanceof Error);
    assert.deepEqual(
      { status: Reflect.get(error, 'status'), code: Reflect.get(error, 'code') },
      { status: 400, code: 'request_aborted' },
    );
    const healthy = await send(server.url, {
      headers: { 'content-type': 'text/plain' },
      body: 'ok',
    });
    assert.equal(healthy.status, 200);
  });

  it('answers malformed JSON and XML with 400 naming the problem', async () => {
    const server = await startIngressServer(64 * 1024);
    const json = await send(server.url, {
      headers: { 'content-type': 'application/json' },
      body: '{\n  "event": "ping",\n}',
    });
    assert.equal(json.status, 400);
    assert.equal(json.body.error?.code, 'invalid_json');
    assert.match(json.body.error?.message ?? '', /trailing comma .* line 3, column 1/);

    const xml = await send(server.url, {
      headers: { 'content-type': 'text/xml' },
      body: '<note>\n<to>Tove</from>\n</note>',
    });
    assert.equal(xml.status, 400);
    assert.equal(xml.body.error?.code, 'invalid_xml');
    assert.match(xml.body.error?.message ?? '', /line 2/);
    assert.match(xml.body.error?.message ?? '', /closing tag/);
  });

  it('answers 415 when the webhook requires another content type', async () => {
    const server = await startIngressServer(64 * 1024, { requireContentType: 'json' });
    const { status, body } = await send(server.url, {
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    assert.equal(status, 415);
    assert.equal(body.error?.code, 'unsupported_media_type');
    assert.equal(
      body.error?.message,
      'This webhook expects JSON (Content-Type: application/json); it received text/plain',
    );
    const empty = await fetch(server.url);
    assert.equal(empty.status, 200, 'a GET without a body is not refused');
    assert.equal(((await empty.json()) as Answer).kind, 'empty');
  });
});
