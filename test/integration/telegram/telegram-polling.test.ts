// The Telegram transport against telegram-test-api, a local Bot API emulator on an
// ephemeral loopback port — never the real Telegram service. Real temp data folders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTelegramError } from '../../../runtime/channels/telegram/errors';
import type { TelegramEvent } from '../../../runtime/channels/telegram/updates';
import { pollUntil } from '../../helpers/poll';
import { TEST_BOT_TOKEN, openTransport, startEmulator } from '../../helpers/telegram-emulator';

test('connect validates the token with getMe and reports the bot', async () => {
  const emulator = await startEmulator();
  const { transport } = await openTransport(emulator, async () => undefined);
  assert.deepEqual(transport.bot, { id: 666, username: 'TestNameBot', name: 'Test First name' });
  assert.equal(transport.mode, 'stopped');
});

test('a token that is not a bot token is refused before any call', async () => {
  const emulator = await startEmulator();
  await assert.rejects(
    openTransport(emulator, async () => undefined, { token: 'not a token' }),
    (error) =>
      isTelegramError(error, 'bad_token') && /Telegram refused this bot token/.test(error.message),
  );
});

test('a message arrives by long polling and the reply reaches the user', async (t) => {
  const emulator = await startEmulator();
  const events: TelegramEvent[] = [];
  const { transport } = await openTransport(emulator, async (event, self) => {
    events.push(event);
    if (event.kind === 'message') await self.sendText(event.chatId, `You said: ${event.text}`);
  });
  t.after(() => transport.stop());
  await transport.startPolling();
  assert.equal(transport.mode, 'polling');
  const anna = emulator.user(41, { firstName: 'Anna', userName: 'anna_k' });
  await anna.say('hello bot');
  const [reply] = await anna.botMessages(1);
  assert.equal(reply?.text, 'You said: hello bot');
  assert.equal(events.length, 1);
  assert.deepEqual(
    { ...events[0], updateId: 0 },
    {
      kind: 'message',
      updateId: 0,
      chatId: '41',
      userId: '41',
      from: { name: 'Anna', username: 'anna_k' },
      text: 'hello bot',
    },
  );
  assert.equal(transport.hasWrittenFirst('41'), true);
  // The reply goes out from inside the handler; the offset is written once it resolved.
  await transport.settled();
  assert.equal(transport.lastUpdateId, events[0]?.updateId);
});

test('/start with a payload opens as a start event', async (t) => {
  const emulator = await startEmulator();
  const events: TelegramEvent[] = [];
  const { transport } = await openTransport(emulator, async (event) => void events.push(event));
  t.after(() => transport.stop());
  await transport.startPolling();
  await emulator.user(7).command('/start promo-42');
  await pollUntil(
    async () => events.length,
    (n) => n === 1,
    'the /start event',
  );
  assert.equal(events[0]?.kind, 'start');
  assert.equal(events[0]?.kind === 'start' && events[0].payload, 'promo-42');
});

test('buttons go out as an inline keyboard and a press comes back answered', async (t) => {
  const emulator = await startEmulator();
  const events: TelegramEvent[] = [];
  const { transport } = await openTransport(emulator, async (event, self) => {
    events.push(event);
    if (event.kind === 'start') {
      await self.sendButtons(event.chatId, 'Pick one', [
        { id: 'yes', label: 'Yes please' },
        { id: 'no', label: 'No thanks' },
      ]);
    }
    if (event.kind === 'button') await self.sendText(event.chatId, `Chose ${event.buttonId}`);
  });
  t.after(() => transport.stop());
  await transport.startPolling();
  const bob = emulator.user(55);
  await bob.command('/start');
  const [question] = await bob.botMessages(1);
  assert.equal(question?.text, 'Pick one');
  assert.deepEqual(question?.reply_markup?.inline_keyboard, [
    [{ text: 'Yes please', callback_data: 'yes' }],
    [{ text: 'No thanks', callback_data: 'no' }],
  ]);
  await bob.press('yes');
  const [, answer] = await bob.botMessages(2);
  assert.equal(answer?.text, 'Chose yes');
  const press = events.find((event) => event.kind === 'button');
  assert.equal(press?.kind === 'button' && press.buttonId, 'yes');
  assert.equal(press?.chatId, '55');
  assert.equal(press?.kind === 'button' && typeof press.callbackQueryId, 'string');
  // The emulator acknowledged answerCallbackQuery (it keeps no record the test could read).
  assert.equal(transport.stats.callbacksAnswered, 1);
});

test('messages that are not text are ignored and counted', async (t) => {
  const emulator = await startEmulator();
  const events: TelegramEvent[] = [];
  const { transport } = await openTransport(emulator, async (event) => void events.push(event));
  t.after(() => transport.stop());
  await transport.startPolling();
  const client = emulator.server.getClient(TEST_BOT_TOKEN, { userId: 3, chatId: 3 });
  const photo = client.makeMessage('');
  delete (photo as { text?: string }).text;
  await client.sendMessage(photo as never);
  await emulator.user(3).say('after the photo');
  await pollUntil(
    async () => events.length,
    (n) => n === 1,
    'the text message',
  );
  assert.equal(transport.stats.ignored.not_text, 1);
  assert.equal(events[0]?.kind === 'message' && events[0].text, 'after the photo');
});
