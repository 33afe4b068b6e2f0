// Following a test chat session: its server-sent events stream (`…/events`), and a
// long-poll loop (`…/messages?after&wait`) when streaming does not work (a proxy that
// buffers, a stream that keeps breaking). Reconnects pick up after the last message seen.
import { z } from 'zod';
import { runStatusSchema, type RunStatus } from '../../runtime/shared/run';
import { chatMessageSchema, type ChatMessage } from '../../runtime/shared/test-chat';
import { api, ApiRequestError, openStream, testChatPath } from '../api/client';
import { readSse } from '../api/sse';
import { errorText } from './notices-store';

export type ChatConnection = 'connecting' | 'live' | 'polling' | 'reconnecting' | 'offline';

export interface FollowHandlers {
  onMessage: (message: ChatMessage) => void;
  onStatus: (status: RunStatus | 'unknown') => void;
  onConnection: (state: ChatConnection, error?: string) => void;
}

/** Streams that fail this many times in a row without delivering anything: poll instead. */
const STREAM_ATTEMPTS = 2;
const RETRY_MS = 1_000;
const POLL_WAIT_SECONDS = 20;

const statusEventSchema = z.object({
  runStatus: z.union([runStatusSchema, z.literal('unknown')]),
});

function isFinished(status: RunStatus | 'unknown'): boolean {
  return status === 'completed' || status === 'failed';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Follows the session until its run has finished or `stop()` is called. */
export function followSession(sessionId: string, handlers: FollowHandlers): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  let after = 0;
  /** The run status last reported: a poll asks for news beyond it (one that ended meanwhile). */
  let seenStatus: RunStatus | 'unknown' | undefined;

  const message = (value: unknown) => {
    const parsed = chatMessageSchema.safeParse(value);
    if (!parsed.success || parsed.data.seq <= after) return;
    after = parsed.data.seq;
    handlers.onMessage(parsed.data);
  };
  const status = (value: RunStatus | 'unknown') => {
    seenStatus = value;
    handlers.onStatus(value);
    // Nothing more can happen in this conversation: let the connection go.
    if (isFinished(value)) controller.abort();
  };

  /** One stream, read to its end; true when it delivered something. */
  const stream = async (): Promise<boolean> => {
    const response = await openStream(testChatPath(sessionId, `/events?after=${after}`), signal);
    if (!response.headers.get('content-type')?.includes('text/event-stream')) {
      throw new Error('The runtime did not answer with an event stream');
    }
    handlers.onConnection('live');
    let delivered = false;
    await readSse(response, (event) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      delivered = true;
      if (event.event === 'message') message(data);
      else if (event.event === 'status') {
        const parsed = statusEventSchema.safeParse(data);
        if (parsed.success) status(parsed.data.runStatus);
      }
    });
    return delivered;
  };

  const poll = async () => {
    const answer = await api.pollTestChat(
      sessionId,
      { after, wait: POLL_WAIT_SECONDS, status: seenStatus },
      signal,
    );
    handlers.onConnection('polling');
    for (const item of answer.messages) message(item);
    status(answer.runStatus);
  };

  void (async () => {
    let failures = 0;
    let first = true;
    while (!signal.aborted) {
      const polling = failures >= STREAM_ATTEMPTS;
      try {
        if (polling) await poll();
        else {
          handlers.onConnection(first ? 'connecting' : 'reconnecting');
          first = false;
          failures = (await stream()) ? 0 : failures + 1;
          // The stream ended (the runtime restarted or closed it): come back after a moment.
          if (!signal.aborted) await sleep(RETRY_MS, signal);
        }
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ApiRequestError && error.status === 404) {
          handlers.onConnection('offline', 'This conversation no longer exists. Restart it.');
          return;
        }
        if (!polling) failures += 1;
        handlers.onConnection(polling ? 'offline' : 'reconnecting', errorText(error));
        await sleep(RETRY_MS * (polling ? 2 : 1), signal);
      }
    }
  })();

  return () => controller.abort();
}
