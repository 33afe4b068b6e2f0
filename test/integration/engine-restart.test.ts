// Durability across a real crash: the runtime runs in a child process (`hookflow serve`
// from source), gets SIGKILLed with runs waiting and running, and a new process on the
// same data folder carries on (runtime/engine/durability.ts is the contract).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Run } from '../../runtime/shared/run';
import { startCli, waitForOutput } from '../helpers/cli';
import { adminClient, type AdminClient } from '../helpers/admin-api';
import { runFinished, waitForRun } from '../helpers/poll';
import { ChatClient, createFixtureFlow } from '../helpers/flows';
import { tempDir } from '../helpers/temp-dir';
import { json } from '../helpers/test-runtime';

type Child = ReturnType<typeof startCli>;
const children: Child[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

async function serve(dataDir: string): Promise<AdminClient & { child: Child }> {
  const child = startCli(['serve', '--data-dir', dataDir, '--port', '0', '--public-port', '0']);
  children.push(child);
  const [, admin] = await waitForOutput(child, /designer: (http:\/\/127\.0\.0\.1:\d+)\/login/);
  const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
  return { child, ...adminClient({ admin: admin ?? '', token }) };
}

function kill(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function status(rt: AdminClient, runId: string): Promise<Run> {
  return json<Run>(await rt.api(`/api/runs/${runId}`));
}

describe('engine: SIGKILL and restart', () => {
  it('waiting runs resume, acknowledged replies and runs are kept, a running run resumes', async () => {
    const dataDir = await tempDir();
    const first = await serve(dataDir);
    await first.api('/api/settings', {
      method: 'PATCH',
      json: { runs: { maxStepsPerRun: 100_000 } },
    });

    // A conversation: the email reply is acknowledged (202) right before the crash.
    const signup = await createFixtureFlow(first, 'email-signup');
    const chat = await ChatClient.start(first, signup.id);
    assert.deepEqual(await chat.botSays(2), [
      "Hi! Let's get you signed up.",
      'What is your email?',
    ]);
    // A Delay of a few seconds that comes due while Hookflow is down or just after.
    const delayFlow = await createFixtureFlow(first, 'delay', {
      replace: { '"amount": 1': '"amount": 3' },
    });
    const delayed = await json<Run>(
      await first.api(`/api/flows/${delayFlow.id}/runs`, { method: 'POST', json: { draft: true } }),
    );
    // A run busy when the crash comes: it sends messages in a loop without waiting.
    const loopFlow = await first.api('/api/flows', {
      method: 'POST',
      json: {
        name: 'Ticker',
        draft: {
          nodes: [
            { id: 's', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
            {
              id: 'm',
              type: 'send-message',
              position: { x: 1, y: 0 },
              data: { config: { text: 'tick' } },
            },
            {
              id: 'c',
              type: 'condition',
              position: { x: 2, y: 0 },
              data: { config: { rules: [{ left: 'trigger', operator: 'exists' }] } },
            },
          ],
          edges: [
            { id: 'e1', source: 's', sourceHandle: 'next', target: 'm' },
            { id: 'e2', source: 'm', sourceHandle: 'next', target: 'c' },
            { id: 'e3', source: 'c', sourceHandle: 'true', target: 'm' },
          ],
          variables: [],
        },
      },
    });
    const ticker = await ChatClient.start(first, (await json<{ id: string }>(loopFlow)).id);
    await ticker.botSays(3);
    await chat.say('ana@example.com');
    assert.equal((await status(first, ticker.runId)).status, 'running');
    await kill(first.child);

    const second = await serve(dataDir);
    // The acknowledged reply survived: the conversation goes on from it.
    const resumed = new ChatClient(second, chat.sessionId, chat.runId);
    const page = await resumed.poll(0);
    if (!page.messages.some((message) => message.text === 'And your age?')) {
      // The crash came before the question went out: the replay from the reply asks it.
      assert.deepEqual(await resumed.botSays(1), ['And your age?']);
    }
    await resumed.say('41');
    const conversation = await waitForRun(second, chat.runId, runFinished);
    assert.equal(conversation.status, 'completed');
    assert.deepEqual(conversation.output, { email: 'ana@example.com', age: 41 });

    // The timer fired (at once if it came due while Hookflow was down).
    const delay = await waitForRun(second, delayed.id, runFinished);
    assert.equal(delay.status, 'completed');
    assert.deepEqual(delay.output, { stage: 'done after waiting' });

    // The busy run was resumed from its last checkpoint (Send message is repeatable).
    const restarted = new ChatClient(second, ticker.sessionId, ticker.runId);
    const beforeRestart = (await restarted.poll(0)).messages.length;
    assert.ok(beforeRestart >= 3);
    const ticks = await restarted.botSays(3); // at least three more
    assert.ok(ticks.length >= 3 && ticks.every((text) => text === 'tick'), 'it kept going');
    const busy = await status(second, ticker.runId);
    assert.equal(busy.status, 'running');
    const cancel = await second.api(`/api/runs/${ticker.runId}/cancel`, { method: 'POST' });
    assert.equal((await json<Run>(cancel)).error, 'Cancelled');

    // Every run acknowledged before the crash is listed.
    const listed = await json<{ runs: Run[] }>(await second.api('/api/runs?limit=50'));
    for (const id of [chat.runId, delayed.id, ticker.runId]) {
      assert.ok(
        listed.runs.some((run) => run.id === id),
        id,
      );
    }
    second.child.kill('SIGTERM');
  });
});
