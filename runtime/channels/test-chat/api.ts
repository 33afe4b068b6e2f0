// The test chat's admin API, independent of HTTP.
import { z } from 'zod';
import { ApiError, notFound, parseInput } from '../../api/api-error';
import type { ApiContext } from '../../api/context';
import { testChatWait, type TestChat } from './test-chat';
import { getFlow } from '../../api/flows';
import { apiErrorFrom, runnableGraph, startNodeOf } from '../../api/runs';
import { runStatusSchema } from '../../shared/run';
import { waitingRun } from '../inbound';
import {
  createTestChatInputSchema,
  testChatReplySchema,
  type TestChatMessages,
  type TestChatSession,
} from '../../shared/test-chat';

/** The API context plus the test chat it works on (the runtime exposes channels generically). */
export type TestChatContext = ApiContext & { testChat: TestChat };
/** What reading and replying need: they are tested on a bare engine and test chat too. */
type ChatReadContext = Pick<TestChatContext, 'engine' | 'testChat'>;

/** Long-polls wait at most this long, under typical proxy and browser timeouts. */
export const MAX_WAIT_SECONDS = 25;

export async function createTestChatSession(
  ctx: TestChatContext,
  input: unknown,
): Promise<{ sessionId: string; runId: string }> {
  const { flowId, draft } = parseInput(createTestChatInputSchema, input);
  const flow = getFlow(ctx, flowId);
  const { graph, version } = runnableGraph(flow, draft);
  const triggerNodeId = startNodeOf(graph);
  // The session exists before the run, so the run's first message has somewhere to go.
  const session = await ctx.testChat.store.create(flowId, draft, '');
  const chat = ctx.testChat.bind(session.id);
  if (!chat) throw new Error('The new test chat session disappeared');
  try {
    const run = await ctx.engine.startRun({
      flowId,
      graph,
      version,
      triggerNodeId,
      trigger: { type: 'test-chat' },
      input: { method: 'TEST-CHAT' },
      chat,
    });
    return { sessionId: session.id, runId: run.id };
  } catch (error) {
    throw apiErrorFrom(error);
  }
}

function sessionOf(ctx: ChatReadContext, id: string): TestChatSession {
  const session = ctx.testChat.store.get(id);
  if (!session) throw notFound('test chat session', id);
  return session;
}

/** A user message: typed text, or a click on one of the last bot message's buttons. */
export async function sendTestChatMessage(
  ctx: ChatReadContext,
  id: string,
  input: unknown,
): Promise<{ seq: number; runId: string }> {
  const reply = parseInput(testChatReplySchema, input);
  const session = sessionOf(ctx, id);
  const waiting = await waitingRun(ctx.engine, testChatWait(session.id), () =>
    ctx.testChat.currentRun(session.id),
  );
  if (!waiting) {
    const status = runStatusOf(ctx, session.id);
    throw new ApiError(
      409,
      'not_waiting',
      `Nothing in this conversation is waiting for a reply (the run is ${status})`,
      { runStatus: status },
    );
  }
  let text: string;
  let buttonId: string | undefined;
  if ('buttonId' in reply) {
    const offered = session.messages.findLast(
      (message) => message.from === 'bot' && message.buttons,
    );
    const button = offered?.buttons?.find((item) => item.id === reply.buttonId);
    if (!button) {
      throw new ApiError(400, 'invalid_input', `There is no button "${reply.buttonId}" to click`);
    }
    text = button.label;
    buttonId = button.id;
  } else {
    text = reply.text;
  }
  const message = await ctx.testChat.store.append(session.id, { from: 'user', text });
  if (!message) throw notFound('test chat session', id);
  ctx.testChat.publish(session.id, { type: 'message', message });
  // Resolves once the reply is durably part of the run: then it is acknowledged.
  const runId = await ctx.engine
    .resumeWait(testChatWait(session.id), {
      kind: 'input',
      text,
      ...(buttonId === undefined ? {} : { buttonId }),
    })
    .catch((error: unknown) => {
      throw apiErrorFrom(error);
    });
  if (!runId) {
    throw new ApiError(
      409,
      'not_waiting',
      'The conversation stopped waiting for a reply meanwhile',
    );
  }
  return { seq: message.seq, runId };
}

export function messagesAfter(ctx: ChatReadContext, id: string, after: number): TestChatMessages {
  const session = sessionOf(ctx, id);
  return {
    messages: session.messages.filter((message) => message.seq > after),
    runStatus: runStatusOf(ctx, session.id),
  };
}

export function runStatusOf(
  ctx: ChatReadContext,
  sessionId: string,
): TestChatMessages['runStatus'] {
  const runId = ctx.testChat.currentRun(sessionId);
  return (runId && ctx.engine.runStatus(runId)) || 'unknown';
}

/** A run status as `?status=` names it; `unknown` when the session has no run yet. */
const seenStatusSchema = z.enum([...runStatusSchema.options, 'unknown']);

/**
 * `?after=<seq>&wait=<seconds>&status=<run status>`: answers at once if there is news,
 * else waits for some. News is a message after `after`, or a run status other than
 * `status`, the one the client last saw: a run that finished between two polls is
 * reported by the next one at once. Without `status`, the status when the poll began.
 */
export async function pollTestChatMessages(
  ctx: ChatReadContext,
  id: string,
  query: { after?: unknown; wait?: unknown; status?: unknown },
  signal: AbortSignal,
): Promise<TestChatMessages> {
  const after = toInteger(query.after, 'after', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const wait = toInteger(query.wait, 'wait', 0, MAX_WAIT_SECONDS) ?? 0;
  const seen = seenStatus(query.status);
  const first = messagesAfter(ctx, id, after);
  const known = seen ?? first.runStatus;
  if (first.messages.length > 0 || first.runStatus !== known || wait === 0) return first;
  await ctx.testChat.nextEvent(id, wait * 1000, signal);
  const next = messagesAfter(ctx, id, after);
  return next.messages.length > 0 || next.runStatus !== known ? next : first;
}

function seenStatus(value: unknown): TestChatMessages['runStatus'] | undefined {
  if (value === undefined) return undefined;
  const parsed = seenStatusSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const names = seenStatusSchema.options.join(', ');
  throw new ApiError(400, 'invalid_input', `status: use one of ${names}`);
}

export function toInteger(
  value: unknown,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ApiError(400, 'invalid_input', `${name}: use a whole number from ${min} to ${max}`);
  }
  return number;
}
