// One server-sent events stream on an Express response: the headers (no caching, no proxy
// buffering), a reconnect delay, keep-alive comments so idle proxies keep it open, and one
// cleanup when the client goes away or the server ends it. Streams end all at once through
// their KeyedPubSub's close().
import type { Response } from 'express';

const HEARTBEAT_MS = 15_000;

export class SseStream {
  readonly #cleanups: (() => void)[] = [];
  #ended = false;

  constructor(private readonly res: Response) {
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.#cleanups.push(() => clearInterval(heartbeat));
    res.on('close', () => this.#cleanUp());
  }

  send(event: string, data: unknown, eventId?: number): void {
    this.res.write(
      `${eventId === undefined ? '' : `id: ${eventId}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
    );
  }

  /** Runs `cleanup` once the stream ends either way (e.g. to unsubscribe). */
  onEnd(cleanup: () => void): void {
    if (this.#ended) cleanup();
    else this.#cleanups.push(cleanup);
  }

  end(): void {
    this.#cleanUp();
    this.res.end();
  }

  #cleanUp(): void {
    if (this.#ended) return;
    this.#ended = true;
    for (const cleanup of this.#cleanups) cleanup();
  }
}
