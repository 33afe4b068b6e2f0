// A Webhook event node launching a flow for a Telegram user (seed 004, issue 15), against
// telegram-test-api — a local Bot API emulator on a loopback port, never the real
// Telegram. Seed 004's conditions: the person has written to the bot (then the flow's
// message reaches them and is recorded in the chat) — otherwise 409 and no run; the
// channel must be connected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatDetail, ChatPage } from '../../../runtime/shared/chats';
import type { DraftGraph } from '../../../runtime/shared/flow-document';
import type { CreatedProjectToken } from '../../../runtime/shared/project-tokens';
import { createPublishedFlow } from '../../helpers/admin-api';
import { graph } from '../../helpers/engine';
import { pollUntil, waitForRun } from '../../helpers/poll';
import { TEST_BOT_TOKEN, startEmulator } from '../../helpers/telegram-emulator';
import { json, startTestRuntime } from '../../helpers/test-runtime';
import { webhookTriggerNode } from '../../helpers/webhook-flows';

const emulator = await startEmulator();
const rt = await startTestRuntime({ env: { HOOKFLOW_TELEGRAM_API_ROOT: emulator.apiRoot } });

/** Webhook event on Telegram → "Your course {{course}} is ready" → End. */
function eventFlow(tokenId: string): DraftGraph {
  return graph(
    [
      ['ev', 'api-event', { tokenId, channel: 'telegram' }],
      ['say', 'send-message', { text: 'Your course {{course}} is ready' }],
      ['e', 'end'],
    ],
    [
      ['ev', 'next', 'say'],
      ['say', 'next', 'e'],
    ],
  );
}

/**
 * A CRM's webhook that files a Telegram chat for a person (Customer & Chat binding), so
 * Hookflow knows the chat although the person never wrote to the bot.
 */
function crmFlow(): DraftGraph {
  const trigger = webhookTriggerNode({
    customer: {
      enabled: true,
      rows: [{ id: 'r1', field: 'telegram', path: 'body.tg', search: true }],
    },
    chat: { enabled: true, channel: 'telegram', contactPath: 'body.tg', contactType: 'telegram' },
  });
  return {
    nodes: [trigger, { id: 'e', type: 'end', position: { x: 200, y: 0 }, data: { config: {} } }],
    edges: [{ id: 'x', source: trigger.id, sourceHandle: 'next', target: 'e' }],
    variables: [],
  };
}

const fire = (flowId: string, token: string, body: unknown) =>
  fetch(`${rt.public}/api/v1/flows/${flowId}/events/ev`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function codeOf(response: Response, status: number): Promise<string> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return (JSON.parse(text) as { error: { code: string } }).error.code;
}

describe('Webhook event on Telegram (telegram-test-api, never the real Telegram)', () => {
  it('reaches a person who wrote to the bot; refuses one who has not, and a channel not connected', async () => {
    const created = await rt.api('/api/project-tokens', {
      method: 'POST',
      json: { name: 'Course platform', level: 'block-execution' },
    });
    const token = await json<CreatedProjectToken>(created);
    const flow = await createPublishedFlow(rt, eventFlow(token.token.id), 'Course ready');

    // Before Telegram is connected: 409, nothing starts.
    assert.equal(
      await codeOf(await fire(flow.id, token.value, { peer_id: 7001 }), 409),
      'channel_not_connected',
    );

    const lobby = await createPublishedFlow(
      rt,
      graph(
        [
          ['s', 'start'],
          ['hi', 'send-message', { text: 'Welcome!' }],
          ['e', 'end'],
        ],
        [
          ['s', 'next', 'hi'],
          ['hi', 'next', 'e'],
        ],
      ),
      'Welcome',
    );
    const connected = await rt.api('/api/channels/telegram/connect', {
      method: 'POST',
      json: { token: TEST_BOT_TOKEN, flowId: lobby.id },
    });
    assert.equal(connected.status, 200, await connected.clone().text());

    // Nobody with that id ever wrote: Hookflow has no such chat.
    assert.equal(
      await codeOf(await fire(flow.id, token.value, { peer_id: 7001 }), 404),
      'chat_not_found',
    );

    // A chat a CRM filed, whose person never wrote: the bot may not write first.
    const crm = await createPublishedFlow(rt, crmFlow(), 'CRM');
    const hook = await fetch(
      `${rt.public}/webhooks/flow/${String(crm.draft.nodes[0]?.data.config.webhookId)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tg: '7002' }),
      },
    );
    assert.equal(hook.status, 202, await hook.clone().text());
    const filed = await pollUntil(
      async () => json<ChatPage>(await rt.api('/api/chats?channel=telegram')),
      (page) => page.chats.some((chat) => chat.contact.value === '7002'),
      'the CRM’s chat',
    );
    const silent = filed.chats.find((chat) => chat.contact.value === '7002');
    assert.equal(silent?.firstInboundAt, undefined);
    const refused = await fire(flow.id, token.value, { peer_id: '7002' });
    const text = await refused.text();
    assert.equal(refused.status, 409, text);
    assert.match(text, /not_written_first/);
    assert.match(text, /has not written to the bot yet, and a bot cannot write first/);
    assert.equal(
      await codeOf(await fire(flow.id, token.value, { chat_id: silent?.id }), 409),
      'not_written_first',
    );

    // Once the person has written (Start), the event reaches them on Telegram.
    const dana = emulator.user(7001, { firstName: 'Dana' });
    await dana.command('/start');
    await dana.botMessages(1);
    const launched = await fire(flow.id, token.value, {
      peer_id: 7001,
      variables: { course: 'Spanish A1' },
    });
    const launchedText = await launched.text();
    assert.equal(launched.status, 202, launchedText);
    const { runId, chatId } = JSON.parse(launchedText) as { runId: string; chatId: string };
    const messages = await dana.botMessages(2);
    assert.equal(messages[1]?.text, 'Your course Spanish A1 is ready');
    const run = await waitForRun(rt, runId);
    assert.equal(run.status, 'completed', JSON.stringify(run));
    assert.equal(run.mode, 'full');
    assert.equal(run.chatId, chatId);
    const chat = await pollUntil(
      async () => json<ChatDetail>(await rt.api(`/api/chats/${chatId}`)),
      (detail) => detail.messages.some((message) => message.runId === runId),
      'the launched message recorded in the chat',
    );
    assert.deepEqual(chat.chat.contact, { type: 'telegram', value: '7001' });
    assert.deepEqual(
      chat.messages.filter((message) => message.runId === runId).map((message) => message.text),
      ['Your course Spanish A1 is ready'],
    );
    // The silent person still got nothing.
    assert.equal(
      emulator.server.storage.botMessages.filter(
        (update) => String(update.message.chat_id) === '7002',
      ).length,
      0,
    );
  });
});
