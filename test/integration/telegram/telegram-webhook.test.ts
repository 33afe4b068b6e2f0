// Webhook mode and mode switches of the Telegram transport, against telegram-test-api (a
// local Bot API emulator on an ephemeral loopback port) — never the real Telegram
// service. Webhook calls go over real HTTP to a loopback front door; real temp folders.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { TELEGRAM_STATE_FILE } from '../../../runtime/channels/telegram/state-store';
import type { TelegramEvent } from '../../../runtime/channels/telegram/updates';
import { pollUntil } from '../../helpers/poll';
import {
  openTransport,
  startEmulator,
  startWebhookFrontDoor,
} from '../../helpers/telegram-emulator';
import { tempDir } from '../../helpers/temp-dir';

const update = (id: number, text: string, chat = 21) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1_700_000_000,
    chat: { id: chat, type: 'private' },
    from: { id: chat, is_bot: false, first_name: 'Web', username: 'web_user' },
    text,
  },
});

function post(url: string, body: string, secret?: string) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === undefined ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
    },
    body,
  });
}

test('webhook mode: setWebhook gets a random secret; calls are checked before anything runs', async (t) => {
  const emulator = await startEmulator();
  const door = await startWebhookFrontDoor(emulator);
  const texts: string[] = [];
  const { transport } = await openTransport(emulator, async (event) => {
    if (event.kind === 'message') texts.push(event.text);
  });
  door.target.transport = transport;
  t.after(() => transport.stop());

  const before = await post(door.url, JSON.stringify(update(1, 'too early')), 'anything');
  assert.equal(before.status, 404);
  assert.equal(
    ((await before.json()) as { error: { code: string } }).error.code,
    'telegram_webhook_off',
  );

  await transport.startWebhook(door.url);
  assert.equal(transport.mode, 'webhook');
  const registered = emulator.webhook();
  assert.equal(registered?.url, door.url);
  const secret = registered?.secret_token ?? '';
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/);

  const missing = await post(door.url, JSON.stringify(update(1, 'no secret')));
  assert.equal(missing.status, 401);
  assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'unauthorized');
  const wrong = await post(door.url, JSON.stringify(update(1, 'wrong secret')), `${secret}x`);
  assert.equal(wrong.status, 401);

  const notJson = await post(door.url, '{"update_id": 1, ', secret);
  assert.equal(notJson.status, 400);
  assert.equal(((await notJson.json()) as { error: { code: string } }).error.code, 'invalid_json');
  const notUpdate = await post(door.url, JSON.stringify({ update_id: 'one' }), secret);
  assert.equal(notUpdate.status, 400);
  const body = (await notUpdate.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'invalid_update');
  assert.match(body.error.message, /update_id/);
  const badMessage = await post(
    door.url,
    JSON.stringify({ update_id: 2, message: { text: 5 } }),
    secret,
  );
  assert.equal(badMessage.status, 400);
  assert.deepEqual(texts, [], 'nothing refused reached the handler');

  const good = await post(door.url, JSON.stringify(update(5, 'signed')), secret);
  assert.equal(good.status, 200);
  assert.deepEqual(await good.json(), { ok: true });
  // Telegram re-sends an update it is not sure arrived: the second one is dropped.
  const again = await post(door.url, JSON.stringify(update(5, 'signed')), secret);
  assert.deepEqual(await again.json(), { ok: true, duplicate: true });
  const older = await post(door.url, JSON.stringify(update(4, 'older')), secret);
  assert.deepEqual(await older.json(), { ok: true, duplicate: true });
  assert.deepEqual(texts, ['signed']);
  assert.equal(transport.hasWrittenFirst('21'), true);
});

test('a failing handler answers 500 and leaves the offset, so the re-sent update is handled', async (t) => {
  const emulator = await startEmulator();
  const door = await startWebhookFrontDoor(emulator);
  const dataDir = await tempDir('hookflow-telegram-');
  let failNext = true;
  const texts: string[] = [];
  const { transport, problems } = await openTransport(
    emulator,
    async (event) => {
      if (failNext) {
        failNext = false;
        throw new Error('the engine could not store the message');
      }
      if (event.kind === 'message') texts.push(event.text);
    },
    { dataDir },
  );
  door.target.transport = transport;
  t.after(() => transport.stop());
  await transport.startWebhook(door.url);
  const secret = emulator.webhook()?.secret_token ?? '';

  const first = await post(door.url, JSON.stringify(update(10, 'retry me')), secret);
  assert.equal(first.status, 500);
  assert.equal(transport.lastUpdateId, null);
  assert.match(problems[0]?.message ?? '', /could not store the message/);

  const second = await post(door.url, JSON.stringify(update(10, 'retry me')), secret);
  assert.equal(second.status, 200);
  assert.deepEqual(texts, ['retry me']);
  await transport.settled();
  const saved = JSON.parse(await readFile(join(dataDir, TELEGRAM_STATE_FILE), 'utf8')) as {
    lastUpdateId: number;
    startedChats: string[];
  };
  assert.equal(saved.lastUpdateId, 10);
  assert.deepEqual(saved.startedChats, ['21']);
});

test('polling → webhook → polling → restart: every update arrives exactly once', async (t) => {
  const emulator = await startEmulator();
  const door = await startWebhookFrontDoor(emulator);
  const dataDir = await tempDir('hookflow-telegram-');
  const seen: { transport: string; event: TelegramEvent }[] = [];
  const record = (name: string) => async (event: TelegramEvent) =>
    void seen.push({ transport: name, event });
  const texts = () =>
    seen.map(
      ({ transport, event }) =>
        `${transport}:${event.kind === 'message' ? event.text : event.kind}`,
    );
  const until = (count: number, what: string) =>
    pollUntil(
      async () => seen.length,
      (n) => n >= count,
      what,
    );

  const first = await openTransport(emulator, record('A'), { dataDir });
  door.target.transport = first.transport;
  const carla = emulator.user(77, { firstName: 'Carla' });

  await first.transport.startPolling();
  await carla.say('one (polling)');
  await until(1, 'the polled message');

  await first.transport.startWebhook(door.relayUrl);
  await carla.say('two (webhook)');
  await until(2, 'the webhook message');

  await first.transport.startPolling();
  assert.equal(emulator.webhook(), undefined, 'deleteWebhook reached the emulator');
  await carla.say('three (polling again)');
  await until(3, 'the message polled after the switch back');
  // stop() waits for the update being handled, whose offset is written after its handler.
  await first.transport.stop();
  await first.transport.settled();
  const lastBeforeRestart = first.transport.lastUpdateId;
  assert.equal(lastBeforeRestart, seen[2]?.event.updateId);

  // A new transport on the same folder: a restart of the runtime.
  const second = await openTransport(emulator, record('B'), { dataDir });
  door.target.transport = second.transport;
  t.after(() => second.transport.stop());
  assert.equal(second.transport.lastUpdateId, lastBeforeRestart);
  assert.equal(second.transport.hasWrittenFirst('77'), true, 'write-first survives a restart');
  await second.transport.startPolling();
  await carla.say('four (after restart)');
  await until(4, 'the message after the restart');

  // Telegram re-delivering an update handled before the restart is dropped by the offset.
  await second.transport.startWebhook(door.url);
  const secret = emulator.webhook()?.secret_token ?? '';
  const twoAgain = seen[1]?.event.updateId ?? -1;
  const replay = await post(
    door.url,
    JSON.stringify(update(twoAgain, 'two (webhook)', 77)),
    secret,
  );
  assert.deepEqual(await replay.json(), { ok: true, duplicate: true });

  assert.deepEqual(texts(), [
    'A:one (polling)',
    'A:two (webhook)',
    'A:three (polling again)',
    'B:four (after restart)',
  ]);
  const ids = seen.map(({ event }) => event.updateId);
  assert.deepEqual(
    [...ids].sort((a, b) => a - b),
    ids,
    'in update_id order',
  );
});

test('in polling mode a failing handler is retried, not skipped past', async (t) => {
  const emulator = await startEmulator();
  let failures = 1;
  const texts: string[] = [];
  const { transport } = await openTransport(emulator, async (event) => {
    if (failures > 0) {
      failures -= 1;
      throw new Error('busy');
    }
    if (event.kind === 'message') texts.push(event.text);
  });
  t.after(() => transport.stop());
  await transport.startPolling();
  await emulator.user(9).say('first');
  await emulator.user(9).say('second');
  await pollUntil(
    async () => texts.length,
    (n) => n === 2,
    'both messages after the retry',
  );
  assert.deepEqual(texts, ['first', 'second']);
  assert.equal(transport.stats.skipped, 0);
});
