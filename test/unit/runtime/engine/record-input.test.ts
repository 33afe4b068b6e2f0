// A run's records keep its trigger's request (the webhook body, query, headers) only while
// the run can still go on: recovery rebuilds a waiting or running run from it, and nothing
// reads it once the run has ended. A webhook's body is then written once, with its call
// (issue 10, 6c: the 100 KB case wrote every body twice).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunLog } from '../../../../runtime/engine/run-log';
import { silentLogger } from '../../../../runtime/logger';
import { settingsSchema } from '../../../../runtime/shared/settings';
import { graph, openTestEngine, reaches } from '../../../helpers/engine';

const input = {
  body: { order: 'A-1', note: 'gift wrap' },
  query: { q: '1' },
  method: 'POST',
};

async function historyOf(dataDir: string, runId: string) {
  const log = await RunLog.open(dataDir, () => settingsSchema.parse({}).runs, silentLogger);
  try {
    return await log.history(runId);
  } finally {
    await log.close();
  }
}

describe('engine: the input in run records', () => {
  it('an ended run’s records leave the input out; a waiting run’s full record keeps it', async () => {
    const t = await openTestEngine();
    const start = (flowGraph: ReturnType<typeof graph>) =>
      t.engine.startRun({
        flowId: 'f',
        graph: flowGraph,
        version: 1,
        triggerNodeId: 's',
        trigger: { type: 'manual' },
        input,
        // As a webhook's run: its call is the durable start, so its first record is also
        // its last when nothing waits (engine-options.ts).
        startRecorded: true,
      });
    const ended = await start(
      graph(
        [
          ['s', 'start'],
          ['e', 'end'],
        ],
        [['s', 'next', 'e']],
      ),
    );
    const waiting = await start(
      graph(
        [
          ['s', 'start'],
          ['d', 'delay', { amount: 2, unit: 'days' }],
        ],
        [['s', 'next', 'd']],
      ),
    );
    await reaches(t.engine, ended.id, 'completed');
    await reaches(t.engine, waiting.id, 'waiting');
    await t.stop();

    const endedRecords = await historyOf(t.dataDir, ended.id);
    assert.equal(endedRecords.length, 1);
    assert.equal(endedRecords[0]?.status, 'completed');
    assert.equal(endedRecords[0]?.full, true);
    assert.equal(endedRecords[0]?.input, undefined);

    const waitingRecords = await historyOf(t.dataDir, waiting.id);
    const full = waitingRecords.find((record) => record.full);
    assert.deepEqual(full?.input?.body, input.body);
    assert.deepEqual(full?.input?.query, input.query);

    // And the waiting run still has it after a restart: its body reaches the next node.
    const again = await openTestEngine({ dataDir: t.dataDir });
    assert.equal(again.engine.runStatus(waiting.id), 'waiting');
    await again.stop();
  });
});
