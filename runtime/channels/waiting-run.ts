// Which run a person's message in a chat resumes, for every channel: the run waiting for
// input there — or, when the chat's run is still going, the one it is about to be. A bot
// message goes out a moment before its run is parked waiting for the answer, so a quick
// reply to a running run is given a short grace period rather than taken as a new start.
import type { Engine } from '../engine/engine';
import type { WaitTarget } from '../engine/wait-registry';

/** How long a reply waits for a running run to start waiting for it. */
export const REPLY_GRACE_MS = 5_000;

export type WaitingRun = ReturnType<Engine['waitingFor']>;

/**
 * The run waiting for `target` now, or once the chat's live run (`isLive`: running, or
 * writing down its wait) starts waiting; undefined when none does within `graceMs`.
 */
export function waitingRunSoon(
  engine: Engine,
  target: WaitTarget,
  isLive: () => boolean,
  graceMs = REPLY_GRACE_MS,
): Promise<WaitingRun> {
  const now = engine.waitingFor(target);
  if (now || !isLive()) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (value: WaitingRun) => {
      clearTimeout(timer);
      stop();
      resolve(value);
    };
    const timer = setTimeout(() => finish(undefined), graceMs);
    const stop = engine.onUpdate(() => {
      const waiting = engine.waitingFor(target);
      if (waiting || !isLive()) finish(waiting);
    });
  });
}
