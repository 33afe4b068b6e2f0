// Replay (issue 4 "Logs"): an admin re-runs a logged call. It goes through the pipeline
// from parse onward against the trigger's CURRENT published version, and is recorded as a
// new call marked `replayOf` (its run's trigger says so too).
import { ApiError } from '../api/api-error';
import { refusedCaller, type ReplayRequest, type ReplayResult } from '../shared/calls';
import { CallDraft } from './call-draft';
import { parseCallBody } from './parse-call-body';
import type { Ingress } from './pipeline';

export async function replayCall<Binding>(
  ingress: Ingress<Binding>,
  callId: string,
  options: ReplayRequest = {},
): Promise<ReplayResult> {
  const { calls, channels } = ingress.deps;
  const found = await calls.readWhole(callId);
  const record = found?.record;
  if (!record) throw new ApiError(404, 'not_found', `No call with id "${callId}"`);
  const trigger = ingress.triggers.published(record.flowId, record.nodeId);
  if (!trigger) {
    throw new ApiError(
      409,
      'trigger_not_published',
      'The trigger of this call is not in the published version of its flow: publish it to replay the call.',
    );
  }
  if (record.resumed) {
    throw new ApiError(
      409,
      'not_replayable',
      'This call continued a run that was waiting for it; that run has moved on, so the call cannot be replayed.',
    );
  }
  if (refusedCaller(record) && options.skipAuthentication !== true) {
    // One click must not turn a stranger's refused call into a run: the replay would
    // skip the very check that refused it. The designer asks first, then sends the flag.
    throw new ApiError(
      409,
      'replay_skips_authentication',
      `This call was refused (${record.status ?? 'no status'}${record.auth.code ? ` ${record.auth.code}` : ''}): a replay runs the flow without checking who sent it. Send {"skipAuthentication": true} to replay it anyway.`,
    );
  }
  const bytes = found.body;
  if (!bytes) {
    throw new ApiError(
      409,
      'body_not_kept',
      'Only the start of this call’s body was kept (it was refused, or longer than the log keeps), so it cannot be replayed.',
    );
  }
  const draft = CallDraft.fromRecord(record, trigger, ingress.secretValues());
  draft.receive(bytes);
  // Authentication is skipped on purpose: an admin asked for this replay through the
  // authenticated admin API, and the original credentials were never stored (they are
  // redacted) — a signed timestamp would be stale by now anyway.
  draft.auth = { outcome: 'not-checked' };
  draft.receiveParsed(await parseCallBody(bytes, record.headers['content-type'], trigger));
  const { channel, chatId } = record.params;
  // The chat may be gone since: the replay then runs headless.
  const chat =
    channel === undefined
      ? undefined
      : channels.find((item) => item.name === channel)?.bind(chatId ?? '');
  const reply = await ingress.recordAndRun(draft, trigger, chat, undefined, record.id);
  if (reply.runId === undefined) {
    const body = reply.body;
    throw new ApiError(reply.status, 'replay_failed', 'The replay could not be recorded', body);
  }
  await reply.after?.();
  return { callId: draft.id, runId: reply.runId, replayOf: record.id };
}
