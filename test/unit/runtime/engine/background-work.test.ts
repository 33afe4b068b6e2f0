// Background work (the HTTP Request node's asynchronous mode): a per-runtime cap that
// refuses instead of queueing, each finished job recorded as a step of its run, and a
// close that aborts what is in flight and still records it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BackgroundJobs } from '../../../../runtime/engine/background-work';
import { silentLogger } from '../../../../runtime/logger';
import type { RunStep } from '../../../../runtime/shared/run';

function jobs(limit: number) {
  const recorded: [string, RunStep][] = [];
  const background = new BackgroundJobs({
    limit: () => limit,
    record: async (runId, step) => {
      recorded.push([runId, step]);
    },
    logger: silentLogger,
    now: () => new Date('2030-01-01T00:00:00.000Z'),
  });
  return { background, recorded };
}

/** A job that finishes when its signal aborts, reporting that it was aborted. */
const untilAborted = (nodeId: string) => ({
  nodeId,
  nodeType: 'http-request',
  run: (signal: AbortSignal) =>
    new Promise<{ warnings: string[] }>((resolve) =>
      signal.addEventListener('abort', () => resolve({ warnings: ['aborted'] })),
    ),
});

describe('BackgroundJobs', () => {
  it('refuses a job beyond the cap, and takes one again once a slot is free', async () => {
    const { background, recorded } = jobs(1);
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    assert.equal(
      background.start('r_1', {
        nodeId: 'n1',
        nodeType: 'http-request',
        run: async () => {
          await finished;
          return { output: { variables: { done: true } } };
        },
      }),
      true,
    );
    assert.equal(background.start('r_2', untilAborted('n2')), false);
    assert.equal(background.inFlight, 1);
    finish();
    await background.close();
    assert.deepEqual(
      recorded.map(([runId, step]) => [runId, step.nodeId, step.output]),
      [['r_1', 'n1', { variables: { done: true } }]],
    );
  });

  it('close aborts what is in flight, records it, and refuses new jobs', async () => {
    const { background, recorded } = jobs(10);
    assert.ok(background.start('r_1', untilAborted('n1')));
    assert.ok(background.start('r_2', untilAborted('n2')));
    await background.close();
    assert.deepEqual(recorded.map(([runId, step]) => [runId, step.warnings]).sort(), [
      ['r_1', ['aborted']],
      ['r_2', ['aborted']],
    ]);
    assert.equal(background.start('r_3', untilAborted('n3')), false);
  });

  it('records a job that throws as a step with its error', async () => {
    const { background, recorded } = jobs(10);
    background.start('r_1', {
      nodeId: 'n1',
      nodeType: 'http-request',
      run: () => Promise.reject(new Error('boom')),
    });
    await background.close();
    assert.equal(recorded[0]?.[1].error, 'boom');
  });
});
