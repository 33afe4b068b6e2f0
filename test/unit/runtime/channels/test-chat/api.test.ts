// The test chat's long-poll on a real engine and test chat (temp data folder). A run that
// ends between two polls must be reported by the next poll at once when the client says
// which status it last saw. Whether a poll answered at once or waited is told apart
// without timing: right after the poll is asked, the test adds a message to the session.
// A poll that answered at once has not seen it; one that waited was woken by it.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { pollTestChatMessages } from '../../../../../runtime/channels/test-chat/api';
import { testChatWait } from '../../../../../runtime/channels/test-chat/test-chat';
import { ApiError } from '../../../../../runtime/api/api-error';
import { graph, openTestEngine, reaches, startChatRun } from '../../../../helpers/engine';

const askEmail = graph(
  [
    ['s', 'start'],
    ['ask', 'collect-input', { prompt: 'Email?', variable: 'email', validation: 'email' }],
    ['ok', 'end'],
  ],
  [
    ['s', 'next', 'ask'],
    ['ask', 'next', 'ok'],
  ],
);

let polls = new AbortController();
beforeEach(() => (polls = new AbortController()));
afterEach(() => polls.abort()); // a poll left waiting ends with its test

/** A session whose run asked one question, was polled (`seen`), then answered and ended. */
async function runEndedBetweenPolls() {
  const t = await openTestEngine();
  const { run, session } = await startChatRun(t, askEmail);
  await reaches(t.engine, run.id, 'waiting');
  const seen = await pollTestChatMessages(t, session.id, { after: '0' }, polls.signal);
  assert.deepEqual(
    seen.messages.map((message) => message.text),
    ['Email?'],
  );
  assert.equal(seen.runStatus, 'waiting');
  await t.engine.resumeWait(testChatWait(session.id), { kind: 'input', text: 'ana@example.com' });
  await reaches(t.engine, run.id, 'completed');
  const after = String(seen.messages.at(-1)?.seq);
  /** Asks a 25 s poll, then at once adds a message that would wake a waiting poll. */
  const pollThenSpeak = async (status?: string) => {
    const query = { after, wait: '25', ...(status === undefined ? {} : { status }) };
    const answer = pollTestChatMessages(t, session.id, query, polls.signal);
    const late = await t.testChat.store.append(session.id, { from: 'bot', text: 'late' });
    assert.ok(late);
    t.testChat.publish(session.id, { type: 'message', message: late });
    return answer;
  };
  return { pollThenSpeak, seen };
}

describe('test chat long-poll', () => {
  it('reports a run that ended since the status the client last saw at once', async () => {
    const { pollThenSpeak, seen } = await runEndedBetweenPolls();
    const answer = await pollThenSpeak(seen.runStatus);
    assert.equal(answer.runStatus, 'completed');
    assert.deepEqual(answer.messages, [], 'answered before the later message: it did not wait');
  });

  it('waits for news when the client already knows the status', async () => {
    const { pollThenSpeak } = await runEndedBetweenPolls();
    const answer = await pollThenSpeak('completed');
    assert.deepEqual(
      answer.messages.map((message) => message.text),
      ['late'],
      'it waited and was woken by the message',
    );
  });

  it('without a status, waits for news after the status it found when it began', async () => {
    const { pollThenSpeak } = await runEndedBetweenPolls();
    const answer = await pollThenSpeak();
    assert.deepEqual(
      answer.messages.map((message) => message.text),
      ['late'],
    );
  });

  it('refuses a status that is not one', async () => {
    const t = await openTestEngine();
    const { session } = await startChatRun(t, askEmail);
    await assert.rejects(
      pollTestChatMessages(t, session.id, { status: 'done' }, polls.signal),
      (error: unknown) =>
        error instanceof ApiError &&
        error.status === 400 &&
        /status: use one of running, waiting, completed, failed, unknown/.test(error.message),
    );
  });
});
