// Requests Node's HTTP parser refuses before any handler sees them (headers too large, both
// Content-Length and Transfer-Encoding, not HTTP at all, a request that took too long).
// Node's own answer is a bare status line with no body; every other refusal Hookflow makes
// is JSON, so these are too: `{ "error": { "code", "message" } }`, then the socket closes
// (the parser's state is unknown, so the connection cannot be reused). Installed by
// listen.ts on every listener: admin, public and the tunnel entry.
import { STATUS_CODES, maxHeaderSize, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

interface ParserError extends Error {
  code?: string;
  /** llhttp's fixed description ("Invalid method encountered"), never request content. */
  reason?: unknown;
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

const KIB = 1024;

export function refusalFor(error: ParserError): Refusal {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'headers_too_large',
        message:
          `The request's headers are larger than Hookflow accepts ` +
          `(${Math.floor(maxHeaderSize / KIB)} KiB in all): send fewer or smaller headers.`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        code: 'chunk_extensions_too_large',
        message: 'The request body has chunk extensions larger than Hookflow accepts.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'request_timeout',
        message: 'The request was not received in time: send it again.',
      };
    case 'HPE_INVALID_TRANSFER_ENCODING':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'malformed_request',
        message:
          'The request has both Content-Length and Transfer-Encoding: send one of them ' +
          '(a request that has both can be read two ways, so it is refused).',
      };
    default: {
      const reason = typeof error.reason === 'string' ? error.reason.slice(0, 200) : '';
      return {
        status: 400,
        code: 'malformed_request',
        message: `The request is not valid HTTP${reason ? ` (${reason})` : ''}.`,
      };
    }
  }
}

/** The whole HTTP response for a refusal, as bytes to write on the raw socket. */
export function refusalResponse(refusal: Refusal): string {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  return (
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Error'}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Cache-Control: no-store\r\n' +
    'X-Content-Type-Options: nosniff\r\n' +
    'Connection: close\r\n' +
    `\r\n${body}`
  );
}

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: ParserError, socket: Duplex) => {
    // The peer is gone, or a response to an earlier request on this connection has begun:
    // writing now would corrupt it (Node's own handler makes the same check).
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(refusalResponse(refusalFor(error)), () => socket.destroy());
  });
}
