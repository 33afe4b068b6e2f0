import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunLog } from '../../../../runtime/engine/run-log';
import { silentLogger } from '../../../../runtime/logger';
import { settingsSchema } from '../../../../runtime/shared/settings';
import { graph, openTestEngine, reaches } from '../../../helpers/engine';

const waitTwoDays = graph(
  [
    ['s', 'start'],
    ['d', 'delay', { amount: 2, unit: 'days' }],
  ],
  [['s', 'next', 'd']],
);
const quick = graph([['s', 'start']]);
const manual = {
  flowId: 'f',
  version: 1 as const,
  triggerNodeId: 's',
  trigger: { type: 'manual' as const },
};

async function latestRecord(dataDir: string, runId: string) {
  const log = await RunLog.open(dataDir, () => settingsSchema.parse({}).runs, silentLogger);
  try {
    return { latest: await log.latestRecord(runId), run: await log.read(runId) };
  } finally {
    await log.close();
  }
}

describe('engine: retention keeps waiting runs', () => {
  it('rewrites a waiting run as one full record when many records came after it', async () => {
    const t = await openTestEngine({ settings: { runs: { retentionCount: 10 } } });
    const waiting = await t.engine.startRun({ ...manual, graph: waitTwoDays });
    await reaches(t.engine, waiting.id, 'waiting');
    for (let batch = 0; batch < 7; batch += 1) {
      const runs = await Promise.all(
        Array.from({ length: 20 }, () => t.engine.startRun({ ...manual, graph: quick })),
      );
      await Promise.all(runs.map((run) => t.engine.waitForRun(run.id, 10_000)));
    }
    await t.stop();
    const { latest, run } = await latestRecord(t.dataDir, waiting.id);
    assert.equal(latest?.full, true);
    assert.equal(latest?.status, 'waiting');
    assert.deepEqual(
      run?.steps.map((step) => step.nodeId),
      ['s'],
    );
  });

  it('rewrites a waiting run whose record is older than half the retention period', async () => {
    const first = await openTestEngine({ settings: { runs: { retentionDays: 1 } } });
    const waiting = await first.engine.startRun({ ...manual, graph: waitTwoDays });
    await reaches(first.engine, waiting.id, 'waiting');
    await first.stop();
    const before = await latestRecord(first.dataDir, waiting.id);
    assert.notEqual(before.latest?.full, true);
    const aDayLater = () => new Date(Date.now() + 24 * 60 * 60 * 1000);
    const second = await openTestEngine({ dataDir: first.dataDir, now: aDayLater });
    await second.stop();
    const after = await latestRecord(first.dataDir, waiting.id);
    assert.equal(after.latest?.full, true);
    assert.equal(after.latest?.seq, (before.latest?.seq ?? 0) + 1);
  });
});
