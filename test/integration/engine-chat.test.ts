// Chatbot fixture flows through a real runtime over HTTP: the test chat API (sessions,
// replies, button clicks, long-poll and SSE) driving the engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Run } from '../../runtime/shared/run';
import { runFinished, waitForRun } from '../helpers/poll';
import { ChatClient, createFixtureFlow } from '../helpers/flows';
import { json, startTestRuntime } from '../helpers/test-runtime';

describe('engine over HTTP: test chat', () => {
  it('asks for an email, retries once on a wrong one, stores a number as a number', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'email-signup', { publish: true });
    const chat = await ChatClient.start(rt, flow.id, false);
    assert.deepEqual(await chat.botSays(2), [
      "Hi! Let's get you signed up.",
      'What is your email?',
    ]);
    await chat.say('not an email');
    assert.deepEqual(await chat.botSays(), ['That is not an email address. Try again?']);
    await chat.say('ana@example.com');
    assert.deepEqual(await chat.botSays(), ['And your age?']);
    await chat.say('41');
    assert.deepEqual(await chat.botSays(), ['Thanks! We will write to ana@example.com.']);
    const run = await waitForRun(rt, chat.runId, runFinished);
    assert.equal(run.status, 'completed');
    assert.equal(run.mode, 'full');
    assert.equal(run.trigger.type, 'test-chat');
    assert.equal(run.flowVersion, 1, 'the published version');
    assert.deepEqual(run.output, { email: 'ana@example.com', age: 41 });
    assert.deepEqual(
      chat.transcript.filter((message) => message.from === 'user').map((message) => message.text),
      ['not an email', 'ana@example.com', '41'],
    );
    // Nothing waits any more: a reply is refused with a clear message.
    const late = await chat.send({ text: 'hello?' });
    assert.equal(late.status, 409);
    const body = await json<{ error: { code: string; message: string } }>(late);
    assert.equal(body.error.code, 'not_waiting');
    assert.match(
      body.error.message,
      /Nothing in this conversation is waiting for a reply \(the run is completed\)/,
    );
  });

  it('gives up through the failure output after too many wrong answers', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'email-signup');
    const chat = await ChatClient.start(rt, flow.id);
    await chat.botSays(2);
    await chat.say('nope');
    await chat.botSays();
    await chat.say('still nope');
    assert.deepEqual(await chat.botSays(), ["Sorry, let's try another time."]);
    assert.equal((await waitForRun(rt, chat.runId, runFinished)).status, 'completed');
  });

  it('branches on buttons, loops back through a Jump, stores the chosen label', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'support-menu');
    const chat = await ChatClient.start(rt, flow.id);
    assert.deepEqual(await chat.botSays(), ['How can we help, ?']);
    assert.deepEqual(
      chat.lastButtons().map((button) => button.label),
      ['Sales', 'Support', 'Show the menu again'],
    );
    await chat.click('Show the menu again');
    assert.deepEqual(await chat.botSays(), ['How can we help, ?']);
    // A typed label works like a click; an unknown button id is refused.
    const unknown = await chat.send({ buttonId: 'b_nope' });
    assert.equal(unknown.status, 400);
    await chat.say('support');
    assert.deepEqual(await chat.botSays(), ['Support: tell us what happened.']);
    const run = await waitForRun(rt, chat.runId, runFinished);
    assert.deepEqual(run.output, { department: 'Support' });
    assert.deepEqual(
      run.steps.map((step) => [step.nodeId, step.outputHandle]),
      [
        ['start', 'next'],
        ['menu', 'again'],
        ['back', 'jump:menu'],
        ['menu', 'support'],
        ['support', 'next'],
        ['done', undefined],
      ],
    );
  });

  it('streams messages and run status as server-sent events', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'email-signup');
    const chat = await ChatClient.start(rt, flow.id);
    const controller = new AbortController();
    const response = await rt.api(`/api/test-chat/sessions/${chat.sessionId}/events`, {
      signal: controller.signal,
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    assert.ok(reader);
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) assert.fail(`stream ended before ${pattern}: ${text}`);
        text += value;
      }
    };
    await until(/What is your email\?/);
    await until(/event: status\ndata: \{"runStatus":"waiting"\}/);
    await chat.say('ana@example.com');
    await until(/id: \d+\nevent: message\ndata: \{[^\n]*"from":"user","text":"ana@example.com"/);
    await until(/And your age\?/);
    controller.abort();
    const events = text.split('\n\n').filter((block) => block.includes('event: message'));
    const seqs = events.map((block) => Number(/^id: (\d+)$/m.exec(block)?.[1]));
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
      'in order',
    );
    assert.equal(new Set(seqs).size, seqs.length, 'each message once');
  });

  it('a long-poll returns when the bot speaks; unknown sessions and bad input are refused', async () => {
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'email-signup');
    const chat = await ChatClient.start(rt, flow.id);
    await chat.botSays(2);
    const pending = chat.botSays(1); // long-polls until the bot speaks again
    await chat.say('ana@example.com');
    assert.deepEqual(await pending, ['And your age?']);
    assert.equal((await rt.api('/api/test-chat/sessions/tc_nope/messages')).status, 404);
    assert.equal(
      (await rt.api(`/api/test-chat/sessions/${chat.sessionId}/messages?wait=99`)).status,
      400,
    );
    const badStatus = await rt.api(`/api/test-chat/sessions/${chat.sessionId}/messages?status=x`);
    assert.equal(badStatus.status, 400);
    assert.equal((await json<{ error: { code: string } }>(badStatus)).error.code, 'invalid_input');
    assert.equal((await chat.send({ text: '' })).status, 400);
    const notPublished = await rt.api('/api/test-chat/sessions', {
      method: 'POST',
      json: { flowId: flow.id },
    });
    assert.equal(notPublished.status, 409);
    const run = await json<Run>(await rt.api(`/api/runs/${chat.runId}`));
    assert.equal(run.flowVersion, 'draft');
  });

  it('a long-poll says at once that the run ended since the status the client saw', async () => {
    // Over HTTP, the wiring of `status`; that the poll does not wait is shown without
    // timing in test/unit/runtime/channels/test-chat/api.test.ts.
    const rt = await startTestRuntime();
    const flow = await createFixtureFlow(rt, 'email-signup');
    const chat = await ChatClient.start(rt, flow.id);
    await chat.botSays(2);
    await chat.say('ana@example.com');
    await chat.botSays();
    await chat.say('41');
    await chat.botSays(); // the bot's last message; the client saw the run waiting for '41'
    const [last] = chat.transcript.slice(-1);
    assert.ok(last);
    await waitForRun(rt, chat.runId, runFinished);
    const response = await rt.api(
      `/api/test-chat/sessions/${chat.sessionId}/messages?after=${last.seq}&wait=25&status=waiting`,
    );
    assert.equal(response.status, 200);
    const page = await json<{ runStatus: string }>(response);
    assert.equal(page.runStatus, 'completed');
  });
});
