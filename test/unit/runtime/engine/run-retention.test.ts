import assert from 'node:assert/strict';
import { setImmediate as settle } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { ActiveRun } from '../../../../runtime/engine/active-run';
import { RunRetention } from '../../../../runtime/engine/run-retention';
import { RunState } from '../../../../runtime/engine/run-state';
import { silentLogger, type Logger } from '../../../../runtime/logger';
import { settingsSchema } from '../../../../runtime/shared/settings';
import { bareRun, WEBHOOK_WAIT } from '../../../helpers/active-run';

const NOW = new Date('2030-01-10T00:00:00.000Z');
const HOUR_MS = 60 * 60 * 1000;

/** A retention over real run state whose compactions are recorded, as the driver's are. */
function retentionOf(runs: { retentionCount?: number; retentionDays?: number }, logger?: Logger) {
  const state = new RunState();
  const compacted: string[] = [];
  const settings = settingsSchema.parse({ runs });
  let seq = 100;
  const retention: RunRetention = new RunRetention({
    settings: () => settings,
    logger: logger ?? silentLogger,
    now: () => NOW,
    runs: state,
    compact: (active: ActiveRun) => {
      compacted.push(active.id);
      retention.recorded(active, { seq: (seq += 1), status: 'waiting' });
      return Promise.resolve();
    },
  });
  return { state, retention, compacted };
}

describe('RunRetention', () => {
  it('compacts a waiting run once more than half the retained runs started after it', async () => {
    // retentionCount 10: checked every 2 started runs; the edge is 5 runs.
    const { state, retention, compacted } = retentionOf({ retentionCount: 10 });
    const waiting = bareRun('r_wait', { waiting: WEBHOOK_WAIT, recordedAt: NOW.toISOString() });
    const running = bareRun('r_running');
    state.add(waiting);
    state.add(running);
    retention.recorded(waiting, { seq: 0, status: 'running' });
    retention.recorded(waiting, { seq: 1, status: 'waiting' });
    for (let i = 0; i < 6; i += 1)
      retention.recorded(bareRun(`r_${i}`), { seq: 0, status: 'completed' });
    await settle();
    assert.deepEqual(compacted, [], 'five runs after it: not yet');
    retention.recorded(bareRun('r_6'), { seq: 0, status: 'completed' });
    await settle();
    // The running run has no waiting record, but is never compacted: it is not waiting.
    assert.deepEqual(compacted, ['r_wait']);
  });

  it('compacts a waiting run whose latest record is older than half the retention period', async () => {
    const { state, retention, compacted } = retentionOf({ retentionDays: 1 });
    const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR_MS).toISOString();
    state.add(bareRun('r_old', { waiting: WEBHOOK_WAIT, recordedAt: at(13) }));
    state.add(bareRun('r_young', { waiting: WEBHOOK_WAIT, recordedAt: at(11) }));
    await retention.keepWaitsAlive();
    assert.deepEqual(compacted, ['r_old']);
  });

  it('checks the waits every 256 records whatever retention is', async () => {
    const { state, retention, compacted } = retentionOf({ retentionDays: 1 });
    const old = new Date(NOW.getTime() - 13 * HOUR_MS).toISOString();
    const waiting = bareRun('r_old', { waiting: WEBHOOK_WAIT, recordedAt: old });
    state.add(waiting);
    const running = bareRun('r_running');
    for (let seq = 1; seq < 256; seq += 1) retention.recorded(running, { seq, status: 'running' });
    await settle();
    assert.deepEqual(compacted, []);
    retention.recorded(running, { seq: 256, status: 'running' });
    await settle();
    assert.deepEqual(compacted, ['r_old']);
  });

  it('warns and goes on when a compaction fails', async () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    const state = new RunState();
    const retention = new RunRetention({
      settings: () => settingsSchema.parse({ runs: { retentionDays: 1 } }),
      logger,
      now: () => NOW,
      runs: state,
      compact: () => Promise.reject(new Error('disk full')),
    });
    state.add(bareRun('r_old', { waiting: WEBHOOK_WAIT, recordedAt: new Date(0).toISOString() }));
    await retention.keepWaitsAlive();
    assert.deepEqual(warnings, ['could not refresh waiting runs in the run log']);
  });
});
