import assert from 'node:assert/strict';
import { testChatWait } from '../../../../runtime/channels/test-chat/test-chat';
import { describe, it } from 'node:test';
import {
  graph,
  openTestEngine,
  reaches,
  startChatRun,
  startManualRun,
  type TestEngine,
} from '../../../helpers/engine';

const askEmail = graph(
  [
    ['s', 'start'],
    [
      'ask',
      'collect-input',
      { prompt: 'Email?', variable: 'email', validation: 'email', maxRetries: 1 },
    ],
    ['ok', 'end', { result: ['email'] }],
    ['gave_up', 'send-message', { text: 'Bye' }],
  ],
  [
    ['s', 'next', 'ask'],
    ['ask', 'next', 'ok'],
    ['ask', 'failure', 'gave_up'],
  ],
);

async function chatRun(t: TestEngine, flowGraph = askEmail) {
  const { run, session } = await startChatRun(t, flowGraph);
  return {
    run,
    session,
    texts: () => t.testChat.store.get(session.id)?.messages.map((m) => `${m.from}: ${m.text}`),
  };
}

describe('engine: waits', () => {
  it('an input wait parks the run until a reply resumes it; wrong replies retry', async () => {
    const t = await openTestEngine();
    const { run, session, texts } = await chatRun(t);
    assert.equal(run.mode, 'full');
    await reaches(t.engine, run.id, 'waiting');
    const waiting = await t.engine.getRun(run.id);
    assert.equal(waiting?.waiting?.kind, 'input');
    assert.equal(waiting?.waiting?.key, session.id);
    assert.equal(t.engine.waitingFor(testChatWait(session.id))?.runId, run.id);

    assert.equal(
      await t.engine.resumeWait(testChatWait(session.id), { kind: 'input', text: 'nope' }),
      run.id,
    );
    await reaches(t.engine, run.id, 'waiting');
    assert.equal(
      await t.engine.resumeWait(testChatWait(session.id), { kind: 'input', text: 'a@b.co' }),
      run.id,
    );
    const done = await t.engine.waitForRun(run.id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.deepEqual(done?.output, { email: 'a@b.co' });
    assert.deepEqual(texts(), ['bot: Email?', "bot: That doesn't look right. Please try again."]);
    const asked = done?.steps.find((step) => step.nodeId === 'ask');
    assert.deepEqual(asked?.input, { text: 'a@b.co' });
    assert.equal(asked?.outputHandle, 'next');
    assert.equal(
      await t.engine.resumeWait(testChatWait(session.id), { kind: 'input', text: 'late' }),
      undefined,
    );
  });

  it('too many wrong replies leave through failure', async () => {
    const t = await openTestEngine();
    const { run, session, texts } = await chatRun(t);
    for (const reply of ['x', 'y']) {
      await reaches(t.engine, run.id, 'waiting');
      await t.engine.resumeWait(testChatWait(session.id), { kind: 'input', text: reply });
    }
    const done = await t.engine.waitForRun(run.id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.equal(texts()?.at(-1), 'bot: Bye');
  });

  it('a timer wait fires and the run continues', async () => {
    const t = await openTestEngine();
    const flow = graph(
      [
        ['s', 'start'],
        ['d', 'delay', { amount: 0.05, unit: 'seconds' }],
        ['e', 'end'],
      ],
      [
        ['s', 'next', 'd'],
        ['d', 'next', 'e'],
      ],
    );
    const run = await startManualRun(t, flow);
    const done = await t.engine.waitForRun(run.id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.deepEqual(
      done?.steps.map((step) => step.nodeId),
      ['s', 'd', 'e'],
    );
  });

  it('a wait resets the loop counter: a loop that waits each time is a conversation', async () => {
    const t = await openTestEngine({ settings: { runs: { maxStepsPerRun: 10 } } });
    const loop = graph(
      [
        ['s', 'start'],
        ['ask', 'collect-input', { prompt: 'More?', variable: 'answer' }],
        ['c', 'condition', { rules: [{ left: 'answer', operator: 'equals', right: 'stop' }] }],
        ['a', 'set-variable', { variable: 'x', value: '1' }],
        ['b', 'set-variable', { variable: 'y', value: '2' }],
      ],
      [
        ['s', 'next', 'ask'],
        ['ask', 'next', 'c'],
        ['c', 'else', 'a'],
        ['a', 'next', 'b'],
        ['b', 'next', 'ask'],
      ],
    );
    const { run, session } = await chatRun(t, loop);
    for (let i = 0; i < 5; i += 1) {
      await reaches(t.engine, run.id, 'waiting');
      await t.engine.resumeWait(testChatWait(session.id), { kind: 'input', text: `again ${i}` });
    }
    await reaches(t.engine, run.id, 'waiting');
    await t.engine.resumeWait(testChatWait(session.id), { kind: 'input', text: 'stop' });
    const done = await t.engine.waitForRun(run.id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.ok((done?.steps.length ?? 0) > 10);
  });

  it('cancels a waiting run; a finished run cannot be cancelled', async () => {
    const t = await openTestEngine();
    const { run, session } = await chatRun(t);
    await reaches(t.engine, run.id, 'waiting');
    const cancelled = await t.engine.cancel(run.id);
    assert.equal(cancelled.status, 'failed');
    assert.equal(cancelled.error, 'Cancelled');
    assert.equal(t.engine.waitingFor(testChatWait(session.id)), undefined);
    await assert.rejects(t.engine.cancel(run.id), { code: 'finished' });
    await assert.rejects(t.engine.cancel('r_unknown1'), { code: 'not_found' });
  });
});
