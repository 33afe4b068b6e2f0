// A chat channel is a folder plus a registry line (issue 11, seam 2). This test writes a
// tiny one (not shipped): "echo-chat" keeps its conversations in its own file in the data
// folder, adds its admin routes, is registered through createRuntime's `channels` option,
// sends a run's messages into its store and turns an inbound message into the run's reply.
// Nothing in the runtime was changed for it.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import express from 'express';
import type { Channel, ChannelKind } from '../../runtime/channels/channel';
import type { ChatBinding } from '../../runtime/engine/chat';
import type { Engine } from '../../runtime/engine/engine';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import { json, startTestRuntime } from '../helpers/test-runtime';
import { startNode } from '../helpers/webhook-flows';
import { createPublishedFlow } from '../helpers/admin-api';
import { waitForRun } from '../helpers/poll';

interface EchoMessage {
  from: 'bot' | 'user';
  text: string;
}

const CHAT_ID = /^[A-Za-z0-9_-]{1,40}$/;

const echoChat: ChannelKind = {
  id: 'echo-chat',
  async open({ dataDir }): Promise<Channel> {
    const file = join(dataDir, 'echo-chat.json');
    const chats: Record<string, EchoMessage[]> = JSON.parse(
      await readFile(file, 'utf8').catch(() => '{}'),
    ) as Record<string, EchoMessage[]>;
    let writes = Promise.resolve();
    const append = (chatId: string, message: EchoMessage) => {
      (chats[chatId] ??= []).push(message);
      const snapshot = JSON.stringify(chats);
      writes = writes.then(() => writeFile(file, snapshot));
      return writes;
    };
    let engine: Engine | undefined;
    return {
      name: 'echo-chat',
      label: 'Echo chat',
      canWriteFirst: true,
      status: () => ({ state: 'connected' }),
      bind: (key): ChatBinding | undefined =>
        CHAT_ID.test(key)
          ? {
              ref: { channel: 'echo-chat', key },
              sendText: (text) => append(key, { from: 'bot', text }),
              sendButtons: (text) => append(key, { from: 'bot', text }),
            }
          : undefined,
      attach: (opened) => {
        engine = opened;
      },
      adminRoutes: () => {
        const router = express.Router();
        router.get('/echo-chat/:chatId/messages', (req, res) => {
          res.json({ messages: chats[req.params.chatId] ?? [] });
        });
        router.post('/echo-chat/:chatId/messages', async (req, res) => {
          const { chatId } = req.params;
          const text = (req.body as { text?: unknown } | undefined)?.text;
          if (typeof text !== 'string' || !engine) {
            res.status(400).json({ error: { code: 'invalid_input', message: 'Send {"text"}' } });
            return;
          }
          await append(chatId, { from: 'user', text });
          const runId = await engine.resumeWait(
            { kind: 'input', chat: { channel: 'echo-chat', key: chatId } },
            { kind: 'input', text },
          );
          if (runId === undefined) {
            res.status(409).json({ error: { code: 'not_waiting', message: 'No run waits here' } });
            return;
          }
          res.status(202).json({ runId });
        });
        return [router];
      },
      closeStreams: () => undefined,
      settled: () => writes,
    };
  },
};

/** Start (webhook) → Collect input → Send message → End. */
const greeter: DraftGraph = {
  nodes: [
    startNode({}, 'n_start'),
    {
      id: 'n_ask',
      type: 'collect-input',
      position: { x: 100, y: 0 },
      data: { config: { prompt: 'Your name?', variable: 'name' } },
    },
    {
      id: 'n_say',
      type: 'send-message',
      position: { x: 200, y: 0 },
      data: { config: { text: 'Hi {{name}}' } },
    },
    { id: 'n_end', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } },
  ],
  edges: [
    { id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_ask' },
    { id: 'e_2', source: 'n_ask', sourceHandle: 'next', target: 'n_say' },
    { id: 'e_3', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
  ],
  variables: [],
};

describe('a channel registered by a test', () => {
  it('is bound by a call_node URL, sends the run’s messages and delivers the reply', async () => {
    const rt = await startTestRuntime({ channels: [echoChat] });
    const flow = await createPublishedFlow(rt, greeter, 'Greeter');
    const messages = async () =>
      (
        await json<{ messages: EchoMessage[] }>(await rt.api('/api/echo-chat/chat_1/messages'))
      ).messages.map((message) => `${message.from}: ${message.text}`);

    const call = await fetch(`${rt.public}/api/call_node/${flow.id}/n_start/echo-chat/chat_1`, {
      method: 'POST',
    });
    assert.equal(call.status, 202, await call.clone().text());
    const { runId } = await json<{ runId: string }>(call);
    const waiting = await waitForRun(rt, runId, (run) => run.status === 'waiting');
    assert.equal(waiting.mode, 'full', 'the channel bound a chat to the run');
    assert.deepEqual(await messages(), ['bot: Your name?']);

    const reply = await rt.api('/api/echo-chat/chat_1/messages', {
      method: 'POST',
      json: { text: 'Ann' },
    });
    assert.equal(reply.status, 202, await reply.clone().text());
    assert.deepEqual(await json(reply), { runId });
    const done = await waitForRun(rt, runId);
    assert.equal(done.status, 'completed');
    assert.deepEqual(await messages(), ['bot: Your name?', 'user: Ann', 'bot: Hi Ann']);

    // Its store is its own file, written before the runtime's stop completes.
    await rt.stop();
    const stored = JSON.parse(await readFile(join(rt.dataDir, 'echo-chat.json'), 'utf8')) as {
      chat_1: EchoMessage[];
    };
    assert.equal(stored.chat_1.length, 3);
  });
});
