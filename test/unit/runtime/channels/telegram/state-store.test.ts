// The Telegram transport's persisted state (offset and write-first chats) in a real temp
// folder. No Bot API involved (neither the real Telegram service nor the emulator).
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  TELEGRAM_STATE_FILE,
  TelegramStateStore,
} from '../../../../../runtime/channels/telegram/state-store';
import { StoreProblems } from '../../../../../runtime/store/store-problems';
import { tempDir } from '../../../../helpers/temp-dir';

test('the offset only moves forward and survives reopening, with the started chats', async () => {
  const dir = await tempDir();
  const store = await TelegramStateStore.open(dir, 1, new StoreProblems());
  assert.equal(store.lastUpdateId, null);
  store.noteWritten('10');
  await store.markHandled(7);
  await store.markHandled(5);
  assert.equal(store.lastUpdateId, 7);
  const again = await TelegramStateStore.open(dir, 1, new StoreProblems());
  assert.equal(again.lastUpdateId, 7);
  assert.equal(again.hasWrittenFirst('10'), true);
  assert.equal(again.hasWrittenFirst('11'), false);
});

test('started chats are bounded: the longest silent is forgotten first', async () => {
  const dir = await tempDir();
  const store = await TelegramStateStore.open(dir, 1, new StoreProblems(), 3);
  for (const chat of ['a', 'b', 'c']) store.noteWritten(chat);
  store.noteWritten('a'); // writes again: now the most recent
  store.noteWritten('d');
  await store.markHandled(1);
  assert.deepEqual(
    ['a', 'b', 'c', 'd'].map((chat) => store.hasWrittenFirst(chat)),
    [true, false, true, true],
  );
  const saved = JSON.parse(await readFile(join(dir, TELEGRAM_STATE_FILE), 'utf8')) as {
    startedChats: string[];
  };
  assert.deepEqual(saved.startedChats, ['c', 'a', 'd']);
});

test('another bot on the same folder starts over; a corrupt file is kept aside', async () => {
  const dir = await tempDir();
  const first = await TelegramStateStore.open(dir, 1, new StoreProblems());
  first.noteWritten('10');
  await first.markHandled(99);
  const other = await TelegramStateStore.open(dir, 2, new StoreProblems());
  assert.equal(other.lastUpdateId, null);
  assert.equal(other.hasWrittenFirst('10'), false);

  await writeFile(join(dir, TELEGRAM_STATE_FILE), '{"botId": 2, "lastUpdateId": "x"');
  const problems = new StoreProblems();
  const recovered = await TelegramStateStore.open(dir, 2, problems);
  assert.equal(recovered.lastUpdateId, null);
  assert.equal(problems.list().length, 1);
});
