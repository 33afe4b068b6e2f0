// The chats store on a real temp folder: find-or-create per channel and normalised
// contact, concurrency, linking, conversations, and reading back after a reopen or a crash.
import assert from 'node:assert/strict';
import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ChatsStore, MAX_MESSAGES_IN_MEMORY } from '../../../../runtime/store/chats-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

const openStore = async (dir?: string) =>
  ChatsStore.open({ dir: dir ?? join(await tempDir(), 'chats'), defaultCountry: () => 'BR' });

describe('ChatsStore', () => {
  it('finds the chat by the normalised contact, per channel', async () => {
    const store = await openStore();
    const created = await store.findOrCreate({
      channel: 'whatsapp',
      contact: { type: 'whatsapp', value: '(11) 99999-8888' },
    });
    assert.equal(created.status, 'created');
    assert.equal(created.normalised, true);
    assert.match(created.chat.id, /^chat_[0-9a-z]{8,40}$/);
    assert.deepEqual(created.chat.contact, { type: 'whatsapp', value: '+5511999998888' });
    // Same number in another spelling, and as a phone: the same contact.
    const again = await store.findOrCreate({
      channel: 'whatsapp',
      contact: { type: 'phone', value: '+55 11 99999-8888' },
    });
    assert.equal(again.status, 'found');
    assert.equal(again.chat.id, created.chat.id);
    // Another channel is another chat.
    const telegram = await store.findOrCreate({
      channel: 'telegram',
      contact: { type: 'whatsapp', value: '11999998888' },
    });
    assert.equal(telegram.status, 'created');
    assert.notEqual(telegram.chat.id, created.chat.id);
    // Emails: the domain is lower-cased; a test chat key is kept as given.
    const mail = await store.findOrCreate({
      channel: 'email',
      contact: { type: 'email', value: ' Ana@Example.COM ' },
    });
    assert.equal(mail.chat.contact.value, 'Ana@example.com');
    const session = await store.findOrCreate({
      channel: 'test-chat',
      contact: { type: 'test-chat', value: ' Ana-Session ' },
    });
    assert.equal(session.chat.contact.value, 'Ana-Session');
    assert.equal(store.size, 4);
    await store.close();
  });

  it('keeps a value that does not normalise as given, and says so', async () => {
    const store = await openStore();
    const result = await store.findOrCreate({
      channel: 'whatsapp',
      contact: { type: 'phone', value: 'call me maybe' },
    });
    assert.equal(result.normalised, false);
    assert.equal(result.chat.contact.value, 'call me maybe');
    await assert.rejects(
      store.findOrCreate({ channel: 'whatsapp', contact: { type: 'phone', value: '  ' } }),
      /needs a contact value/,
    );
    await store.close();
  });

  it('50 concurrent binds for one contact make one chat', async () => {
    const dir = join(await tempDir(), 'chats');
    const store = await openStore(dir);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.findOrCreate({
          channel: 'whatsapp',
          contact: { type: 'whatsapp', value: i % 2 === 0 ? '+5511988887777' : '11 98888-7777' },
        }),
      ),
    );
    assert.equal(new Set(results.map((result) => result.chat.id)).size, 1);
    assert.equal(results.filter((result) => result.status === 'created').length, 1);
    assert.equal(store.size, 1);
    await store.close();
    const reopened = await openStore(dir);
    assert.equal(reopened.size, 1);
    assert.equal(reopened.stats().records, 1, 'found chats write nothing');
    await reopened.close();
  });

  it('links the chat to the newest customer given; without one it keeps its customer', async () => {
    const dir = join(await tempDir(), 'chats');
    const store = await openStore(dir);
    const contact = { type: 'email' as const, value: 'bia@example.com' };
    const first = await store.findOrCreate({ channel: 'email', contact });
    assert.equal(first.chat.customerId, undefined);
    const linked = await store.findOrCreate({ channel: 'email', contact, customerId: 'cus_a1' });
    assert.equal(linked.status, 'found');
    assert.equal(linked.chat.customerId, 'cus_a1');
    assert.deepEqual(store.chatIdsOf('cus_a1'), [first.chat.id]);
    const relinked = await store.findOrCreate({ channel: 'email', contact, customerId: 'cus_b2' });
    assert.equal(relinked.chat.customerId, 'cus_b2');
    // The link lives on the chat: the first customer no longer lists it.
    assert.deepEqual(store.chatIdsOf('cus_a1'), []);
    assert.deepEqual(store.chatIdsOf('cus_b2'), [first.chat.id]);
    const kept = await store.findOrCreate({ channel: 'email', contact });
    assert.equal(kept.chat.customerId, 'cus_b2');
    const other = await store.findOrCreate({
      channel: 'test-chat',
      contact: { type: 'test-chat', value: 'session-1' },
      customerId: 'cus_b2',
    });
    assert.deepEqual(store.chatIdsOf('cus_b2'), [first.chat.id, other.chat.id].sort());
    await store.close();
    // Read back from the log after a reopen.
    const reopened = await openStore(dir);
    assert.deepEqual(reopened.chatIdsOf('cus_b2'), [first.chat.id, other.chat.id].sort());
    assert.equal(await reopened.unlinkCustomer('cus_b2'), 2);
    assert.equal(reopened.get(first.chat.id)?.customerId, undefined);
    assert.deepEqual(reopened.chatIdsOf('cus_b2'), []);
    assert.equal(reopened.size, 2, 'unlinking keeps the chats');
    await reopened.close();
  });

  it('reads the same chats and conversations back after a reopen', async () => {
    const dir = join(await tempDir(), 'chats');
    const store = await openStore(dir);
    const { chat } = await store.findOrCreate({
      channel: 'telegram',
      contact: { type: 'telegram', value: '@Ana' },
      customerId: 'cus_x1',
    });
    await store.appendMessage(chat.id, {
      at: '2030-01-01T00:00:00.000Z',
      direction: 'out',
      text: 'Hi',
      runId: 'run_1',
    });
    await store.appendMessage(chat.id, {
      at: '2030-01-01T00:00:01.000Z',
      direction: 'out',
      text: 'Still there?',
      notDelivered: 'not delivered: channel telegram is not connected',
    });
    const before = { chats: store.all(), messages: await store.conversation(chat.id) };
    assert.equal(
      before.chats[0]?.updatedAt,
      '2030-01-01T00:00:01.000Z',
      'activity is the last message',
    );
    await store.close();
    const reopened = await openStore(dir);
    assert.deepEqual(reopened.all(), before.chats);
    assert.deepEqual(await reopened.conversation(chat.id), before.messages);
    assert.deepEqual(
      before.messages.map((message) => message.text),
      ['Hi', 'Still there?'],
    );
    await reopened.close();
  });

  it(`keeps the newest ${MAX_MESSAGES_IN_MEMORY} messages of a conversation`, async () => {
    const store = await openStore();
    const { chat } = await store.findOrCreate({
      channel: 'email',
      contact: { type: 'email', value: 'long@example.com' },
    });
    const total = MAX_MESSAGES_IN_MEMORY + 5;
    await store.conversation(chat.id); // loaded now, so appends also land in memory
    for (let i = 0; i < total; i += 1) {
      await store.appendMessage(chat.id, {
        at: new Date().toISOString(),
        direction: 'in',
        text: `m${i}`,
      });
    }
    const messages = await store.conversation(chat.id);
    assert.equal(messages.length, MAX_MESSAGES_IN_MEMORY);
    assert.equal(messages[0]?.text, `m${total - MAX_MESSAGES_IN_MEMORY}`);
    assert.equal(messages.at(-1)?.text, `m${total - 1}`);
    await store.close();
  });

  it('tolerates a torn last line after a crash and reports it', async () => {
    const dir = join(await tempDir(), 'chats');
    const store = await openStore(dir);
    const { chat } = await store.findOrCreate({
      channel: 'whatsapp',
      contact: { type: 'whatsapp', value: '+5511977776666' },
    });
    await store.appendMessage(chat.id, {
      at: new Date().toISOString(),
      direction: 'out',
      text: 'kept',
    });
    await store.close();
    // A write cut off mid-line, in both logs.
    const chatsLog = join(dir, 'log-1');
    const messagesLog = join(dir, 'messages');
    for (const folder of [chatsLog, messagesLog]) {
      const [segment] = (await readdir(folder)).filter((name) => name.endsWith('.jsonl'));
      assert.ok(segment);
      await appendFile(join(folder, segment), '{"id":"chat_torn","at":"2030-01-0');
    }
    const problems = new StoreProblems();
    const reopened = await ChatsStore.open({ dir, problems });
    assert.equal(reopened.size, 1);
    assert.deepEqual(reopened.get(chat.id)?.contact, chat.contact);
    assert.deepEqual(
      (await reopened.conversation(chat.id)).map((message) => message.text),
      ['kept'],
    );
    assert.ok(problems.list().length > 0, 'the torn lines are reported');
    // And it goes on writing after the torn data.
    const next = await reopened.findOrCreate({
      channel: 'whatsapp',
      contact: { type: 'whatsapp', value: '+5511966665555' },
    });
    assert.equal(next.status, 'created');
    await reopened.close();
    const third = await ChatsStore.open({ dir });
    assert.equal(third.size, 2);
    await third.close();
  });

  it('compacts to a new generation with the same chats', async () => {
    const dir = join(await tempDir(), 'chats');
    const store = await openStore(dir);
    const contact = { type: 'email' as const, value: 'c@example.com' };
    await store.findOrCreate({ channel: 'email', contact, customerId: 'cus_1' });
    await store.findOrCreate({ channel: 'email', contact, customerId: 'cus_2' });
    assert.equal(store.stats().records, 2);
    const before = store.all();
    await store.compact();
    assert.deepEqual(store.stats(), { chats: 1, records: 1, messages: 0, generation: 2 });
    assert.deepEqual((await readdir(dir)).sort(), ['current.json', 'log-2', 'messages']);
    await store.close();
    const reopened = await openStore(dir);
    assert.deepEqual(reopened.all(), before);
    await reopened.close();
  });
});
