// What the ingress needs from the engine, as a narrow interface: start a run under an id
// the ingress chose (it is in the call record before the 2xx, so crash recovery starts the
// same run exactly once), wait for its result, and know whether the run log has it.
import { ApiError } from '../api/api-error';
import type { MissedWait } from '../engine/missed-wait';
import type { DraftGraph } from '../shared/flow-document';

export interface WebhookRunInput {
  body: unknown;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  params: Record<string, unknown>;
  ip: string;
  method: string;
}

/** A chat a Start webhook URL binds its run to (`…/{channel}/{chatId}`). */
export interface IngressChannel<Binding> {
  readonly name: string;
  bind(key: string): Binding | undefined;
  /** Why the channel cannot take a run now (not connected: what to do), else undefined. */
  unavailable?(): { message?: string; action?: string } | undefined;
  /** Why `key` cannot be bound (no such chat; its person never wrote first), else undefined. */
  refuse?(key: string): { status: 404 | 409; code: string; message: string } | undefined;
}

/**
 * The chat a Start webhook URL names (`…/{channel}/{chatId}`), or why not: 404 for a
 * channel Hookflow does not have or a chat it does not know, 409 for a channel that is not
 * connected or a person who has not written to the bot (seed 004). Each names the
 * channels that can take a run now.
 */
export function bindChat<Binding>(
  channels: readonly IngressChannel<Binding>[],
  channel: string,
  chatId: string,
): Binding {
  const available = channels.filter((item) => !item.unavailable?.()).map((item) => item.name);
  const availableText = `Available channels: ${available.join(', ') || 'none'}.`;
  const found = channels.find((item) => item.name === channel);
  if (!found) {
    throw new ApiError(
      404,
      'unknown_channel',
      `There is no channel "${channel.slice(0, 60)}". ${availableText}`,
      { channels: available },
    );
  }
  const down = found.unavailable?.();
  if (down) {
    const why = [down.message, down.action].filter(Boolean).join('. ');
    throw new ApiError(
      409,
      'channel_not_connected',
      `The ${channel} channel is not connected${why ? ` (${why})` : ''}. ${availableText}`,
      { channels: available },
    );
  }
  const refused = found.refuse?.(chatId);
  if (refused) throw new ApiError(refused.status, refused.code, refused.message);
  const binding = found.bind(chatId);
  if (!binding) {
    throw new ApiError(
      404,
      'chat_not_found',
      `The ${channel} channel has no chat "${chatId.slice(0, 80)}".`,
    );
  }
  return binding;
}

export interface WebhookRunStart<Binding> {
  runId: string;
  startRecorded: boolean;
  flowId: string;
  graph: DraftGraph;
  version: number;
  triggerNodeId: string;
  trigger: { type: 'webhook'; callId: string; replayOf?: string };
  input: WebhookRunInput;
  chat?: Binding;
}

export interface FinishedRun {
  status: string;
  variables: Record<string, unknown>;
  /** The End node's chosen variables. */
  output?: Record<string, unknown> | undefined;
  error?: string | undefined;
}

export interface IngressEngine<Binding> {
  /** Resolves once the run's start is durably recorded. */
  startRun(options: WebhookRunStart<Binding>): Promise<unknown>;
  /** The run once completed or failed; undefined if still going after `timeoutMs`. */
  waitForRun(runId: string, timeoutMs: number): Promise<FinishedRun | undefined>;
  /** Whether the run log knows this run. */
  hasRun(runId: string): boolean;
  newRunId(): string;
  /**
   * Resumes the newest run waiting on this `webhook` wait key with the call as its event;
   * resolves, once the event is durably recorded, with that run's id, or undefined when no
   * run waits there.
   */
  resumeWait(
    key: string,
    event: { kind: 'webhook'; payload: unknown },
  ): Promise<string | undefined>;
  /** Why no run waits on this correlation at this node (the engine's missedWait). */
  missedWait(flowId: string, nodeId: string, correlation: string): Promise<MissedWait>;
  /** True once run `runId` waits on this `webhook` wait key; false if not within `timeoutMs`. */
  whenWaiting(key: string, runId: string, timeoutMs: number): Promise<boolean>;
}
