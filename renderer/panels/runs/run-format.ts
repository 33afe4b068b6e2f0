// How runs read in the designer: status, trigger, version, times. Pure, so tested alone.
import { findNodeDefinition } from '../../../runtime/nodes/definitions';
import { describeNodeConfig } from '../../../runtime/shared/node-definition';
import type { RunBranch, RunStatus, RunStep, RunSummary } from '../../../runtime/shared/run';

export const STATUS_TEXT: Record<RunStatus, string> = {
  running: 'Running',
  waiting: 'Waiting',
  completed: 'Completed',
  failed: 'Failed',
};

const TRIGGER_TEXT: Record<string, string> = {
  manual: 'Manual',
  webhook: 'Webhook',
  api: 'API',
  'test-chat': 'Test chat',
  widget: 'Web widget',
  jump: 'Jump',
  replay: 'Replay',
};

/** Trigger types the runtime may add later still read as something. */
export function triggerText(type: string): string {
  return TRIGGER_TEXT[type] ?? type.replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export function versionText(version: number | 'draft'): string {
  return version === 'draft' ? 'Draft' : `v${version}`;
}

export function isLive(status: RunStatus): boolean {
  return status === 'running' || status === 'waiting';
}

/** `0.4 s`, `12 s`, `3 min 05 s`, `2 h 10 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A request's time: `84 ms` under a second, else as formatDuration. */
export function formatMs(ms: number): string {
  if (Number.isFinite(ms) && ms >= 0 && ms < 1000) return `${Math.round(ms)} ms`;
  return formatDuration(ms);
}

/** From start to end, or to `now` while the run goes on. */
export function runDuration(
  run: { startedAt: string; endedAt?: string | undefined },
  now: number,
): number {
  const start = Date.parse(run.startedAt);
  // `now` may be a tick older than a run that just started: never a negative duration.
  return run.endedAt ? Date.parse(run.endedAt) - start : Math.max(0, now - start);
}

/** A start time: the time alone today, else the date too. */
export function formatStarted(iso: string, now: number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const today = new Date(now).toDateString() === date.toDateString();
  const time = date.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  if (today) return time;
  return `${date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${time}`;
}

/** A value as readable JSON (strings stay bare on one line). */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** What the step's output handle means, in the words the node card uses. */
export function handleText(
  step: Pick<RunStep, 'nodeType' | 'outputHandle'>,
  config: Record<string, unknown> | undefined,
): string | undefined {
  const handle = step.outputHandle;
  if (handle === undefined) return undefined;
  if (handle.startsWith('jump:')) return `Jumps to ${handle.slice(5)}`;
  if (handle.startsWith('flow:')) return `Starts flow ${handle.slice(5)}`;
  const definition = findNodeDefinition(step.nodeType);
  if (!definition) return handle;
  const outputs = describeNodeConfig(definition, config ?? {}).outputs;
  return outputs.find((output) => output.id === handle)?.label ?? handle;
}

/** A branch as a list reads it: an event case alone ("Purchase approved"), else "Node: Output". */
export function branchText(branch: RunBranch, nodeType: string | undefined): string {
  const trigger = nodeType !== undefined && findNodeDefinition(nodeType)?.isTrigger === true;
  return trigger ? branch.label : `${branch.node}: ${branch.label}`;
}

/**
 * What tells a run from the next in the list: the branches it took and where it ended
 * ("Purchase approved › Big order?: True → Onboard"); a waiting run says where it waits
 * (named by `nameOf`, from the canvas: the run has not ended anywhere yet). Empty when
 * there is nothing to tell (a run recorded before runs kept this, a straight path).
 */
export function routeText(
  run: Pick<RunSummary, 'status' | 'branches' | 'endNode' | 'waiting'>,
  typeOf: (nodeId: string) => string | undefined,
  nameOf: (nodeId: string) => string | undefined,
): string {
  const parts = (run.branches ?? []).map((branch) => branchText(branch, typeOf(branch.nodeId)));
  const route = parts.join(' › ');
  const waitsAt = run.waiting ? nameOf(run.waiting.nodeId) : undefined;
  const end =
    run.status === 'waiting' && waitsAt
      ? `waits at ${waitsAt}`
      : run.endNode
        ? run.status === 'failed'
          ? `failed at ${run.endNode.name}`
          : `ended at ${run.endNode.name}`
        : '';
  if (!end) return route;
  return route ? `${route} → ${end}` : end.charAt(0).toUpperCase() + end.slice(1);
}

/** "1 chat step skipped" (headless runs skip nodes that talk to a person). */
export function chatSkippedText(count: number): string {
  return `${count} chat ${count === 1 ? 'step' : 'steps'} skipped`;
}
