// Issue 10 item 2: requests Node's HTTP parser refuses (a 60 KB header, 500 headers, both
// Content-Length and Transfer-Encoding, not HTTP at all) get the JSON error every other
// refusal gets, on the admin listener, the public listener and the tunnel entry, and the
// connection is closed. Raw sockets: fetch cannot send such requests.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { localTunnel } from '../helpers/local-tunnel';
import { json, startTestRuntime } from '../helpers/test-runtime';

interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Sends `request` as is and reads the answer until the server closes the connection. */
function sendRaw(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    // Bounded: a server that kept the socket open would fail the test, not hang it.
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error('the server did not close the connection'));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while we are still writing a huge header: read what came.
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
      const headers = new Map(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: text.slice(split + 4) });
    });
    socket.write(request);
  });
}

const bigHeader =
  `POST /webhooks/flow/wh_x HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
  `X-Big: ${'a'.repeat(60 * 1024)}\r\n\r\n`;
const manyHeaders =
  `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
  Array.from({ length: 500 }, (_, i) => `X-Header-${i}: ${'v'.repeat(40)}\r\n`).join('') +
  '\r\n';
const smuggling =
  'POST /webhooks/flow/wh_x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n' +
  'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n';
const notHttp = 'HELLO THERE\r\n\r\n';

const cases = [
  { name: 'a 60 KB header', request: bigHeader, status: 431, code: 'headers_too_large' },
  { name: '500 headers', request: manyHeaders, status: 431, code: 'headers_too_large' },
  {
    name: 'Content-Length and Transfer-Encoding',
    request: smuggling,
    status: 400,
    code: 'malformed_request',
  },
  { name: 'a request that is not HTTP', request: notHttp, status: 400, code: 'malformed_request' },
];

async function assertJsonRefusals(port: number): Promise<void> {
  for (const { name, request, status, code } of cases) {
    const answer = await sendRaw(port, request);
    assert.equal(answer.status, status, name);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/, name);
    assert.equal(answer.headers.get('connection'), 'close', name);
    const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
    assert.equal(body.error.code, code, name);
    assert.ok(body.error.message.length > 10, name);
    assert.doesNotMatch(body.error.message, /aaaa|vvvv/, `${name}: no request content echoed`);
  }
}

// The stand-in for ngrok (unreachable here) tells where the runtime's tunnel entry is.
const tunnel = localTunnel();
const rt = await startTestRuntime({ tunnelConnector: tunnel });

describe("requests Node's parser refuses", () => {
  it('are answered in JSON on the admin listener, and the socket is closed', async () => {
    await assertJsonRefusals(Number(new URL(rt.admin).port));
  });

  it('are answered in JSON on the public listener', async () => {
    await assertJsonRefusals(Number(new URL(rt.public).port));
  });

  it('are answered in JSON on the tunnel entry', async () => {
    await rt.api('/api/tunnel/settings', { method: 'PUT', json: { authtoken: 'a'.repeat(40) } });
    const status = await json<{ state: string }>(
      await rt.api('/api/tunnel/start', { method: 'POST' }),
    );
    assert.equal(status.state, 'online');
    const entry = Number(new URL(tunnel.connects[0]?.forwardTo ?? '').port);
    assert.notEqual(entry, Number(new URL(rt.public).port));
    await assertJsonRefusals(entry);
  });
});
