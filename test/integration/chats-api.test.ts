// The chats admin API against a real runtime on loopback: paging, the channel and q
// filters, one chat with its conversation, JSON errors, and a deleted customer's chats
// kept without the link. Chats are seeded into the data folder by the store itself (runs
// make them; the runtime reads whatever the folder holds).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CustomerPage } from '../../runtime/api/customers';
import type { ChatDetail, ChatPage } from '../../runtime/shared/chats';
import { ChatsStore } from '../../runtime/store/chats-store';
import { tempDir } from '../helpers/temp-dir';
import { json, startTestRuntime } from '../helpers/test-runtime';

async function seedChats(dataDir: string, customerId?: string): Promise<string[]> {
  const store = await ChatsStore.open({ dir: join(dataDir, 'chats'), defaultCountry: () => 'BR' });
  const ids: string[] = [];
  const contacts = [
    { channel: 'whatsapp', contact: { type: 'whatsapp', value: '+55 11 99999-8888' } },
    { channel: 'whatsapp', contact: { type: 'whatsapp', value: '+55 21 98888-7777' } },
    { channel: 'email', contact: { type: 'email', value: 'ana@example.com' } },
    { channel: 'test-chat', contact: { type: 'test-chat', value: 'demo-session' } },
  ] as const;
  for (const [i, input] of contacts.entries()) {
    const at = new Date(Date.UTC(2030, 0, 1, 0, i));
    const { chat } = await store.findOrCreate(
      { ...input, ...(i === 0 && customerId ? { customerId } : {}) },
      at,
    );
    ids.push(chat.id);
  }
  await store.appendMessage(ids[0]!, {
    at: '2030-01-02T00:00:00.000Z',
    direction: 'out',
    text: 'Your order shipped',
    runId: 'r_seeded01',
    notDelivered: 'not delivered: channel whatsapp is not connected',
  });
  await store.close();
  return ids;
}

describe('chats admin API', () => {
  it('lists chats newest activity first, pages, filters by channel and contact', async () => {
    const dataDir = await tempDir();
    const [ana, bia, mail, demo] = await seedChats(dataDir);
    const rt = await startTestRuntime({ dataDir });
    const settings = await rt.api('/api/settings', {
      method: 'PATCH',
      json: { customers: { defaultCountry: 'BR' } },
    });
    assert.equal(settings.status, 200);

    const all = await json<ChatPage>(await rt.api('/api/chats'));
    // Ana's chat had the latest message, so it comes first.
    assert.deepEqual(
      all.chats.map((chat) => chat.id),
      [ana, demo, mail, bia],
    );
    assert.equal(all.next, undefined);
    assert.deepEqual(
      all.chats.map((chat) => [chat.channel, chat.connected]),
      [
        ['whatsapp', false],
        ['test-chat', true],
        ['email', false],
        ['whatsapp', false],
      ],
    );

    const first = await json<ChatPage>(await rt.api('/api/chats?limit=3'));
    assert.deepEqual(
      first.chats.map((chat) => chat.id),
      [ana, demo, mail],
    );
    assert.equal(first.next, mail);
    const second = await json<ChatPage>(await rt.api(`/api/chats?limit=3&after=${first.next}`));
    assert.deepEqual(
      second.chats.map((chat) => chat.id),
      [bia],
    );
    assert.equal(second.next, undefined);

    const whatsapp = await json<ChatPage>(await rt.api('/api/chats?channel=whatsapp'));
    assert.deepEqual(
      whatsapp.chats.map((chat) => chat.id),
      [ana, bia],
    );
    // A national spelling finds the E.164 contact; part of a value finds it too.
    const byPhone = await json<ChatPage>(await rt.api('/api/chats?q=(21)%2098888-7777'));
    assert.deepEqual(
      byPhone.chats.map((chat) => chat.id),
      [bia],
    );
    const byPart = await json<ChatPage>(await rt.api('/api/chats?q=EXAMPLE'));
    assert.deepEqual(
      byPart.chats.map((chat) => chat.id),
      [mail],
    );
    const none = await json<ChatPage>(await rt.api('/api/chats?channel=telegram'));
    assert.deepEqual(none.chats, []);

    const detail = await json<ChatDetail>(await rt.api(`/api/chats/${ana}`));
    assert.equal(detail.chat.contact.value, '+5511999998888');
    assert.deepEqual(detail.messages, [
      {
        at: '2030-01-02T00:00:00.000Z',
        direction: 'out',
        text: 'Your order shipped',
        runId: 'r_seeded01',
        notDelivered: 'not delivered: channel whatsapp is not connected',
      },
    ]);
    const quiet = await json<ChatDetail>(await rt.api(`/api/chats/${demo}`));
    assert.deepEqual(quiet.messages, []);
  });

  it('answers bad queries with 400 and unknown or malformed ids with 404, as JSON', async () => {
    const rt = await startTestRuntime();
    const cases: [string, number, string][] = [
      ['/api/chats?channel=carrier-pigeon', 400, 'invalid_input'],
      ['/api/chats?limit=0', 400, 'invalid_input'],
      ['/api/chats?limit=many', 400, 'invalid_input'],
      ['/api/chats?after=chat_00000000nothere', 400, 'invalid_cursor'],
      ['/api/chats/chat_00000000nothere', 404, 'not_found'],
      ['/api/chats/not-a-chat-id', 404, 'not_found'],
      ['/api/chats/%2E%2E', 404, 'not_found'],
    ];
    for (const [path, status, code] of cases) {
      const res = await rt.api(path);
      assert.equal(res.status, status, path);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/, path);
      const body = await json<{ error: { code: string; message: string } }>(res);
      assert.equal(body.error.code, code, path);
      assert.ok(body.error.message.length > 0, path);
    }
  });

  it('deleting a customer keeps its chats and removes the link', async () => {
    const dataDir = await tempDir();
    let rt = await startTestRuntime({ dataDir });
    const imported = await rt.api('/api/customers/import', {
      method: 'POST',
      json: { format: 'json', customers: [{ name: 'Ana', email: 'ana@example.com' }] },
    });
    assert.equal(imported.status, 200, await imported.clone().text());
    const customer = (await json<CustomerPage>(await rt.api('/api/customers'))).items[0];
    assert.ok(customer);
    await rt.stop();
    const [linked] = await seedChats(dataDir, customer.id);
    rt = await startTestRuntime({ dataDir });
    const before = await json<ChatPage>(await rt.api(`/api/chats?q=${customer.id}`));
    assert.deepEqual(
      before.chats.map((chat) => [chat.id, chat.customerId]),
      [[linked, customer.id]],
    );
    const deleted = await rt.api(`/api/customers/${customer.id}`, { method: 'DELETE' });
    assert.equal(deleted.status, 204);
    const after = await json<ChatDetail>(await rt.api(`/api/chats/${linked}`));
    assert.equal(after.chat.customerId, undefined);
    assert.equal((await json<ChatPage>(await rt.api('/api/chats'))).chats.length, 4);
    // And so it stays after a restart.
    await rt.stop();
    rt = await startTestRuntime({ dataDir });
    const reread = await json<ChatDetail>(await rt.api(`/api/chats/${linked}`));
    assert.equal(reread.chat.customerId, undefined);
  });
});
