// Helpers for webhook integration tests: secrets through the admin API and a listen-stream
// (SSE) client. Flows are published with admin-api.ts, runs awaited with poll.ts.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AdminClient } from './admin-api';
import { json } from './test-runtime';

/** Stores a secret through the admin API; returns its id. */
export async function createSecret(rt: AdminClient, value?: string): Promise<string> {
  const response = await rt.api('/api/secrets', {
    method: 'POST',
    json: { purpose: 'webhook-token', ...(value === undefined ? {} : { value }) },
  });
  assert.equal(response.status, 201);
  return (await json<{ id: string }>(response)).id;
}

export interface SseEvent {
  event: string;
  data: unknown;
}

export interface SseClient {
  /** Resolves with the next event of this name (buffered ones first). */
  next(event: string, ms?: number): Promise<SseEvent>;
  close(): void;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

/** A server-sent events client over node:http (fetch buffers nothing we can await per event). */
export function openSse(url: string, token: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters: { event: string; resolve: (event: SseEvent) => void }[] = [];
    let endStream: () => void = () => undefined;
    const ended = new Promise<void>((done) => (endStream = done));
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`listen answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!name || data === undefined) continue;
          const event = { event: name, data: JSON.parse(data) as unknown };
          const waiter = waiters.findIndex((item) => item.event === name);
          if (waiter >= 0) waiters.splice(waiter, 1)[0]?.resolve(event);
          else events.push(event);
        }
      });
      res.on('end', endStream);
      res.on('close', endStream);
      resolve({
        next(event, ms = 10_000) {
          const index = events.findIndex((item) => item.event === event);
          if (index >= 0) return Promise.resolve(events.splice(index, 1)[0] as SseEvent);
          return new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no "${event}" event in ${ms} ms`)), ms);
            waiters.push({
              event,
              resolve: (value) => {
                clearTimeout(timer);
                done(value);
              },
            });
          });
        },
        close: () => req.destroy(),
        ended,
      });
    });
    req.on('error', reject);
    req.end();
  });
}
