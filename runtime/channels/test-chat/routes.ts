// The test chat over the admin listener: create a session, reply, and follow the bot by
// long-poll (`GET …/messages?after&wait`) or server-sent events (`GET …/events`).
import { Router, type Request, type Response } from 'express';
import { SseStream } from '../../server/sse-stream';
import {
  createTestChatSession,
  messagesAfter,
  pollTestChatMessages,
  runStatusOf,
  sendTestChatMessage,
  toInteger,
  type TestChatContext,
} from './api';

/** Aborts when the client goes away, so a long-poll stops waiting for nobody. */
function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  return controller.signal;
}

export function testChatRoutes(ctx: TestChatContext): Router {
  const router = Router();
  router.post('/test-chat/sessions', async (req, res) => {
    res.status(201).json(await createTestChatSession(ctx, req.body));
  });
  router.post('/test-chat/sessions/:id/messages', async (req, res) => {
    res.status(202).json(await sendTestChatMessage(ctx, req.params.id, req.body));
  });
  router.get('/test-chat/sessions/:id/messages', async (req, res) => {
    res.json(await pollTestChatMessages(ctx, req.params.id, req.query, clientGone(res)));
  });
  router.get('/test-chat/sessions/:id/events', (req, res) => {
    streamEvents(ctx, req.params.id, req, res);
  });
  return router;
}

/**
 * One `message` event per chat message (id = its seq, so a reconnect with Last-Event-ID
 * misses nothing) and a `status` event whenever the run's status may have changed.
 */
function streamEvents(ctx: TestChatContext, id: string, req: Request, res: Response): void {
  const lastEventId = req.headers['last-event-id'];
  const after =
    toInteger(
      typeof lastEventId === 'string' ? lastEventId : req.query.after,
      'after',
      0,
      Number.MAX_SAFE_INTEGER,
    ) ?? 0;
  const backlog = messagesAfter(ctx, id, after); // throws 404 before the stream starts
  const stream = new SseStream(res);
  let lastSeq = after;
  let lastStatus = backlog.runStatus;
  for (const message of backlog.messages) {
    stream.send('message', message, message.seq);
    lastSeq = message.seq;
  }
  stream.send('status', { runStatus: lastStatus });
  stream.onEnd(
    ctx.testChat.subscribe(id, (event) => {
      if (event.type === 'closed') return stream.end();
      if (event.type === 'message') {
        if (event.message.seq <= lastSeq) return;
        lastSeq = event.message.seq;
        stream.send('message', event.message, event.message.seq);
        return;
      }
      const status = runStatusOf(ctx, id);
      if (status !== lastStatus) {
        lastStatus = status;
        stream.send('status', { runStatus: status });
      }
    }),
  );
}
