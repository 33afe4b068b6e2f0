// Seed 000: the Start node's webhook. `/api/call_node/{flowId}/{nodeId}` and
// `/api/call_node/{flowId}/{nodeId}/{channel}/{chatId}?param1=val1` on the public listener;
// query parameters and the body land in the run's context, the channel and chat id bind
// the run to that chat (full mode: its messages appear in the test chat session).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import type { TestChatMessages } from '../../runtime/shared/test-chat';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { endNode, graphWith, startNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createPublishedFlow } from '../helpers/admin-api';

/** Start (webhook) → Send message → End. */
function greetingFlow(): DraftGraph {
  return {
    nodes: [
      startNode({}, 'n_start'),
      {
        id: 'n_say',
        type: 'send-message',
        position: { x: 100, y: 0 },
        data: { config: { text: 'Hello {{query.name}} {{query.surname}} ({{body.plan}})' } },
      },
      endNode(),
    ],
    edges: [
      { id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_say' },
      { id: 'e_2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
    ],
    variables: [],
  };
}

async function testChatSession(rt: TestRuntime): Promise<string> {
  const manual = await createPublishedFlow(
    rt,
    graphWith(startNode({ triggerType: 'manual' })),
    'Chat host',
  );
  const response = await rt.api('/api/test-chat/sessions', {
    method: 'POST',
    json: { flowId: manual.id },
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await json<{ sessionId: string }>(response)).sessionId;
}

// One runtime for the whole file: started at load, stopped after the last test.
const rt: TestRuntime = await startTestRuntime();
const greeter = await createPublishedFlow(rt, greetingFlow(), 'Greeter');
const base = `${rt.public}/api/call_node/${greeter.id}/n_start`;

describe('Start node webhook (seed 000)', () => {
  it('binds the run to a test chat: …/test-chat/{session}?name=John&surname=Whale', async () => {
    const sessionId = await testChatSession(rt);
    const response = await fetch(`${base}/test-chat/${sessionId}?name=John&surname=Whale`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plan: 'pro' }),
    });
    assert.equal(response.status, 202, await response.clone().text());
    const run = await waitForRun(rt, (await json<{ runId: string }>(response)).runId);
    assert.equal(run.status, 'completed');
    assert.equal(run.mode, 'full', 'a bound chat makes a full-mode run');
    assert.equal(run.steps[1]?.nodeId, 'n_say');
    assert.equal(run.steps[1]?.skipped, undefined);

    const messages = await json<TestChatMessages>(
      await rt.api(`/api/test-chat/sessions/${sessionId}/messages`),
    );
    assert.ok(
      messages.messages.some((message) => message.text === 'Hello John Whale (pro)'),
      JSON.stringify(messages.messages),
    );
  });

  it('runs headless without a chat; GET works and the query reaches the run', async () => {
    const response = await fetch(`${base}?name=John&surname=Whale`);
    assert.equal(response.status, 202);
    const run = await waitForRun(rt, (await json<{ runId: string }>(response)).runId);
    assert.equal(run.status, 'completed');
    assert.equal(run.mode, 'headless');
    assert.equal(run.steps[1]?.skipped, 'no chat bound');
    const full = await rt.api(`/api/runs/${run.id}`);
    assert.equal(full.status, 200);
  });

  it('404/409 naming the available channels, 404 for an unknown chat, 405 for other methods', async () => {
    const viber = await fetch(`${base}/viber/313145?name=John`, { method: 'POST' });
    assert.equal(viber.status, 404);
    const body = await json<{ error: { code: string; message: string } }>(viber);
    assert.equal(body.error.code, 'unknown_channel');
    assert.match(body.error.message, /Available channels: test-chat\./);

    // Telegram is a channel, but no bot is connected here.
    const telegram = await fetch(`${base}/telegram/313145?name=John`, { method: 'POST' });
    assert.equal(telegram.status, 409);
    const refused = await json<{ error: { code: string; message: string } }>(telegram);
    assert.equal(refused.error.code, 'channel_not_connected');
    assert.match(refused.error.message, /@BotFather.*Available channels: test-chat\./);

    const missing = await fetch(`${base}/test-chat/tc_nosuchsession`, { method: 'POST' });
    assert.equal(missing.status, 404);
    assert.equal((await json<{ error: { code: string } }>(missing)).error.code, 'chat_not_found');

    const put = await fetch(base, { method: 'PUT' });
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('allow'), 'GET, POST');
  });

  it('404 for a wrong flow id, a wrong node id, or a node that is not a webhook Start', async () => {
    const code = async (url: string) =>
      (await json<{ error: { code: string } }>(await fetch(url, { method: 'POST' }))).error.code;
    assert.equal(await code(`${rt.public}/api/call_node/f_nope/n_start`), 'flow_not_found');
    const flowPath = base.slice(0, base.lastIndexOf('/'));
    assert.equal(await code(`${flowPath}/n_nope`), 'node_not_found');
    assert.equal(await code(`${flowPath}/n_say`), 'not_a_webhook');
  });
});
