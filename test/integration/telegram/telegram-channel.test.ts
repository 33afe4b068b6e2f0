// Telegram as a registered channel of a real runtime (issue 14), against telegram-test-api:
// a local Bot API emulator on an ephemeral loopback port — never the real Telegram
// service. The runtime is pointed at it with HOOKFLOW_TELEGRAM_API_ROOT (a test-only
// override). Real HTTP, real temp data folders, the runtime's own stores and engine.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ChatDetail, ChatPage } from '../../../runtime/shared/chats';
import type { ChannelList } from '../../../runtime/shared/channels';
import type { DraftGraph } from '../../../runtime/shared/flow-document';
import type { TelegramInfo } from '../../../runtime/shared/telegram';
import type { Logger } from '../../../runtime/logger';
import { createPublishedFlow } from '../../helpers/admin-api';
import { pollUntil, waitForRun } from '../../helpers/poll';
import {
  TEST_BOT_TOKEN,
  secretAddingTunnel,
  startEmulator,
  type Emulator,
} from '../../helpers/telegram-emulator';
import { json, startTestRuntime, type TestRuntime } from '../../helpers/test-runtime';
import { endNode, startNode, webhookTriggerNode } from '../../helpers/webhook-flows';
import { tempDir } from '../../helpers/temp-dir';
import type { RuntimeOptions } from '../../../runtime/index';

/** Start → "Hi {name}!" → Buttons (Coffee | Tea) → one message per choice. */
function coffeeFlow(): DraftGraph {
  const say = (id: string, text: string, x: number) => ({
    id,
    type: 'send-message' as const,
    position: { x, y: 0 },
    data: { config: { text } },
  });
  return {
    nodes: [
      startNode({ triggerType: 'manual' }, 'n_start'),
      say('n_hi', 'Hi {{body.from.name}}!', 100),
      {
        id: 'n_ask',
        type: 'buttons',
        position: { x: 200, y: 0 },
        data: {
          config: {
            prompt: 'Coffee or tea?',
            buttons: [
              { id: 'coffee', label: 'Coffee' },
              { id: 'tea', label: 'Tea' },
            ],
            variable: 'drink',
          },
        },
      },
      say('n_coffee', 'One {{drink}} coming up', 300),
      say('n_tea', 'Tea it is', 300),
      endNode('n_end_coffee'),
      endNode('n_end_tea'),
    ],
    edges: [
      { id: 'e1', source: 'n_start', sourceHandle: 'next', target: 'n_hi' },
      { id: 'e2', source: 'n_hi', sourceHandle: 'next', target: 'n_ask' },
      { id: 'e3', source: 'n_ask', sourceHandle: 'coffee', target: 'n_coffee' },
      { id: 'e4', source: 'n_ask', sourceHandle: 'tea', target: 'n_tea' },
      { id: 'e5', source: 'n_coffee', sourceHandle: 'next', target: 'n_end_coffee' },
      { id: 'e6', source: 'n_tea', sourceHandle: 'next', target: 'n_end_tea' },
    ],
    variables: [],
  };
}

/** Every line the runtime logs, to check that no token is among them. */
function capturingLogger(lines: string[]): Logger {
  const keep = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${fields ? JSON.stringify(fields) : ''}`);
  return { info: keep('info'), warn: keep('warn'), error: keep('error') };
}

async function telegramRuntime(
  emulator: Emulator,
  options: RuntimeOptions & { logs?: string[] } = {},
): Promise<TestRuntime> {
  const { logs, ...rest } = options;
  return startTestRuntime({
    env: { HOOKFLOW_TELEGRAM_API_ROOT: emulator.apiRoot },
    ...(logs ? { logger: capturingLogger(logs) } : {}),
    ...rest,
  });
}

const info = async (rt: TestRuntime) => json<TelegramInfo>(await rt.api('/api/channels/telegram'));

async function connect(rt: TestRuntime, body: Record<string, unknown>): Promise<Response> {
  return rt.api('/api/channels/telegram/connect', { method: 'POST', json: body });
}

/** Every file under `dir`, as text. */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path, text: await readFile(path, 'utf8') };
      }),
  );
}

describe('Telegram channel (against telegram-test-api, never the real Telegram)', () => {
  it('connects with a token, /start starts the flow, the reply and a button press route', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    const rt = await telegramRuntime(emulator, { logs });
    const flow = await createPublishedFlow(rt, coffeeFlow(), 'Coffee bot');

    const before = await json<ChannelList>(await rt.api('/api/channels'));
    assert.deepEqual(
      before.channels.map((channel) => [
        channel.id,
        channel.label,
        channel.canWriteFirst,
        channel.status.state,
      ]),
      [
        ['test-chat', 'Test chat', true, 'connected'],
        ['telegram', 'Telegram', false, 'needs-setup'],
        ['widget', 'Web widget', false, 'needs-setup'],
      ],
    );
    assert.match(before.channels[1]?.status.action ?? '', /@BotFather/);

    const connected = await connect(rt, { token: TEST_BOT_TOKEN, flowId: flow.id });
    const connectedText = await connected.text();
    assert.equal(connected.status, 200, connectedText);
    const body = JSON.parse(connectedText) as TelegramInfo;
    assert.equal(body.configured, true);
    assert.deepEqual(body.bot, { id: 666, username: 'TestNameBot', name: 'Test First name' });
    assert.equal(body.mode, 'polling', 'no public URL: long polling');
    assert.equal(body.flowId, flow.id);
    assert.equal(body.status.state, 'connected');
    assert.match(body.status.message ?? '', /Connected as @TestNameBot, receiving by long polling/);

    const dana = emulator.user(5001, { firstName: 'Dana', userName: 'dana_k' });
    await dana.command('/start');
    const [hi, question] = await dana.botMessages(2);
    assert.equal(hi?.text, 'Hi Dana!');
    assert.equal(question?.text, 'Coffee or tea?');
    assert.deepEqual(question?.reply_markup?.inline_keyboard, [
      [{ text: 'Coffee', callback_data: 'coffee' }],
      [{ text: 'Tea', callback_data: 'tea' }],
    ]);

    await dana.press('coffee');
    const messages = await dana.botMessages(3);
    assert.equal(messages[2]?.text, 'One Coffee coming up');

    // The conversation and the customer are in Hookflow.
    const chats = await json<ChatPage>(await rt.api('/api/chats?channel=telegram'));
    assert.equal(chats.chats.length, 1);
    const chat = chats.chats[0];
    assert.deepEqual(chat?.contact, { type: 'telegram', value: '5001' });
    assert.equal(chat?.connected, true);
    assert.equal(typeof chat?.firstInboundAt, 'string');
    const detail = await pollUntil(
      async () => json<ChatDetail>(await rt.api(`/api/chats/${chat?.id ?? ''}`)),
      (found) => found.messages.length === 5,
      'the whole conversation recorded',
    );
    assert.deepEqual(
      detail.messages.map((message) => `${message.direction}: ${message.text}`),
      [
        'in: /start',
        'out: Hi Dana!',
        'out: Coffee or tea?\n[Coffee | Tea]',
        'in: Coffee',
        'out: One Coffee coming up',
      ],
    );
    const runId = detail.messages[1]?.runId ?? '';
    const run = await waitForRun(rt, runId);
    assert.equal(run.status, 'completed', JSON.stringify(run));
    assert.equal(run.trigger.type, 'telegram');
    assert.equal(run.mode, 'full');
    assert.equal(run.variables.drink, 'Coffee');
    const customer = await json<{ name?: string; chatIds: string[] }>(
      await rt.api(`/api/customers/${chat?.customerId ?? ''}`),
    );
    assert.equal(customer.name, 'Dana');
    assert.deepEqual(customer.chatIds, [chat?.id]);

    // A message while nothing waits starts the flow again; /start always does.
    await dana.say('hello again');
    const again = await dana.botMessages(5);
    assert.equal(again[3]?.text, 'Hi Dana!');
    assert.equal(again[4]?.text, 'Coffee or tea?');
    await dana.command('/start');
    const restarted = await dana.botMessages(7);
    assert.equal(restarted[5]?.text, 'Hi Dana!');
    await dana.press('tea');
    const tea = await dana.botMessages(8);
    assert.equal(tea[7]?.text, 'Tea it is');

    // The token: in no answer, no log line, no file in the clear.
    for (const path of ['/api/channels', '/api/channels/telegram', '/api/secrets']) {
      const text = await (await rt.api(path)).text();
      assert.equal(text.includes(TEST_BOT_TOKEN), false, path);
    }
    await rt.stop();
    assert.equal(
      logs.some((line) => line.includes(TEST_BOT_TOKEN)),
      false,
      'no log line holds the token',
    );
    assert.ok(logs.some((line) => line.includes('Telegram connected as @TestNameBot')));
    const files = await filesUnder(rt.dataDir);
    assert.ok(files.some((file) => file.path.endsWith('secrets.json')));
    const [, secretPart] = TEST_BOT_TOKEN.split(':');
    for (const file of files) {
      assert.equal(file.text.includes(secretPart ?? TEST_BOT_TOKEN), false, file.path);
    }
  });

  it('refuses a malformed token and an unknown flow, saving nothing; disconnects', async () => {
    const emulator = await startEmulator();
    const rt = await telegramRuntime(emulator);
    const bad = await connect(rt, { token: 'not-a-token' });
    assert.equal(bad.status, 400);
    const badBody = await json<{ error: { code: string; message: string } }>(bad);
    assert.equal(badBody.error.code, 'telegram_bad_token');
    assert.match(badBody.error.message, /@BotFather/);
    assert.equal((await info(rt)).configured, false);

    const empty = await connect(rt, {});
    assert.equal(empty.status, 400);
    assert.equal((await json<{ error: { code: string } }>(empty)).error.code, 'invalid_input');

    const noFlow = await connect(rt, { token: TEST_BOT_TOKEN, flowId: 'f_nope' });
    assert.equal(noFlow.status, 404);
    assert.equal((await info(rt)).configured, false);

    assert.equal((await connect(rt, { token: TEST_BOT_TOKEN })).status, 200);
    const connected = await info(rt);
    assert.equal(connected.status.state, 'connected');
    assert.match(connected.status.action ?? '', /Pick the flow/, 'no flow picked yet');

    const gone = await rt.api('/api/channels/telegram', { method: 'DELETE' });
    assert.equal(gone.status, 200);
    const after = await json<TelegramInfo>(gone);
    assert.equal(after.configured, false);
    assert.equal(after.mode, 'stopped');
    assert.equal(after.status.state, 'needs-setup');
    const secrets = await json<{ secrets: { purpose: string }[] }>(await rt.api('/api/secrets'));
    assert.equal(
      secrets.secrets.some((secret) => secret.purpose === 'telegram-bot-token'),
      false,
      'the token was deleted',
    );
  });

  it('reconnects with the saved token after a restart', async () => {
    const emulator = await startEmulator();
    const dataDir = await tempDir();
    const first = await telegramRuntime(emulator, { dataDir });
    const flow = await createPublishedFlow(first, coffeeFlow(), 'Coffee bot');
    assert.equal((await connect(first, { token: TEST_BOT_TOKEN, flowId: flow.id })).status, 200);
    await first.stop();

    const second = await telegramRuntime(emulator, { dataDir });
    const back = await pollUntil(
      async () => info(second),
      (found) => found.status.state === 'connected',
      'the channel reconnecting',
    );
    assert.equal(back.mode, 'polling');
    const erin = emulator.user(5002, { firstName: 'Erin' });
    await erin.command('/start');
    const [hi] = await erin.botMessages(1);
    assert.equal(hi?.text, 'Hi Erin!');
  });

  it('a bot cannot write first: call_node and a webhook’s chat binding say why not', async () => {
    const emulator = await startEmulator();
    const rt = await telegramRuntime(emulator);
    const flow = await createPublishedFlow(
      rt,
      {
        nodes: [
          startNode({}, 'n_start'),
          {
            id: 'n_say',
            type: 'send-message',
            position: { x: 100, y: 0 },
            data: { config: { text: 'Your order shipped' } },
          },
          endNode(),
        ],
        edges: [
          { id: 'e1', source: 'n_start', sourceHandle: 'next', target: 'n_say' },
          { id: 'e2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
        ],
        variables: [],
      },
      'Shipping notice',
    );
    const base = `${rt.public}/api/call_node/${flow.id}/n_start`;

    // Not connected yet: 409 naming what is available.
    const offline = await fetch(`${base}/telegram/5003`, { method: 'POST' });
    assert.equal(offline.status, 409);
    const offlineBody = await json<{ error: { code: string; message: string } }>(offline);
    assert.equal(offlineBody.error.code, 'channel_not_connected');
    assert.match(offlineBody.error.message, /Available channels: test-chat\./);
    const unknown = await fetch(`${base}/viber/5003`, { method: 'POST' });
    assert.equal(unknown.status, 404);
    assert.match(
      (await json<{ error: { message: string } }>(unknown)).error.message,
      /There is no channel "viber"\. Available channels: test-chat\./,
    );

    assert.equal((await connect(rt, { token: TEST_BOT_TOKEN })).status, 200);
    const never = await fetch(`${base}/telegram/5003`, { method: 'POST' });
    assert.equal(never.status, 404);
    const neverBody = await json<{ error: { code: string; message: string } }>(never);
    assert.equal(neverBody.error.code, 'chat_not_found');
    assert.match(neverBody.error.message, /a bot cannot write first/);

    // The person writes once (no flow is picked: nothing starts, and the status says so).
    const fay = emulator.user(5003, { firstName: 'Fay' });
    await fay.say('hi');
    await pollUntil(
      async () => info(rt),
      (found) => /started nothing/.test(found.status.message ?? ''),
      'the status noting the message that started nothing',
    );
    const bound = await fetch(`${base}/telegram/5003`, { method: 'POST' });
    assert.equal(bound.status, 202, await bound.clone().text());
    const run = await waitForRun(rt, (await json<{ runId: string }>(bound)).runId);
    assert.equal(run.status, 'completed', JSON.stringify(run));
    assert.equal(run.mode, 'full');
    const [shipped] = await fay.botMessages(1);
    assert.equal(shipped?.text, 'Your order shipped');
    const available = await fetch(`${base}/viber/1`, { method: 'POST' });
    assert.match(
      (await json<{ error: { message: string } }>(available)).error.message,
      /Available channels: test-chat, telegram\./,
    );

    // A Webhook Trigger binding a Telegram chat by id (seed 001): fine for Fay, who wrote;
    // for chat 5099, who never did, the Send Message step fails with the reason.
    const trigger = webhookTriggerNode({
      customer: {
        enabled: true,
        rows: [{ id: 'r_tg', field: 'telegram', path: 'body.chat', search: true }],
      },
      chat: {
        enabled: true,
        channel: 'telegram',
        contactPath: 'body.chat',
        contactType: 'telegram',
      },
    });
    await createPublishedFlow(
      rt,
      {
        nodes: [
          trigger,
          {
            id: 'n_say',
            type: 'send-message',
            position: { x: 100, y: 0 },
            data: { config: { text: 'Order {{body.order}} shipped' } },
          },
          endNode(),
        ],
        edges: [
          { id: 'e1', source: trigger.id, sourceHandle: 'next', target: 'n_say' },
          { id: 'e2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
        ],
        variables: [],
      },
      'Orders',
    );
    const hook = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
    const call = async (body: unknown) => {
      const response = await fetch(hook, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 202, await response.clone().text());
      return waitForRun(rt, (await json<{ runId: string }>(response)).runId);
    };
    const toFay = await call({ chat: '5003', order: 'o1' });
    assert.equal(toFay.status, 'completed', JSON.stringify(toFay));
    const [, order] = await fay.botMessages(2);
    assert.equal(order?.text, 'Order o1 shipped');
    const toStranger = await call({ chat: '5099', order: 'o2' });
    assert.equal(toStranger.status, 'failed');
    assert.equal(
      toStranger.steps.find((step) => step.nodeId === 'n_say')?.error,
      'Telegram: this person has not written to the bot yet, and a bot cannot write first',
    );
    assert.equal(
      emulator.server.storage.botMessages.filter(
        (update) => String(update.message.chat_id) === '5099',
      ).length,
      0,
      'nothing was sent to the stranger',
    );
  });

  it('the public webhook: 404 with no bot connected, 405 for other methods, JSON errors', async () => {
    const emulator = await startEmulator();
    const rt = await telegramRuntime(emulator);
    const url = `${rt.public}/channels/telegram/webhook`;
    const off = await fetch(url, { method: 'POST', body: '{}' });
    assert.equal(off.status, 404);
    assert.equal((await json<{ error: { code: string } }>(off)).error.code, 'telegram_webhook_off');
    const get = await fetch(url);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.equal((await json<{ error: { code: string } }>(get)).error.code, 'method_not_allowed');
  });

  it('switches to webhook mode while the tunnel is online and back, losing nothing', async () => {
    const emulator = await startEmulator();
    const rt = await telegramRuntime(emulator, { tunnelConnector: secretAddingTunnel(emulator) });
    const flow = await createPublishedFlow(rt, coffeeFlow(), 'Coffee bot');
    assert.equal((await connect(rt, { token: TEST_BOT_TOKEN, flowId: flow.id })).status, 200);
    const gus = emulator.user(5004, { firstName: 'Gus' });
    await gus.command('/start');
    await gus.botMessages(2);

    await rt.api('/api/tunnel/settings', {
      method: 'PUT',
      json: { authtoken: '2abcDEFghiJKLmnoPQRstuVWX_0123456789abcdefGHIJ' },
    });
    const tunnel = await json<{ state: string; url?: string }>(
      await rt.api('/api/tunnel/start', { method: 'POST' }),
    );
    assert.equal(tunnel.state, 'online');
    const webhook = await pollUntil(
      async () => info(rt),
      (found) => found.mode === 'webhook',
      'webhook mode',
    );
    assert.match(webhook.status.message ?? '', /receiving by webhook through the public tunnel/);
    assert.equal(emulator.webhook()?.url, `${tunnel.url ?? ''}/channels/telegram/webhook`);
    assert.match(emulator.webhook()?.secret_token ?? '', /^[A-Za-z0-9_-]{43}$/);

    await gus.press('tea');
    const [, , tea] = await gus.botMessages(3);
    assert.equal(tea?.text, 'Tea it is');

    // A call without Telegram's secret is refused before anything runs.
    const forged = await fetch(`${rt.public}/channels/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ update_id: 1, message: { message_id: 1, chat: { id: 1 } } }),
    });
    assert.equal(forged.status, 401);
    assert.equal((await json<{ error: { code: string } }>(forged)).error.code, 'unauthorized');
    const huge = await fetch(`${rt.public}/channels/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    assert.equal(huge.status, 413);
    assert.equal((await json<{ error: { code: string } }>(huge)).error.code, 'payload_too_large');

    await rt.api('/api/tunnel/stop', { method: 'POST' });
    await pollUntil(
      async () => info(rt),
      (found) => found.mode === 'polling',
      'back to long polling',
    );
    assert.equal(emulator.webhook(), undefined, 'the webhook was deleted at Telegram');
    await gus.command('/start');
    const after = await gus.botMessages(5);
    assert.equal(after[3]?.text, 'Hi Gus!');
    assert.equal(after.length, 5, 'each update handled once');
  });
});
