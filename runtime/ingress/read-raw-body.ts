// Reads a webhook body under a size limit while it streams in.
//
// Content-Encoding (gzip, deflate, br) is undone here and the limit applies to the
// decompressed size too, so a small zip bomb cannot grow past it. Which bytes do
// signatures cover? Senders compute an HMAC in application code over the payload they
// serialize; their HTTP client compresses afterwards (and Express's body-parser `verify`
// hook, where most provider guides check signatures, sees the decompressed bytes). So
// `readRawBody` returns the decoded bytes: the ones signed and the ones parsed. For
// uncompressed requests — nearly all webhooks — they are exactly the bytes received; when
// a check needs the still-compressed bytes (an RFC 9530 Content-Digest), `readRequestBody`
// returns both.
//
// A rejection that leaves the upload unread carries `Connection: close`: the error
// handler sends it, and Node then closes the socket instead of reading the rest.
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ApiError } from '../api/api-error';
import { formatBytes } from './format-bytes';

export interface RequestBody {
  /** After undoing Content-Encoding: what senders sign and what parseBody reads. */
  bytes: Buffer;
  /** Exactly as received; differs from `bytes` only when Content-Encoding was set. */
  received: Buffer;
}

const CLOSE = { Connection: 'close' };

export async function readRawBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return (await readRequestBody(req, limitBytes)).bytes;
}

export function readRequestBody(req: IncomingMessage, limitBytes: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) {
      reject(new Error('readRequestBody: the request body has already been read'));
      return;
    }
    if (Number(req.headers['content-length']) > limitBytes) {
      reject(tooLarge(limitBytes, false));
      return;
    }
    let decoder: Transform | undefined;
    try {
      decoder = createDecoder(req.headers['content-encoding']);
    } catch (error) {
      reject(error);
      return;
    }

    const received: Buffer[] = [];
    const decoded: Buffer[] = [];
    let receivedBytes = 0;
    let decodedBytes = 0;
    let settled = false;

    const onData = (chunk: Buffer): void => {
      receivedBytes += chunk.length;
      if (receivedBytes > limitBytes) {
        settle(tooLarge(limitBytes, false));
        return;
      }
      received.push(chunk);
      decoder?.write(chunk);
    };
    const onEnd = (): void => {
      // An empty body has nothing to decompress (gunzip would call it truncated).
      if (decoder && receivedBytes > 0) decoder.end();
      else settle();
    };
    const onAbort = (): void => {
      if (!req.complete) settle(aborted());
    };

    function settle(error?: unknown): void {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      if (error !== undefined) {
        // Stop reading: the rest of an oversized upload is never buffered.
        req.pause();
        decoder?.destroy();
        reject(error);
        return;
      }
      const receivedBody = Buffer.concat(received, receivedBytes);
      resolve({
        received: receivedBody,
        bytes: decoder ? Buffer.concat(decoded, decodedBytes) : receivedBody,
      });
    }

    decoder?.on('data', (chunk: Buffer) => {
      decodedBytes += chunk.length;
      if (decodedBytes > limitBytes) settle(tooLarge(limitBytes, true));
      else decoded.push(chunk);
    });
    decoder?.on('end', () => settle());
    decoder?.on('error', (error) =>
      settle(invalidEncoding(req.headers['content-encoding'], error)),
    );
    req.on('data', onData);
    req.on('end', onEnd);
    // A client that goes away mid-upload: 'error' (ECONNRESET) and/or 'close' before 'end'.
    req.on('error', onAbort);
    req.on('close', onAbort);
    req.resume();
  });
}

function createDecoder(header: string | undefined): Transform | undefined {
  const encoding = (header ?? '').trim().toLowerCase();
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new ApiError(
        415,
        'unsupported_content_encoding',
        `Content-Encoding "${encoding.slice(0, 60)}" is not supported; ` +
          'send the body uncompressed or with one of gzip, deflate or br',
        undefined,
        CLOSE,
      );
  }
}

function tooLarge(limitBytes: number, decompressed: boolean): ApiError {
  return new ApiError(
    413,
    'payload_too_large',
    `The request body is larger than this webhook accepts (${formatBytes(limitBytes)}` +
      `${decompressed ? ' once decompressed' : ''}). ` +
      "Raise the limit in the trigger's General tab.",
    { limitBytes },
    CLOSE,
  );
}

function aborted(): ApiError {
  return new ApiError(400, 'request_aborted', 'The client closed the connection mid-upload');
}

function invalidEncoding(header: string | undefined, error: Error): ApiError {
  return new ApiError(
    400,
    'invalid_content_encoding',
    `The body is not valid ${(header ?? '').trim().toLowerCase().slice(0, 60)} data: ${error.message}`,
  );
}
