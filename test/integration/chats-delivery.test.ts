// Chat bindings driving real runs: a test chat chat talks in the test chat session named by
// its contact (the designer's Test Chat panel sees it and replies), a chat on a channel
// that is not connected records each send as not delivered and the step warns; both are
// re-bound by their ChatRef after a restart. Real stores, channel and engine on a temp
// data folder, wired as runtime/index.ts wires them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sendTestChatMessage } from '../../runtime/channels/test-chat/api';
import { testChatAsChannel } from '../../runtime/channels/test-chat/channel';
import { TestChat, testChatWait } from '../../runtime/channels/test-chat/test-chat';
import { ChatService, notConnectedReason } from '../../runtime/chats/chat-service';
import type { ChatBinding } from '../../runtime/engine/chat';
import type { Engine } from '../../runtime/engine/engine';
import { silentLogger } from '../../runtime/logger';
import { channelModule, openEngine, openStores, storesSettled } from '../../runtime/modules/core';
import { shutdownModules } from '../../runtime/modules/runtime-module';
import { graph, reaches } from '../helpers/engine';
import { tempDir } from '../helpers/temp-dir';

interface ChatRuntime {
  engine: Engine;
  testChat: TestChat;
  chats: ChatService;
  stop(): Promise<void>;
}

async function openChatRuntime(dataDir: string): Promise<ChatRuntime> {
  const stores = await openStores(dataDir);
  const testChat = await TestChat.open(dataDir, stores.problems);
  const channel = testChatAsChannel(testChat);
  const chats = await ChatService.open({
    dir: join(dataDir, 'chats'),
    channels: [channel],
    problems: stores.problems,
    defaultCountry: () => 'BR',
  });
  const engine = await openEngine(dataDir, stores, [channel], silentLogger, {
    channels: chats.chatChannels(),
  });
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= shutdownModules({
      modules: [
        { name: 'stores', settled: () => storesSettled(stores) },
        channelModule(channel),
        { name: 'chats', close: () => chats.close(), settled: () => chats.settled() },
      ],
      listeners: [],
      engine,
    }));
  after(stop);
  return { engine, testChat, chats, stop };
}

const conversation = graph(
  [
    ['s', 'start'],
    ['hello', 'send-message', { text: 'Hello!' }],
    ['ask', 'collect-input', { prompt: 'Your name?', variable: 'name' }],
    ['thanks', 'send-message', { text: 'Thanks {{name}}' }],
    ['e', 'end', { result: ['name'] }],
  ],
  [
    ['s', 'next', 'hello'],
    ['hello', 'next', 'ask'],
    ['ask', 'next', 'thanks'],
    ['thanks', 'next', 'e'],
  ],
);

const runId = (name: string) => `r_${name}${Date.now().toString(36)}`;

function start(rt: ChatRuntime, id: string, chat: ChatBinding) {
  return rt.engine.startRun({
    runId: id,
    flowId: 'f_chat',
    graph: conversation,
    version: 1,
    triggerNodeId: 's',
    trigger: { type: 'manual' },
    chat,
  });
}

describe('chats: delivery', () => {
  it('a test chat chat talks in the session named by its contact; replies resume the run', async () => {
    const dataDir = await tempDir();
    const first = await openChatRuntime(dataDir);
    const id = runId('tc');
    const bound = await first.chats.bind({
      channel: 'test-chat',
      contact: { type: 'test-chat', value: 'ana-session' },
      customerId: 'cus_0000000001',
      runId: id,
      flowId: 'f_chat',
    });
    assert.equal(bound.status, 'created');
    assert.equal(bound.chat.connected, true);
    assert.deepEqual(bound.binding.ref, { channel: 'test-chat', key: 'ana-session' });
    await start(first, id, bound.binding);
    await reaches(first.engine, id, 'waiting');
    // The designer's panel reads session "ana-session": the flow's messages are there.
    const session = first.testChat.store.get('ana-session');
    assert.deepEqual(
      session?.messages.map((message) => [message.from, message.text]),
      [
        ['bot', 'Hello!'],
        ['bot', 'Your name?'],
      ],
    );
    assert.equal(first.testChat.currentRun('ana-session'), id);

    // A restart: the run is re-bound by its ChatRef and the reply goes through the panel's API.
    await first.stop();
    const second = await openChatRuntime(dataDir);
    assert.equal(second.engine.waitingFor(testChatWait('ana-session'))?.runId, id);
    const reply = await sendTestChatMessage(second, 'ana-session', { text: 'Ana' });
    assert.equal(reply.runId, id);
    const done = await second.engine.waitForRun(id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.deepEqual(done?.output, { name: 'Ana' });
    assert.deepEqual(
      second.testChat.store.get('ana-session')?.messages.map((message) => message.text),
      ['Hello!', 'Your name?', 'Ana', 'Thanks Ana'],
    );
    // The chat's own record has the whole conversation, both ways, with no warnings.
    const detail = await second.chats.detail(bound.chat.id);
    assert.deepEqual(
      detail?.messages.map((message) => [message.direction, message.text, message.notDelivered]),
      [
        ['out', 'Hello!', undefined],
        ['out', 'Your name?', undefined],
        ['in', 'Ana', undefined],
        ['out', 'Thanks Ana', undefined],
      ],
    );
    assert.equal(detail?.messages[0]?.runId, id);
    assert.equal(done?.steps.find((step) => step.nodeId === 'hello')?.warnings, undefined);
  });

  it('a chat on a channel that is not connected records sends as not delivered; the step warns', async () => {
    const dataDir = await tempDir();
    const first = await openChatRuntime(dataDir);
    const id = runId('wa');
    const bound = await first.chats.bind({
      channel: 'whatsapp',
      contact: { type: 'whatsapp', value: '(11) 99999-8888' },
      runId: id,
    });
    assert.equal(bound.chat.connected, false);
    assert.equal(bound.chat.contact.value, '+5511999998888');
    assert.deepEqual(bound.binding.ref, { channel: 'whatsapp', key: bound.chat.id });
    await start(first, id, bound.binding);
    await reaches(first.engine, id, 'waiting');
    const waiting = await first.engine.getRun(id);
    assert.equal(waiting?.mode, 'full', 'the run stays full');
    const reason = notConnectedReason('whatsapp');
    assert.equal(reason, 'not delivered: channel whatsapp is not connected');
    assert.deepEqual(waiting?.steps.find((step) => step.nodeId === 'hello')?.warnings, [reason]);

    // After a restart the run is re-bound by {channel: 'whatsapp', key: chat id}.
    await first.stop();
    const second = await openChatRuntime(dataDir);
    const target = { kind: 'input' as const, chat: bound.binding.ref };
    assert.equal(second.engine.waitingFor(target)?.runId, id);
    assert.equal(await second.engine.resumeWait(target, { kind: 'input', text: 'Bia' }), id);
    const done = await second.engine.waitForRun(id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.deepEqual(done?.steps.find((step) => step.nodeId === 'thanks')?.warnings, [reason]);
    const detail = await second.chats.detail(bound.chat.id);
    assert.deepEqual(
      detail?.messages.map((message) => [message.direction, message.text, message.notDelivered]),
      [
        ['out', 'Hello!', reason],
        ['out', 'Your name?', reason],
        ['out', 'Thanks Bia', reason],
      ],
    );
    // A chat id on another channel does not bind: the channel names its own chats only.
    const telegram = second.chats.chatChannels().find((channel) => channel.name === 'telegram');
    assert.equal(telegram?.bind(bound.chat.id), undefined);
  });
});
