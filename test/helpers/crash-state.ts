// Edits a stopped runtime's run log the way a crash would have left it (records appended,
// nothing rewritten). The restart integration tests kill real processes; these tests need
// states no shipped node reaches yet (a `webhook` wait) or exact crash points.
import assert from 'node:assert/strict';
import { RunLog } from '../../runtime/engine/run-log';
import type { RunRecord } from '../../runtime/engine/run-record';
import { silentLogger } from '../../runtime/logger';
import { settingsSchema } from '../../runtime/shared/settings';

/** Appends `change(latest)` to the run's records in a stopped data folder's run log. */
export async function writeCrashState(
  dataDir: string,
  change: (latest: RunRecord) => RunRecord,
  runId: string,
): Promise<void> {
  const log = await RunLog.open(dataDir, () => settingsSchema.parse({}).runs, silentLogger);
  const latest = await log.latestRecord(runId);
  assert.ok(latest, `the run log has run ${runId}`);
  await log.append(change(latest));
  await log.close();
}

/** A change turning the run's wait into a `webhook` wait at `nodeId` with this key. */
export const asWebhookWait =
  (nodeId: string, key: string, until?: string) =>
  (latest: RunRecord): RunRecord => ({
    ...latest,
    seq: latest.seq + 1,
    at: new Date().toISOString(),
    steps: [],
    full: undefined,
    input: undefined,
    waiting: {
      kind: 'webhook',
      nodeId,
      key,
      since: latest.at,
      ...(until ? { until, timeoutHandle: 'next' } : {}),
    },
  });
