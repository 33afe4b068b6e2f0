// Normalising Telegram updates into channel events. Plain data in and out: no Bot API
// (neither the real Telegram service nor the emulator) is involved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseUpdate, updateSchema } from '../../../../../runtime/channels/telegram/updates';

const message = (
  text: string | undefined,
  from: object | null = { id: 8, first_name: 'Ann', last_name: 'Lee', username: 'ann' },
) =>
  updateSchema.parse({
    update_id: 3,
    message: {
      message_id: 1,
      chat: { id: -100, type: 'group' },
      ...(from ? { from } : {}),
      ...(text === undefined ? {} : { text }),
    },
  });

test('a text message names its chat, its sender and the text', () => {
  assert.deepEqual(normaliseUpdate(message('Hi there')), {
    event: {
      kind: 'message',
      updateId: 3,
      chatId: '-100',
      userId: '8',
      from: { name: 'Ann Lee', username: 'ann' },
      text: 'Hi there',
    },
  });
});

test('/start, with or without a payload or the bot name, is a start event', () => {
  const start = (text: string) => {
    const result = normaliseUpdate(message(text));
    return 'event' in result && result.event.kind === 'start' ? { ...result.event } : result;
  };
  assert.equal((start('/start') as { payload?: string }).payload, undefined);
  assert.equal((start('/start   ') as { kind: string }).kind, 'start');
  assert.equal((start('/start spring_sale') as { payload?: string }).payload, 'spring_sale');
  assert.equal((start('/start@ShopBot ref-7') as { payload?: string }).payload, 'ref-7');
  const notStart = normaliseUpdate(message('/started reading'));
  assert.ok('event' in notStart && notStart.event.kind === 'message');
});

test('a sender without names is called by username, then by id', () => {
  const byUsername = normaliseUpdate(message('x', { id: 9, username: 'nobody' }));
  assert.ok('event' in byUsername);
  assert.deepEqual(byUsername.event.from, { name: 'nobody', username: 'nobody' });
  const byId = normaliseUpdate(message('x', { id: 9 }));
  assert.ok('event' in byId);
  assert.deepEqual(byId.event.from, { name: '9' });
});

test('a button press is a button event with the callback query to answer', () => {
  const update = updateSchema.parse({
    update_id: 4,
    callback_query: {
      id: 'cb-1',
      from: { id: 8, first_name: 'Ann' },
      message: { chat: { id: 8 } },
      data: 'yes',
    },
  });
  assert.deepEqual(normaliseUpdate(update), {
    event: {
      kind: 'button',
      updateId: 4,
      chatId: '8',
      userId: '8',
      from: { name: 'Ann' },
      buttonId: 'yes',
      callbackQueryId: 'cb-1',
    },
  });
});

test('other updates are ignored with a reason', () => {
  assert.deepEqual(normaliseUpdate(message(undefined)), { ignored: 'not_text' });
  assert.deepEqual(normaliseUpdate(message('hi', null)), { ignored: 'no_sender' });
  const edited = updateSchema.parse({ update_id: 5, edited_message: { text: 'changed' } });
  assert.deepEqual(normaliseUpdate(edited), { ignored: 'unsupported_update' });
  const oldPress = updateSchema.parse({
    update_id: 6,
    callback_query: { id: 'c', from: { id: 1 }, data: 'x' },
  });
  assert.deepEqual(normaliseUpdate(oldPress), { ignored: 'unsupported_update' });
});

test('the schema refuses what is not an update', () => {
  for (const body of [
    null,
    [],
    {},
    { update_id: -1 },
    { update_id: 1.5 },
    { update_id: 1, message: { chat: {} } },
  ]) {
    assert.equal(updateSchema.safeParse(body).success, false, JSON.stringify(body));
  }
});
