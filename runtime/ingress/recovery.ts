// Crash recovery for inbound calls. A call is recorded (with its run id) before its 2xx
// and its run is started right after; a crash in between (SIGKILL, power loss) leaves an
// accepted call with no run. At start, every such call gets its run started under the
// recorded run id — exactly once, because the engine records the start durably and a run
// id the run log knows is skipped.
//
// Only calls from the last RECOVERY_WINDOW_MS before the newest call are considered: a
// run's records can leave the run log by retention while its call is still in the call
// log, and such an old call must not run a second time.
import type { CallRecord } from '../shared/calls';
import { parseCallBody } from './parse-call-body';
import type { Ingress } from './pipeline';
import { messageOf } from './reply';
import { webhookRunStart } from './run-start';

export const RECOVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Starts the runs of accepted calls that have none; resolves with how many it started. */
export async function recoverAcceptedCalls<Binding>(ingress: Ingress<Binding>): Promise<number> {
  const { calls, engine, logger, channels } = ingress.deps;
  let newest = 0;
  for (const call of calls.projections()) newest = Math.max(newest, Date.parse(call.at) || 0);
  const pending = [...calls.projections()].filter(
    (call) =>
      call.runId !== undefined &&
      !call.captured &&
      !call.resumed &&
      !call.duplicateOf &&
      !call.runError &&
      newest - (Date.parse(call.at) || 0) <= RECOVERY_WINDOW_MS &&
      !engine.hasRun(call.runId),
  );
  let started = 0;
  for (const call of pending) {
    const found = await calls.readWhole(call.id);
    const runId = found?.record.runId;
    if (!found || runId === undefined) continue;
    const { record } = found;
    const failed = (reason: string) =>
      calls.update(record, { seq: record.seq + 1, runError: reason }).catch(() => undefined);
    const trigger = ingress.triggers.published(record.flowId, record.nodeId);
    if (!trigger?.published) {
      await failed('The trigger was no longer published when Hookflow restarted');
      continue;
    }
    const bytes = found.body;
    if (!bytes) {
      await failed('The call’s body was not kept whole, so its run could not be started');
      continue;
    }
    try {
      const parsed = await parseCallBody(bytes, record.headers['content-type'], trigger);
      const chat = chatOf(record, channels);
      await engine.startRun(
        webhookRunStart(record, runId, trigger.published, parsed.value, chat, record.replayOf),
      );
      started += 1;
    } catch (error) {
      logger.warn('could not start the run of a recorded call after a restart', {
        callId: record.id,
        error: messageOf(error),
      });
      await failed(messageOf(error));
    }
  }
  if (started > 0) logger.info(`started ${started} run(s) of calls accepted before a crash`);
  return started;
}

function chatOf<Binding>(
  record: CallRecord,
  channels: readonly { name: string; bind(key: string): Binding | undefined }[],
): Binding | undefined {
  const { channel, chatId } = record.params;
  if (channel === undefined) return undefined;
  return channels.find((item) => item.name === channel)?.bind(chatId ?? '');
}
