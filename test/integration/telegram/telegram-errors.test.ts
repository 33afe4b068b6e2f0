// Delivery errors of the Telegram transport. Never the real Telegram service:
// telegram-test-api (the emulator the other Telegram tests use) accepts every token and
// never answers 403 or 429, so these cases use a small loopback HTTP server that answers
// exactly as the Bot API documents them ({ ok: false, error_code, description,
// parameters.retry_after }). Real HTTP, real grammY client, real temp folders.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';
import { BotApi } from '../../../runtime/channels/telegram/bot-api';
import { isTelegramError } from '../../../runtime/channels/telegram/errors';
import { TelegramTransport } from '../../../runtime/channels/telegram/transport';
import type { TelegramError } from '../../../runtime/channels/telegram/errors';
import { StoreProblems } from '../../../runtime/store/store-problems';
import { startScriptedServer, type Route } from '../../helpers/http-servers';
import { pollUntil } from '../../helpers/poll';
import { TEST_BOT_TOKEN } from '../../helpers/telegram-emulator';
import { tempDir } from '../../helpers/temp-dir';

const bot = (method: string) => `/bot${TEST_BOT_TOKEN}/${method}`;

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const getMe: Route = (_request, res) =>
  answer(res, 200, {
    ok: true,
    result: { id: 4242, is_bot: true, first_name: 'Shop', username: 'shop_bot' },
  });
const sent: Route = (_request, res) =>
  answer(res, 200, {
    ok: true,
    result: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: 'x' },
  });
const tooMany =
  (seconds: number): Route =>
  (_request, res) =>
    answer(res, 429, {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${seconds}`,
      parameters: { retry_after: seconds },
    });

/** Answers with each route in turn, then keeps answering with the last. */
function inTurn(...routes: Route[]): Route {
  let next = 0;
  return (request, res) => (routes[Math.min(next++, routes.length - 1)] as Route)(request, res);
}

test('a token Telegram refuses is a bad_token error saying what to do', async () => {
  const api = await startScriptedServer({
    [bot('getMe')]: (_request, res) =>
      answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' }),
  });
  await assert.rejects(BotApi.connect(TEST_BOT_TOKEN, { apiRoot: api.url }), (error) => {
    assert.ok(isTelegramError(error, 'bad_token'));
    assert.match(error.message, /^Telegram refused this bot token \(401 Unauthorized\)/);
    assert.match(error.message, /@BotFather/);
    return true;
  });
});

test('no Bot API at all is an unreachable error', async () => {
  const api = await startScriptedServer({});
  const closed = api.url;
  api.server.closeAllConnections();
  await new Promise((resolve) => api.server.close(resolve));
  await assert.rejects(BotApi.connect(TEST_BOT_TOKEN, { apiRoot: closed }), (error) => {
    assert.ok(isTelegramError(error, 'unreachable'));
    assert.match(error.message, /could not be reached \(getMe\)/);
    assert.equal(error.message.includes(TEST_BOT_TOKEN), false, 'the token is not in the message');
    assert.match(error.message, /bot<token>/);
    return true;
  });
});

test('a user who blocked the bot is a blocked error with a person-readable reason', async () => {
  const api = await startScriptedServer({
    [bot('getMe')]: getMe,
    [bot('sendMessage')]: (_request, res) =>
      answer(res, 403, {
        ok: false,
        error_code: 403,
        description: 'Forbidden: bot was blocked by the user',
      }),
  });
  const client = await BotApi.connect(TEST_BOT_TOKEN, { apiRoot: api.url });
  await assert.rejects(client.sendMessage('5', 'hello'), (error) => {
    assert.ok(isTelegramError(error, 'blocked'));
    assert.equal(
      error.message,
      'The person in Telegram chat 5 has blocked this bot (Telegram: "bot was blocked by the user"). ' +
        'Nothing can be delivered until they unblock it and write to the bot again.',
    );
    return true;
  });
  assert.equal(api.count(bot('sendMessage')), 1, 'a block is not retried');
});

test('429 with retry_after is waited out and retried, then delivered', async () => {
  const api = await startScriptedServer({
    [bot('getMe')]: getMe,
    [bot('sendMessage')]: inTurn(tooMany(1), sent),
  });
  const client = await BotApi.connect(TEST_BOT_TOKEN, { apiRoot: api.url });
  await client.sendMessage('5', 'hello');
  assert.equal(api.count(bot('sendMessage')), 2);
});

test('429 that keeps coming becomes rate_limited after the bounded retries', async () => {
  const api = await startScriptedServer({
    [bot('getMe')]: getMe,
    [bot('sendMessage')]: tooMany(1),
  });
  const client = await BotApi.connect(TEST_BOT_TOKEN, { apiRoot: api.url, maxRateLimitRetries: 1 });
  await assert.rejects(client.sendMessage('5', 'hello'), (error) => {
    assert.ok(isTelegramError(error, 'rate_limited'));
    assert.equal(error.details.retryAfterSeconds, 1);
    return true;
  });
  assert.equal(api.count(bot('sendMessage')), 2, 'the first try and one retry');
});

test('a retry_after longer than the cap fails at once instead of blocking the run', async () => {
  const api = await startScriptedServer({
    [bot('getMe')]: getMe,
    [bot('sendMessage')]: tooMany(3600),
  });
  const client = await BotApi.connect(TEST_BOT_TOKEN, { apiRoot: api.url, maxRetryWaitMs: 5_000 });
  await assert.rejects(client.sendMessage('5', 'hello'), (error) => {
    assert.ok(isTelegramError(error, 'rate_limited'));
    assert.match(error.message, /asked to wait 3600 s/);
    return true;
  });
  assert.equal(api.count(bot('sendMessage')), 1);
});

test('a button id Telegram cannot carry is refused before sending', async () => {
  const api = await startScriptedServer({ [bot('getMe')]: getMe, [bot('sendMessage')]: sent });
  const client = await BotApi.connect(TEST_BOT_TOKEN, { apiRoot: api.url });
  await assert.rejects(
    client.sendMessage('5', 'pick', [{ id: 'x'.repeat(65), label: 'Long' }]),
    (error) => isTelegramError(error, 'invalid_button'),
  );
  assert.equal(api.count(bot('sendMessage')), 0);
});

test('the transport reports blocked to the run, and a revoked token stops polling', async (t) => {
  const oneUpdate = [
    {
      update_id: 300,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: 'private' },
        from: { id: 5, is_bot: false, first_name: 'Dana' },
        text: 'hi',
      },
    },
  ];
  const api = await startScriptedServer({
    [bot('getMe')]: getMe,
    [bot('deleteWebhook')]: (_request, res) => answer(res, 200, { ok: true, result: true }),
    [bot('getUpdates')]: inTurn(
      (_request, res) => answer(res, 200, { ok: true, result: oneUpdate }),
      (_request, res) =>
        answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' }),
    ),
    [bot('sendMessage')]: (_request, res) =>
      answer(res, 403, {
        ok: false,
        error_code: 403,
        description: 'Forbidden: bot was blocked by the user',
      }),
  });
  const problems: TelegramError[] = [];
  const replies: unknown[] = [];
  const transport: TelegramTransport = await TelegramTransport.open({
    token: TEST_BOT_TOKEN,
    apiRoot: api.url,
    dataDir: await tempDir('hookflow-telegram-'),
    problems: new StoreProblems(),
    idlePauseMs: 20,
    onEvent: async (event) => {
      await transport
        .sendText(event.chatId, 'hello back')
        .catch((error: unknown) => replies.push(error));
    },
    onProblem: (problem) => problems.push(problem),
  });
  t.after(() => transport.stop());
  await transport.startPolling();
  await pollUntil(
    async () => transport.mode,
    (mode) => mode === 'stopped',
    'polling to stop',
  );
  assert.equal(replies.length, 1);
  assert.ok(isTelegramError(replies[0], 'blocked'));
  assert.ok(isTelegramError(problems.at(-1), 'bad_token'));
  assert.equal(transport.lastUpdateId, 300);
});

test('polling rides out a dropped connection: reported as unreachable, then resumed', async (t) => {
  const update = {
    update_id: 41,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 6, type: 'private' },
      from: { id: 6, is_bot: false, first_name: 'Eve' },
      text: 'still there?',
    },
  };
  const api = await startScriptedServer({
    [bot('getMe')]: getMe,
    [bot('deleteWebhook')]: (_request, res) => answer(res, 200, { ok: true, result: true }),
    [bot('getUpdates')]: inTurn(
      (_request, res) => res.socket?.destroy(),
      (_request, res) => answer(res, 200, { ok: true, result: [update] }),
      (_request, res) => answer(res, 200, { ok: true, result: [] }),
    ),
  });
  const problems: TelegramError[] = [];
  const texts: string[] = [];
  const transport = await TelegramTransport.open({
    token: TEST_BOT_TOKEN,
    apiRoot: api.url,
    dataDir: await tempDir('hookflow-telegram-'),
    problems: new StoreProblems(),
    idlePauseMs: 20,
    onEvent: async (event) => void (event.kind === 'message' && texts.push(event.text)),
    onProblem: (problem) => problems.push(problem),
  });
  t.after(() => transport.stop());
  await transport.startPolling();
  await pollUntil(
    async () => texts.length,
    (n) => n === 1,
    'the update after the reconnect',
  );
  assert.deepEqual(texts, ['still there?']);
  assert.ok(isTelegramError(problems[0], 'unreachable'));
  assert.equal(transport.mode, 'polling');
});
