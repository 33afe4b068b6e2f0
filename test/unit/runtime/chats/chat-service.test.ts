// The chat service over a real chats store: one chat for fifty binds at once, which
// channels are connected, and what the engine re-binds runs through after a restart.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Channel } from '../../../../runtime/channels/channel';
import {
  ChatDeliveryError,
  ChatService,
  notConnectedReason,
  writeFirstReason,
} from '../../../../runtime/chats/chat-service';
import type { ChannelStatus } from '../../../../runtime/shared/channels';
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

/**
 * A channel like Telegram: it opens conversations with anyone it is given, but its platform
 * lets a bot answer only people who wrote first (seed 004); its status can be switched.
 */
function botChannel(sent: string[], status: { now: ChannelStatus }): Channel {
  const bind = (key: string): ChatBinding => ({
    ref: { channel: 'telegram', key },
    sendText: async (text) => void sent.push(`${key}: ${text}`),
    sendButtons: async (text) => void sent.push(`${key}: ${text}`),
  });
  return {
    name: 'telegram',
    label: 'Telegram',
    canWriteFirst: false,
    status: () => status.now,
    bind,
    conversation: async (key) => bind(key),
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

  it('a bot cannot write first: refused until the person writes, then delivered', async () => {
    const sent: string[] = [];
    const status = { now: { state: 'connected' } as ChannelStatus };
    const chats = await open([botChannel(sent, status)]);
    const bound = await chats.bind({
      channel: 'telegram',
      contact: { type: 'telegram', value: '4242' },
      runId: 'r_first',
    });
    assert.equal(chats.isConnected('telegram'), true);
    const reason = writeFirstReason('Telegram');
    assert.equal(
      reason,
      'Telegram: this person has not written to the bot yet, and a bot cannot write first',
    );
    await assert.rejects(bound.binding.sendText('Hello!'), (error) => {
      assert.ok(error instanceof ChatDeliveryError);
      assert.equal(error.message, reason);
      return true;
    });
    await assert.rejects(bound.binding.sendButtons('Pick', [{ id: 'a', label: 'A' }]), {
      message: reason,
    });
    assert.deepEqual(sent, [], 'nothing reached the channel');
    // A call_node URL names the chat: refused with 409, the same reason and what to do.
    const [ingress] = chats.ingressChannels();
    assert.deepEqual(ingress?.refuse?.('4242'), {
      status: 409,
      code: 'not_written_first',
      message: `${reason}. Ask the person to write to the bot (or press Start), then call again.`,
    });
    assert.equal(ingress?.refuse?.('777')?.status, 404, 'no chat at all');

    // The person writes: from now on the bot may answer, in the same chat.
    const chat = await chats.receive({
      channel: 'telegram',
      contact: { type: 'telegram', value: '4242' },
      text: 'hi bot',
    });
    assert.equal(chat.id, bound.chat.id);
    assert.equal(typeof chat.firstInboundAt, 'string');
    await bound.binding.sendText('Hello!');
    assert.deepEqual(sent, ['4242: Hello!']);
    assert.equal(ingress?.refuse?.('4242'), undefined);
    const detail = await chats.detail(chat.id);
    assert.deepEqual(
      detail?.messages.map((message) => [message.direction, message.text, message.notDelivered]),
      [
        ['out', 'Hello!', reason],
        ['out', 'Pick\n[A]', reason],
        ['in', 'hi bot', undefined],
        ['out', 'Hello!', undefined],
      ],
    );

    // Disconnected: sends are recorded as not delivered (a warning), call_node says why.
    status.now = { state: 'needs-setup', message: 'Not connected', action: 'Paste the token' };
    assert.equal(chats.isConnected('telegram'), false);
    assert.deepEqual(await bound.binding.sendText('Still there?'), {
      notDelivered: notConnectedReason('telegram'),
    });
    assert.deepEqual(ingress?.unavailable?.(), status.now);
    await chats.close();
  });

  it('a send the channel refuses is recorded with its reason and fails the step', async () => {
    const chats = await open([
      {
        ...botChannel([], { now: { state: 'connected' } }),
        conversation: async (key) => ({
          ref: { channel: 'telegram', key },
          sendText: () => Promise.reject(new Error('The person has blocked this bot')),
          sendButtons: () => Promise.reject(new Error('The person has blocked this bot')),
        }),
      },
    ]);
    const contact = { type: 'telegram' as const, value: '99' };
    await chats.receive({ channel: 'telegram', contact, text: '/start' });
    const { binding, chat } = await chats.bind({ channel: 'telegram', contact });
    await assert.rejects(binding.sendText('Hi'), /blocked this bot/);
    const detail = await chats.detail(chat.id);
    assert.equal(detail?.messages.at(-1)?.notDelivered, 'The person has blocked this bot');
    await chats.close();
  });
});
