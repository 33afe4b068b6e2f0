// Delivery errors of the Telegram channel inside a real runtime: a user who blocked the bot
// (403) and a rate limit (429 retry_after) fail the run's Send Message step with a clear
// message and are recorded in the chat. Never the real Telegram service: telegram-test-api
// never answers 403 or 429, so a small loopback server answers exactly as the Bot API
// documents them ({ ok: false, error_code, description, parameters.retry_after }).
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import type { ChatDetail, ChatPage } from '../../../runtime/shared/chats';
import type { DraftGraph } from '../../../runtime/shared/flow-document';
import { createPublishedFlow } from '../../helpers/admin-api';
import { startScriptedServer, type Route } from '../../helpers/http-servers';
import { pollUntil, waitForRun } from '../../helpers/poll';
import { TEST_BOT_TOKEN } from '../../helpers/telegram-emulator';
import { json, startTestRuntime, type TestRuntime } from '../../helpers/test-runtime';
import { endNode, startNode } from '../../helpers/webhook-flows';

const bot = (method: string) => `/bot${TEST_BOT_TOKEN}/${method}`;

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const ok =
  (result: unknown): Route =>
  (_request, res) =>
    answer(res, 200, { ok: true, result });

/** One /start from chat `chatId`, then nothing new (the offset confirms it). */
function oneStart(chatId: number): Route {
  let served = false;
  return (_request, res) => {
    const updates = served
      ? []
      : [
          {
            update_id: 700,
            message: {
              message_id: 1,
              date: 0,
              chat: { id: chatId, type: 'private' },
              from: { id: chatId, is_bot: false, first_name: 'Hal' },
              text: '/start',
            },
          },
        ];
    served = true;
    answer(res, 200, { ok: true, result: updates });
  };
}

const welcome: DraftGraph = {
  nodes: [
    startNode({ triggerType: 'manual' }, 'n_start'),
    {
      id: 'n_say',
      type: 'send-message',
      position: { x: 100, y: 0 },
      data: { config: { text: 'Welcome!' } },
    },
    endNode(),
  ],
  edges: [
    { id: 'e1', source: 'n_start', sourceHandle: 'next', target: 'n_say' },
    { id: 'e2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
  ],
  variables: [],
};

/** A runtime on the scripted Bot API, connected, whose flow greets on /start. */
async function greetOnce(sendMessage: Route): Promise<{ rt: TestRuntime; failed: string }> {
  const api = await startScriptedServer({
    [bot('getMe')]: ok({ id: 4242, is_bot: true, first_name: 'Shop', username: 'shop_bot' }),
    [bot('deleteWebhook')]: ok(true),
    [bot('getUpdates')]: oneStart(5),
    [bot('sendMessage')]: sendMessage,
  });
  const rt = await startTestRuntime({ env: { HOOKFLOW_TELEGRAM_API_ROOT: api.url } });
  const flow = await createPublishedFlow(rt, welcome, 'Welcome');
  const connected = await rt.api('/api/channels/telegram/connect', {
    method: 'POST',
    json: { token: TEST_BOT_TOKEN, flowId: flow.id },
  });
  assert.equal(connected.status, 200, await connected.clone().text());
  const page = await pollUntil(
    async () => json<ChatPage>(await rt.api('/api/chats?channel=telegram')),
    (found) => found.chats.length === 1,
    'the chat of the /start',
  );
  const detail = await pollUntil(
    async () => json<ChatDetail>(await rt.api(`/api/chats/${page.chats[0]?.id ?? ''}`)),
    (found) => found.messages.some((message) => message.direction === 'out'),
    'the undelivered welcome recorded',
  );
  const out = detail.messages.find((message) => message.direction === 'out');
  const run = await waitForRun(rt, out?.runId ?? '');
  assert.equal(run.status, 'failed');
  const step = run.steps.find((item) => item.nodeId === 'n_say');
  assert.equal(out?.notDelivered, step?.error, 'the chat shows the step’s reason');
  return { rt, failed: step?.error ?? '' };
}

describe('Telegram delivery errors (scripted Bot API, never the real Telegram)', () => {
  it('a user who blocked the bot fails the step with a person-readable reason', async () => {
    const { failed } = await greetOnce((_request, res) =>
      answer(res, 403, {
        ok: false,
        error_code: 403,
        description: 'Forbidden: bot was blocked by the user',
      }),
    );
    assert.equal(
      failed,
      'The person in Telegram chat 5 has blocked this bot (Telegram: "bot was blocked by the user"). ' +
        'Nothing can be delivered until they unblock it and write to the bot again.',
    );
  });

  it('a rate limit longer than Hookflow waits fails the step saying how long', async () => {
    const { failed } = await greetOnce((_request, res) =>
      answer(res, 429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 3600',
        parameters: { retry_after: 3600 },
      }),
    );
    assert.match(failed, /Telegram is limiting how fast this bot may send/);
    assert.match(failed, /asked to wait 3600 s/);
  });
});
