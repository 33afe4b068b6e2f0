// The Webhook event node (seed 004 "Launch the bot via API", issue 15) on a real runtime:
// publishing checks its token and channel; a call to its URL with the node's token and a
// person on its channel starts a run bound to that chat in full mode (the flow's message
// reaches the test chat session and is recorded in the chat); every refusal is JSON with
// the right status and starts no run; no token ever reaches a log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Logger } from '../../runtime/logger';
import type { ChatDetail } from '../../runtime/shared/chats';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import type { CreatedProjectToken } from '../../runtime/shared/project-tokens';
import type { RunPage } from '../../runtime/shared/run';
import { createFlow, createPublishedFlow } from '../helpers/admin-api';
import { graph } from '../helpers/engine';
import { pollUntil, waitForRun } from '../helpers/poll';
import { json, startTestRuntime } from '../helpers/test-runtime';

const lines: string[] = [];
const capture: Logger = {
  info: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  warn: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  error: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
};
const rt = await startTestRuntime({ logger: capture });

async function newToken(name: string, level = 'block-execution'): Promise<CreatedProjectToken> {
  const response = await rt.api('/api/project-tokens', { method: 'POST', json: { name, level } });
  assert.equal(response.status, 201, await response.clone().text());
  return json<CreatedProjectToken>(response);
}

/** Webhook event → "Hello {{name}}, {{course}} starts today" → End. */
function eventFlow(config: Record<string, unknown>): DraftGraph {
  const flow = graph(
    [
      ['ev', 'api-event', config],
      ['say', 'send-message', { text: 'Hello {{name}}, {{course}} starts today' }],
      ['e', 'end'],
    ],
    [
      ['ev', 'next', 'say'],
      ['say', 'next', 'e'],
    ],
  );
  return { ...flow, variables: [{ name: 'course', type: 'text' }] };
}

/** A test chat session (the person), opened on a flow that just ends. */
async function testChatSession(): Promise<string> {
  const lobby = await createPublishedFlow(
    rt,
    graph(
      [
        ['s', 'start'],
        ['e', 'end'],
      ],
      [['s', 'next', 'e']],
    ),
    'Lobby',
  );
  const response = await rt.api('/api/test-chat/sessions', {
    method: 'POST',
    json: { flowId: lobby.id },
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await json<{ sessionId: string }>(response)).sessionId;
}

function fire(
  flowId: string,
  nodeId: string,
  token: string | undefined,
  body: unknown,
  init: { contentType?: string; raw?: string } = {},
) {
  return fetch(`${rt.public}/api/v1/flows/${flowId}/events/${nodeId}`, {
    method: 'POST',
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      'content-type': init.contentType ?? 'application/json',
    },
    body: init.raw ?? JSON.stringify(body),
  });
}

interface ErrorBody {
  error: { code: string; message: string };
}
async function refusal(response: Response, status: number, code: string): Promise<string> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  const body = JSON.parse(text) as ErrorBody;
  assert.equal(body.error.code, code, text);
  return body.error.message;
}

const runCount = async () => (await json<RunPage>(await rt.api('/api/runs?limit=200'))).runs.length;

describe('Webhook event node (launch a flow by API)', () => {
  it('launches the flow into a test chat session: bound in full mode, the message delivered and recorded', async () => {
    const token = await newToken('Course platform');
    const flow = await createPublishedFlow(
      rt,
      eventFlow({ tokenId: token.token.id, channel: 'test-chat' }),
    );
    const session = await testChatSession();

    const response = await fire(flow.id, 'ev', token.value, {
      peer_id: session,
      variables: { name: 'Ann', course: 'Spanish A1' },
    });
    const text = await response.text();
    assert.equal(response.status, 202, text);
    const launched = JSON.parse(text) as { runId: string; chatId: string; run: string };
    assert.match(launched.chatId, /\S/);
    assert.equal(launched.run, `/api/v1/runs/${launched.runId}`);

    const run = await waitForRun(rt, launched.runId);
    assert.equal(run.status, 'completed', JSON.stringify(run));
    assert.equal(run.mode, 'full');
    assert.equal(run.trigger.type, 'api');
    assert.equal(run.chatId, launched.chatId);
    assert.equal(run.variables.course, 'Spanish A1');

    // The person sees it in the test chat, and the chat records it under the run.
    const messages = await pollUntil(
      async () =>
        json<{ messages: { from: string; text: string }[] }>(
          await rt.api(`/api/test-chat/sessions/${session}/messages`),
        ),
      (found) => found.messages.some((message) => message.text.startsWith('Hello Ann')),
      'the message in the test chat session',
    );
    assert.ok(messages.messages.some((m) => m.text === 'Hello Ann, Spanish A1 starts today'));
    const chat = await json<ChatDetail>(await rt.api(`/api/chats/${launched.chatId}`));
    assert.deepEqual(chat.chat.contact, { type: 'test-chat', value: session });
    assert.deepEqual(
      chat.messages.map((message) => [message.direction, message.text, message.runId]),
      [['out', 'Hello Ann, Spanish A1 starts today', launched.runId]],
    );

    // The same person again, by the Hookflow chat id this time: the same chat.
    const again = await fire(flow.id, 'ev', token.value, { chat_id: launched.chatId });
    assert.equal(again.status, 202, await again.clone().text());
    assert.equal((await json<{ chatId: string }>(again)).chatId, launched.chatId);
  });

  it('refuses every wrong call with JSON and the right status, and starts no run', async () => {
    const token = await newToken('Shop');
    const other = await newToken('Another service');
    const reader = await newToken('Dashboard', 'read-runs');
    const flow = await createPublishedFlow(
      rt,
      eventFlow({ tokenId: token.token.id, channel: 'test-chat' }),
    );
    const session = await testChatSession();
    const before = await runCount();

    // Who calls.
    await refusal(await fire(flow.id, 'ev', undefined, { peer_id: session }), 401, 'token_missing');
    await refusal(
      await fire(flow.id, 'ev', 'hf_pt_made-up', { peer_id: session }),
      401,
      'token_invalid',
    );
    await refusal(
      await fire(flow.id, 'ev', reader.value, { peer_id: session }),
      403,
      'token_level',
    );
    const notIt = await refusal(
      await fire(flow.id, 'ev', other.value, { peer_id: session }),
      403,
      'token_not_accepted',
    );
    assert.match(notIt, /accepts only the token "Shop"/);

    // Where.
    await refusal(
      await fire('f_nope', 'ev', token.value, { peer_id: session }),
      404,
      'event_not_found',
    );
    await refusal(
      await fire(flow.id, 'nope', token.value, { peer_id: session }),
      404,
      'event_not_found',
    );
    await refusal(
      await fire(flow.id, 'say', token.value, { peer_id: session }),
      404,
      'event_not_found',
    );
    const draftOnly = await createFlow(rt, eventFlow({ tokenId: token.token.id }));
    const unpublished = await refusal(
      await fire(draftOnly.id, 'ev', token.value, { peer_id: session }),
      404,
      'event_not_found',
    );
    assert.match(unpublished, /is not published/);

    // What is sent.
    await refusal(
      await fire(flow.id, 'ev', token.value, undefined, { contentType: 'text/plain', raw: 'hi' }),
      415,
      'unsupported_media_type',
    );
    await refusal(
      await fire(flow.id, 'ev', token.value, undefined, { raw: '{"peer_id":' }),
      400,
      'invalid_json',
    );
    await refusal(
      await fire(flow.id, 'ev', token.value, {
        peer_id: session,
        variables: { big: 'x'.repeat(70_000) },
      }),
      413,
      'payload_too_large',
    );
    const neither = await refusal(await fire(flow.id, 'ev', token.value, {}), 400, 'invalid_input');
    assert.match(neither, /send "peer_id" .* or "chat_id"/);
    await refusal(
      await fire(flow.id, 'ev', token.value, { peer_id: session, chat_id: 'c_1' }),
      400,
      'invalid_input',
    );
    await refusal(
      await fire(flow.id, 'ev', token.value, { peer_id: session, variables: { '1bad': 1 } }),
      400,
      'invalid_input',
    );
    const typed = await refusal(
      await fire(flow.id, 'ev', token.value, { peer_id: session, variables: { course: 5 } }),
      400,
      'invalid_input',
    );
    assert.match(typed, /declares "course" as text/);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`v${i}`, i]));
    await refusal(
      await fire(flow.id, 'ev', token.value, { peer_id: session, variables: many }),
      400,
      'invalid_input',
    );
    await refusal(
      await fire(flow.id, 'ev', token.value, { peer_id: session, extra: true }),
      400,
      'invalid_input',
    );

    // Who to: an unknown person or chat.
    await refusal(
      await fire(flow.id, 'ev', token.value, { peer_id: 'no-such-session' }),
      404,
      'chat_not_found',
    );
    await refusal(
      await fire(flow.id, 'ev', token.value, { chat_id: 'c_unknown' }),
      404,
      'chat_not_found',
    );

    // A channel that is not connected (the web widget is not set up here).
    const widgetFlow = await createPublishedFlow(
      rt,
      eventFlow({ tokenId: token.token.id, channel: 'widget' }),
    );
    const down = await refusal(
      await fire(widgetFlow.id, 'ev', token.value, { peer_id: 'visitor-1' }),
      409,
      'channel_not_connected',
    );
    assert.match(down, /Web widget channel is not connected/);

    assert.equal(await runCount(), before, 'no refused call started a run');
  });

  it('stops a deleted token at once: its next call gets 401', async () => {
    const token = await newToken('Leaked');
    const flow = await createPublishedFlow(rt, eventFlow({ tokenId: token.token.id }));
    const session = await testChatSession();
    assert.equal((await fire(flow.id, 'ev', token.value, { peer_id: session })).status, 202);
    const deleted = await rt.api(`/api/project-tokens/${token.token.id}`, { method: 'DELETE' });
    assert.equal(deleted.status, 204);
    await refusal(
      await fire(flow.id, 'ev', token.value, { peer_id: session }),
      401,
      'token_invalid',
    );
    // Publishing again says what to do about it.
    const republish = await rt.api(`/api/flows/${flow.id}/publish`, { method: 'POST', json: {} });
    assert.equal(republish.status, 422);
    assert.match(
      await republish.text(),
      /The chosen token does not exist here .*: choose another token or create one/,
    );
  });

  it('publishes only with a token that can launch flows and a channel Hookflow has', async () => {
    const reader = await newToken('Reader', 'read-runs');
    const problems = async (config: Record<string, unknown>) => {
      const flow = await createFlow(rt, eventFlow(config));
      const response = await rt.api(`/api/flows/${flow.id}/publish`, { method: 'POST', json: {} });
      assert.equal(response.status, 422);
      return (
        await json<{ error: { details: { problems: { message: string }[] } } }>(response)
      ).error.details.problems.map((problem) => problem.message);
    };
    assert.match(
      (await problems({})).join('\n'),
      /Token: Choose the project token callers send, or create one/,
    );
    assert.match(
      (await problems({ tokenId: reader.token.id })).join('\n'),
      /"Reader" has the level Read runs, which cannot launch flows/,
    );
    const launcher = await newToken('Launcher');
    assert.match(
      (await problems({ tokenId: launcher.token.id, channel: 'whatsapp' })).join('\n'),
      /There is no channel "whatsapp": choose one of Test chat, Telegram, Web widget/,
    );
  });

  it('never writes a token value to a log', async () => {
    const tokens = await json<{ tokens: { id: string }[] }>(await rt.api('/api/project-tokens'));
    assert.ok(tokens.tokens.length > 0);
    assert.ok(!lines.some((line) => /hf_pt_/.test(line)), lines.join('\n'));
  });
});
