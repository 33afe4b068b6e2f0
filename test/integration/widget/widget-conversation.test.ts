// The web widget end to end over real HTTP (issue 14): a visitor session on the public
// listener, the first message starting the widget's flow, a button and an answer routed by
// the flow's Condition, everything pushed over SSE in real time, the conversation and the
// customer recorded in Hookflow, and a reconnect (Last-Event-ID, history, long-poll, a
// runtime restart) that misses nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chat, ChatDetail, ChatPage } from '../../../runtime/shared/chats';
import type { Customer } from '../../../runtime/shared/customers';
import { WIDGET_SESSION_ID_PATTERN } from '../../../runtime/shared/widget';
import { createPublishedFlow } from '../../helpers/admin-api';
import { startNode } from '../../helpers/webhook-flows';
import { waitForRun } from '../../helpers/poll';
import { json, startTestRuntime, type TestRuntime } from '../../helpers/test-runtime';
import { pizzaOrder } from '../../helpers/widget-flows';
import { lines, newVisitor, openEvents } from '../../helpers/widget-visitor';

async function widgetOn(rt: TestRuntime, settings: Record<string, unknown> = {}) {
  const flow = await createPublishedFlow(rt, pizzaOrder, 'Pizza order');
  const put = await rt.api('/api/channels/widget/settings', {
    method: 'PUT',
    json: { flowId: flow.id, title: 'Pizza Place', ...settings },
  });
  assert.equal(put.status, 200, await put.clone().text());
  return flow;
}

describe('a web widget conversation', () => {
  it('starts the flow on the first message, routes a button and an answer, and is recorded', async () => {
    const rt = await startTestRuntime();
    const flow = await widgetOn(rt, { colour: '#DC2626', greeting: 'Hungry?' });

    const config = await fetch(`${rt.public}/channels/widget/flows/${flow.id}/config`);
    assert.equal(config.status, 200);
    assert.deepEqual(await config.json(), {
      title: 'Pizza Place',
      colour: '#dc2626',
      greeting: 'Hungry?',
    });

    const visitor = await newVisitor(rt.public, flow.id);
    assert.match(visitor.sessionId, WIDGET_SESSION_ID_PATTERN);
    const events = await openEvents(
      `${rt.public}/channels/widget/sessions/${visitor.sessionId}/events`,
    );
    assert.equal(events.response.status, 200);
    assert.match(events.response.headers.get('content-type') ?? '', /^text\/event-stream/);

    const first = await visitor.say({ text: 'hi' });
    assert.equal(first.status, 202, await first.clone().text());
    assert.deepEqual(await first.json(), { seq: 1 });
    assert.deepEqual(lines(await events.until(2)), [
      'visitor: hi',
      'bot: Pizza or pasta? [Pizza|Pasta]',
    ]);

    assert.equal((await visitor.say({ buttonId: 'pizza' })).status, 202);
    assert.deepEqual(lines(await events.until(4)).slice(2), [
      'visitor: Pizza',
      'bot: How many pizzas?',
    ]);
    assert.equal((await visitor.say({ text: '5' })).status, 202);
    const all = await events.until(6);
    // The Condition took "more than 3"; the bot's markup is text, as written.
    assert.equal(all[5]?.text, '5 pizzas: that is a party! <b>See you</b>');
    events.close();

    const runs = await json<{ runs: { id: string }[] }>(
      await rt.api(`/api/runs?flowId=${flow.id}`),
    );
    assert.equal(runs.runs.length, 1, 'one conversation, one run');
    const run = await waitForRun(rt, runs.runs[0]?.id ?? '');
    assert.equal(run.status, 'completed');
    assert.equal(run.trigger.type, 'widget');
    assert.equal(run.mode, 'full');
    assert.deepEqual(run.variables.dish, 'Pizza');

    // The Chats view's record: the visitor's chat on the widget channel, with the customer.
    const page = await json<ChatPage>(await rt.api('/api/chats?channel=widget'));
    assert.equal(page.chats.length, 1);
    const chat = page.chats[0] as Chat;
    assert.deepEqual(chat.contact, { type: 'widget', value: visitor.sessionId });
    assert.equal(chat.connected, true);
    assert.equal(run.chatId, chat.id);
    assert.equal(run.customerId, chat.customerId);
    const detail = await json<ChatDetail>(await rt.api(`/api/chats/${chat.id}`));
    assert.deepEqual(
      detail.messages.map((message) => `${message.direction}: ${message.text}`),
      [
        'in: hi',
        'out: Pizza or pasta?\n[Pizza | Pasta]',
        'in: Pizza',
        'out: How many pizzas?',
        'in: 5',
        'out: 5 pizzas: that is a party! <b>See you</b>',
      ],
    );
    const customer = await json<Customer>(await rt.api(`/api/customers/${chat.customerId}`));
    assert.deepEqual(customer.contacts, [{ type: 'widget', value: visitor.sessionId }]);
    assert.deepEqual(customer.chatIds, [chat.id]);
  });

  it('resumes after a reconnect: Last-Event-ID, the history, the long-poll and a restart', async () => {
    const rt = await startTestRuntime();
    const flow = await widgetOn(rt);
    const visitor = await newVisitor(rt.public, flow.id);
    const events = `${rt.public}/channels/widget/sessions/${visitor.sessionId}/events`;
    const stream = await openEvents(events);
    await visitor.say({ text: 'hello' });
    await stream.until(2);
    stream.close();

    // Gone for a moment: the bot's next message is sent while nobody listens.
    await visitor.say({ buttonId: 'pizza' });
    const back = await openEvents(events, { 'last-event-id': '2' });
    assert.deepEqual(lines(await back.until(2)), ['visitor: Pizza', 'bot: How many pizzas?']);
    assert.deepEqual(
      back.messages.map((message) => message.seq),
      [3, 4],
      'only what came after the last event seen',
    );
    back.close();
    assert.deepEqual(
      (await visitor.history()).map((message) => message.seq),
      [1, 2, 3, 4],
    );

    // The polling fallback waits for news and answers with it.
    const poll = fetch(
      `${rt.public}/channels/widget/sessions/${visitor.sessionId}/messages?after=4&wait=25`,
    );
    await visitor.say({ text: 'not a number' });
    const polled = await json<{ messages: { seq: number }[] }>(await poll);
    assert.equal(polled.messages[0]?.seq, 5);

    // A restart keeps the conversation and the run waiting in it.
    await rt.runtime.stop();
    const again = await startTestRuntime({ dataDir: rt.dataDir });
    const resumed = await newVisitorAt(again.public, visitor.sessionId);
    const before = (await resumed.history()).length;
    assert.ok(before >= 6, 'the retry question is there');
    const reply = await resumed.say({ text: '2' });
    assert.equal(reply.status, 202, await reply.clone().text());
    const after = await openEvents(
      `${again.public}/channels/widget/sessions/${visitor.sessionId}/events`,
      { 'last-event-id': String(before) },
    );
    assert.deepEqual(lines(await after.until(2)), ['visitor: 2', 'bot: 2 pizzas coming up.']);
    after.close();
  });

  it('starts a new conversation with a message after the last one ended, never two at once', async () => {
    const rt = await startTestRuntime();
    const flow = await widgetOn(rt);
    const visitor = await newVisitor(rt.public, flow.id);
    const stream = await openEvents(
      `${rt.public}/channels/widget/sessions/${visitor.sessionId}/events`,
    );
    await visitor.say({ text: 'hi' });
    await stream.until(2); // the buttons are offered
    await visitor.say({ buttonId: 'pasta' });
    await stream.until(4);
    assert.equal(stream.messages[3]?.text, 'Pasta it is.');
    // Two messages at once while nothing waits: the first starts the flow, the second is its reply.
    const [one, two] = await Promise.all([
      visitor.say({ text: 'again' }),
      visitor.say({ text: 'and again' }),
    ]);
    assert.equal(one.status, 202);
    assert.equal(two.status, 202);
    const runs = await json<{ runs: unknown[] }>(await rt.api(`/api/runs?flowId=${flow.id}`));
    assert.equal(runs.runs.length, 2, 'the first conversation and one new one');
    stream.close();
  });
});

describe('a call_node URL on the widget channel (seed 000)', () => {
  it('reaches a visitor who has written, and refuses one who has not', async () => {
    const rt = await startTestRuntime();
    const flow = await widgetOn(rt);
    const notify = await createPublishedFlow(
      rt,
      {
        nodes: [
          startNode({}, 'n_start'),
          {
            id: 'n_say',
            type: 'send-message',
            position: { x: 200, y: 0 },
            data: { config: { text: 'Your order is ready: {{body.order}}' } },
          },
          { id: 'n_end', type: 'end', position: { x: 400, y: 0 }, data: { config: {} } },
        ],
        edges: [
          { id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_say' },
          { id: 'e_2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
        ],
        variables: [],
      },
      'Notify',
    );
    const call = (sessionId: string) =>
      fetch(`${rt.public}/api/call_node/${notify.id}/n_start/widget/${sessionId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ order: 'A-17' }),
      });
    const silent = await newVisitor(rt.public, flow.id);
    const refused = await call(silent.sessionId);
    assert.equal(refused.status, 404, await refused.clone().text());
    assert.match(
      (await json<{ error: { message: string } }>(refused)).error.message,
      /Web widget: .*a bot cannot write first/,
    );
    assert.deepEqual(await silent.history(), [], 'nothing was sent to them');

    const visitor = await newVisitor(rt.public, flow.id);
    await visitor.say({ text: 'hi' });
    const accepted = await call(visitor.sessionId);
    assert.equal(accepted.status, 202, await accepted.clone().text());
    const { runId } = await json<{ runId: string }>(accepted);
    const run = await waitForRun(rt, runId);
    assert.equal(run.status, 'completed');
    assert.equal(run.mode, 'full');
    const history = await visitor.history();
    assert.ok(
      history.some((message) => message.text === 'Your order is ready: A-17'),
      JSON.stringify(history),
    );
  });
});

/** The same visitor coming back (the page kept the session id in localStorage). */
async function newVisitorAt(publicUrl: string, sessionId: string) {
  const base = `${publicUrl}/channels/widget/sessions/${sessionId}`;
  return {
    say: (body: unknown) =>
      fetch(`${base}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    history: async () =>
      (
        (await (await fetch(`${base}/messages?after=0`)).json()) as {
          messages: { seq: number }[];
        }
      ).messages,
  };
}
