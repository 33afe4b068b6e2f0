// The chat service over a real chats store: one chat for fifty binds at once, which
// channels are connected, and what the engine re-binds runs through after a restart.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Channel } from '../../../../runtime/channels/channel';
import { ChatService, notConnectedReason } from '../../../../runtime/chats/chat-service';
import type { ChatBinding } from '../../../../runtime/engine/chat';
import { tempDir } from '../../../helpers/temp-dir';

/** A registered channel that cannot start conversations (it only answers people). */
function answeringChannel(name: string, sent: string[]): Channel {
  const bind = (key: string): ChatBinding | undefined =>
    key.startsWith('known-')
      ? {
          ref: { channel: name, key },
          sendText: async (text) => void sent.push(text),
          sendButtons: async (text) => void sent.push(text),
        }
      : undefined;
  return {
    name,
    label: name,
    canWriteFirst: true,
    status: () => ({ state: 'connected' }),
    bind,
    attach: () => undefined,
    adminRoutes: () => [],
    closeStreams: () => undefined,
    settled: () => Promise.resolve(),
  };
}

const open = async (channels: Channel[] = []) =>
  ChatService.open({ dir: join(await tempDir(), 'chats'), channels, defaultCountry: () => 'BR' });

describe('ChatService', () => {
  it('50 concurrent binds for one contact make one chat, all talking to it', async () => {
    const chats = await open();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        chats.bind({
          channel: 'telegram',
          contact: { type: 'telegram', value: i % 2 ? '@Ana_L' : 'ana_l' },
          customerId: 'cus_0000000001',
          runId: `r_run${i}xx`,
        }),
      ),
    );
    const ids = new Set(results.map((result) => result.chat.id));
    assert.equal(ids.size, 1);
    assert.equal(results.filter((result) => result.status === 'created').length, 1);
    const [id] = ids;
    assert.ok(id);
    for (const result of results)
      assert.deepEqual(result.binding.ref, { channel: 'telegram', key: id });
    assert.equal(chats.get(id)?.customerId, 'cus_0000000001');
    assert.equal(chats.get(id)?.connected, false);
    assert.deepEqual(await results[7]?.binding.sendButtons('Pick one', [{ id: 'a', label: 'A' }]), {
      notDelivered: notConnectedReason('telegram'),
    });
    const detail = await chats.detail(id);
    assert.deepEqual(
      detail?.messages.map((message) => [message.text, message.runId]),
      [['Pick one\n[A]', 'r_run7xx']],
    );
    await chats.close();
  });

  it('gives the engine every registered channel and the not-connected ones by chat id', async () => {
    const sent: string[] = [];
    const chats = await open([answeringChannel('custom', sent)]);
    assert.equal(chats.isConnected('custom'), false, 'it cannot open a conversation');
    const channels = new Map(chats.chatChannels().map((channel) => [channel.name, channel]));
    assert.deepEqual([...channels.keys()].sort(), [
      'custom',
      'email',
      'instagram',
      'telegram',
      'test-chat',
      'whatsapp',
      'widget',
    ]);
    // A registered channel's own conversations still bind (and send) as before.
    const custom = channels.get('custom')?.bind('known-1');
    assert.deepEqual(custom?.ref, { channel: 'custom', key: 'known-1' });
    await custom?.sendText('hi');
    assert.deepEqual(sent, ['hi']);
    assert.equal(channels.get('custom')?.bind('unknown'), undefined);

    const { chat } = await chats.bind({
      channel: 'email',
      contact: { type: 'email', value: 'Bia@Example.com' },
    });
    const rebound = channels.get('email')?.bind(chat.id);
    assert.deepEqual(rebound?.ref, { channel: 'email', key: chat.id });
    assert.equal(channels.get('whatsapp')?.bind(chat.id), undefined, 'another channel’s chat');
    assert.equal(channels.get('email')?.bind('chat_000000000nothere'), undefined);
    await chats.close();
  });

  it('refuses a contact with no value', async () => {
    const chats = await open();
    await assert.rejects(
      chats.bind({ channel: 'whatsapp', contact: { type: 'whatsapp', value: ' ' } }),
      /needs a contact value/,
    );
    await chats.close();
  });
});
