// What a restart does with unfinished runs (runtime/engine/durability.ts). Graceful stops
// are real; crash states are written into the run log the way a SIGKILL leaves them (the
// restart integration test kills a real process).
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { testChatWait } from '../../../../runtime/channels/test-chat/test-chat';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunLog } from '../../../../runtime/engine/run-log';
import { silentLogger } from '../../../../runtime/logger';
import { settingsSchema } from '../../../../runtime/shared/settings';
import {
  graph,
  openTestEngine,
  reaches,
  startChatRun,
  startDelayRun,
  startManualRun,
  type TestEngine,
} from '../../../helpers/engine';
import { asWebhookWait, writeCrashState } from '../../../helpers/crash-state';

const askEmail = graph(
  [
    ['s', 'start'],
    ['ask', 'collect-input', { prompt: 'Email?', variable: 'email', validation: 'email' }],
    ['thanks', 'send-message', { text: 'Thanks {{email}}' }],
    ['e', 'end', { result: ['email'] }],
  ],
  [
    ['s', 'next', 'ask'],
    ['ask', 'next', 'thanks'],
    ['thanks', 'next', 'e'],
  ],
);

const startChat = (t: TestEngine, flowGraph = askEmail) => startChatRun(t, flowGraph);

const texts = (t: TestEngine, sessionId: string) =>
  t.testChat.store.get(sessionId)?.messages.map((message) => message.text) ?? [];

describe('engine: recovery', () => {
  it('waiting runs come back after a restart: a reply resumes, a long timer stays armed', async () => {
    const first = await openTestEngine();
    const { run, session } = await startChat(first);
    const long = await startDelayRun(first, 2, 'days');
    await reaches(first.engine, run.id, 'waiting');
    await reaches(first.engine, long.id, 'waiting');

    const second = await first.reopen();
    assert.equal(second.engine.waitingFor(testChatWait(session.id))?.runId, run.id);
    assert.equal((await second.engine.getRun(long.id))?.status, 'waiting');
    await second.engine.resumeWait(testChatWait(session.id), { kind: 'input', text: 'a@b.co' });
    const done = await second.engine.waitForRun(run.id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.deepEqual(done?.output, { email: 'a@b.co' });
    assert.deepEqual(texts(second, session.id), ['Email?', 'Thanks a@b.co']);
  });

  it('an overdue timer fires at once after a restart', async () => {
    const first = await openTestEngine();
    const run = await startManualRun(
      first,
      graph(
        [
          ['s', 'start'],
          ['d', 'delay', { amount: 0.2, unit: 'seconds' }],
          ['e', 'end'],
        ],
        [
          ['s', 'next', 'd'],
          ['d', 'next', 'e'],
        ],
      ),
    );
    await reaches(first.engine, run.id, 'waiting');
    const due = Date.parse((await first.engine.getRun(run.id))?.waiting?.until ?? '');
    assert.ok(Number.isFinite(due), 'the timer says when it is due');
    await first.stop();
    // Hookflow is "off" until the timer is due: nothing to await but the clock itself.
    await sleep(Math.max(0, due - Date.now()) + 1);
    assert.ok(Date.now() > due, 'overdue before the restart');
    const second = await openTestEngine({ dataDir: first.dataDir });
    assert.equal((await second.engine.waitForRun(run.id, 10_000))?.status, 'completed');
  });

  it('a graceful stop pauses a running run at a step boundary; it continues without repeats', async () => {
    const first = await openTestEngine({ settings: { runs: { maxStepsPerRun: 60 } } });
    const loop = graph(
      [
        ['s', 'start'],
        ['m', 'send-message', { text: 'tick' }],
        ['c', 'condition', { rules: [{ left: 'trigger', operator: 'exists' }] }],
      ],
      [
        ['s', 'next', 'm'],
        ['m', 'next', 'c'],
        ['c', 'true', 'm'],
      ],
    );
    const { run, session } = await startChat(first, loop);
    await new Promise<void>((resolve) => {
      const stop = first.testChat.subscribe(session.id, () => {
        if (texts(first, session.id).length >= 3) {
          stop();
          resolve();
        }
      });
    });
    await first.stop();
    const paused = texts(first, session.id).length;
    assert.ok(paused < 30, 'stopped mid-run');
    const second = await openTestEngine({ dataDir: first.dataDir });
    const done = await second.engine.waitForRun(run.id, 20_000);
    assert.equal(done?.status, 'failed');
    assert.match(done?.error ?? '', /^Stopped after 60 steps/);
    assert.equal(done?.steps.length, 60, 'the step count carried over the restart');
    assert.equal(
      texts(second, session.id).length,
      30,
      'one message per Send message step, none repeated',
    );
  });

  it('a reply acknowledged just before a crash is not lost', async () => {
    const first = await openTestEngine();
    const { run, session } = await startChat(first);
    await reaches(first.engine, run.id, 'waiting');
    await first.stop();
    // The crash came right after the resume checkpoint (the reply was acknowledged).
    await writeCrashState(
      first.dataDir,
      (latest) => {
        const { waiting, ...rest } = latest;
        assert.ok(waiting);
        return {
          ...rest,
          seq: latest.seq + 1,
          at: new Date().toISOString(),
          steps: [],
          full: undefined,
          input: undefined,
          status: 'running',
          cursor: {
            nodeId: 'ask',
            resume: { event: { kind: 'input', text: 'late@b.co' }, wait: waiting },
          },
        };
      },
      run.id,
    );
    const second = await openTestEngine({ dataDir: first.dataDir });
    const done = await second.engine.waitForRun(run.id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.deepEqual(done?.output, { email: 'late@b.co' });
    assert.deepEqual(texts(second, session.id), ['Email?', 'Thanks late@b.co']);
  });

  it('a run that crashed before a repeatable node runs it again (at-least-once)', async () => {
    const first = await openTestEngine();
    const { run, session } = await startChat(first);
    await reaches(first.engine, run.id, 'waiting');
    await first.stop();
    // Crash after the checkpoint before "thanks" (answer stored, message maybe sent).
    await writeCrashState(
      first.dataDir,
      (latest) => {
        const { waiting: _waiting, ...rest } = latest;
        return {
          ...rest,
          seq: latest.seq + 1,
          at: new Date().toISOString(),
          steps: [],
          full: undefined,
          input: undefined,
          status: 'running',
          variables: { email: 'x@y.co' },
          cursor: { nodeId: 'thanks' },
        };
      },
      run.id,
    );
    const second = await openTestEngine({ dataDir: first.dataDir });
    const done = await second.engine.waitForRun(run.id, 10_000);
    assert.equal(done?.status, 'completed');
    assert.deepEqual(texts(second, session.id), ['Email?', 'Thanks x@y.co']);
  });

  it('a run whose graph or chat is gone is marked failed with the reason', async () => {
    const first = await openTestEngine();
    const { run: chatRun, session } = await startChat(first);
    const timerRun = await startDelayRun(first, 1, 'days');
    await reaches(first.engine, chatRun.id, 'waiting');
    await reaches(first.engine, timerRun.id, 'waiting');
    await first.stop();
    const timerRecord = await RunLog.open(
      first.dataDir,
      () => settingsSchema.parse({}).runs,
      silentLogger,
    );
    const graphRef = (await timerRecord.latestRecord(timerRun.id))?.graphRef;
    await timerRecord.close();
    await rm(join(first.dataDir, 'run-graphs', `${graphRef}.json`));
    // The test chat session disappears (e.g. evicted as the oldest).
    await writeCrashState(
      first.dataDir,
      (latest) => ({
        ...latest,
        seq: latest.seq + 1,
        chat: { channel: 'test-chat', key: 'tc_gone' },
      }),
      chatRun.id,
    );
    const second = await openTestEngine({ dataDir: first.dataDir });
    const timer = await second.engine.getRun(timerRun.id);
    assert.equal(timer?.status, 'failed');
    assert.equal(
      timer?.error,
      'Hookflow restarted and could not find the flow this run was executing',
    );
    const chat = await second.engine.getRun(chatRun.id);
    assert.equal(chat?.status, 'failed');
    assert.equal(
      chat?.error,
      'Hookflow restarted and the test-chat conversation of this run is gone',
    );
    assert.equal(second.engine.waitingFor(testChatWait(session.id)), undefined);
  });

  it('webhook waits (generic, for wait-for-webhook): resumed by key, or timed out onto their handle', async () => {
    const first = await openTestEngine();
    const flow = graph(
      [
        ['s', 'start'],
        ['w', 'delay', { amount: 1, unit: 'days' }],
        ['e', 'end'],
      ],
      [
        ['s', 'next', 'w'],
        ['w', 'next', 'e'],
      ],
    );
    const byKey = await startManualRun(first, flow);
    const byTimeout = await startManualRun(first, flow);
    await reaches(first.engine, byKey.id, 'waiting');
    await reaches(first.engine, byTimeout.id, 'waiting');
    await first.stop();
    // No node waits for a webhook yet: turn the two waits into webhook waits in the log.
    await writeCrashState(first.dataDir, asWebhookWait('w', 'cb_key'), byKey.id);
    await writeCrashState(
      first.dataDir,
      asWebhookWait('w', 'cb_late', new Date(0).toISOString()),
      byTimeout.id,
    );

    const second = await openTestEngine({ dataDir: first.dataDir });
    assert.equal(second.engine.waitingFor({ kind: 'webhook', key: 'cb_key' })?.runId, byKey.id);
    assert.equal(
      await second.engine.resumeWait({ kind: 'webhook', key: 'cb_other' }, { kind: 'webhook' }),
      undefined,
    );
    assert.equal(
      await second.engine.resumeWait(
        { kind: 'webhook', key: 'cb_key' },
        {
          kind: 'webhook',
          payload: { paid: true },
        },
      ),
      byKey.id,
    );
    const resumed = await second.engine.waitForRun(byKey.id, 10_000);
    assert.equal(resumed?.status, 'completed');
    assert.deepEqual(resumed?.steps.find((step) => step.nodeId === 'w')?.input, { paid: true });
    const timedOut = await second.engine.waitForRun(byTimeout.id, 10_000);
    assert.equal(timedOut?.status, 'completed');
    assert.equal(timedOut?.steps.find((step) => step.nodeId === 'w')?.outputHandle, 'next');
  });
});
