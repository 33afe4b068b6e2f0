// Which parked runs wait for what: input and webhook waits indexed by their key, timers
// (Delays, timeouts) as alarm clocks. The durable side of a wait is its run record; this
// is the in-memory index rebuilt from it on open.
import type { ResumeEvent, WaitSpec } from '../shared/run';
import type { ActiveRun } from './active-run';
import type { ChatRef } from './chat';
import { WaitTimers } from './timers';

/**
 * What an event is for: a reply in one conversation of one channel (two channels may use
 * the same chat keys), or a webhook wait's key (runtime/shared/node-endpoint.ts).
 */
export type WaitTarget = { kind: 'input'; chat: ChatRef } | { kind: 'webhook'; key: string };

export class WaitRegistry {
  /** The target's slot → runs waiting for that event, oldest first. */
  readonly #byKey = new Map<string, ActiveRun[]>();
  readonly #timers = new WaitTimers();

  /** Indexes the run's wait; `fire` is called with the timer or timeout event when due. */
  arm(active: ActiveRun, fire: (event: ResumeEvent) => void): void {
    const wait = active.run.waiting;
    if (!wait) return;
    if (wait.kind === 'timer') {
      this.#timers.set(active.id, new Date(wait.until ?? 0), () => fire({ kind: 'timer' }));
      return;
    }
    const slot =
      wait.kind === 'input'
        ? slotOf({
            kind: 'input',
            chat: { channel: active.chat?.ref.channel ?? '', key: wait.key },
          })
        : slotOf({ kind: 'webhook', key: wait.key });
    this.#byKey.set(slot, [...(this.#byKey.get(slot) ?? []), active]);
    if (wait.until) {
      this.#timers.set(active.id, new Date(wait.until), () => fire({ kind: 'timeout' }));
    }
  }

  disarm(active: ActiveRun): void {
    this.#timers.clear(active.id);
    for (const [slot, runs] of this.#byKey) {
      const rest = runs.filter((run) => run !== active);
      if (rest.length === runs.length) continue;
      if (rest.length === 0) this.#byKey.delete(slot);
      else this.#byKey.set(slot, rest);
    }
  }

  /** Runs waiting for this event, newest first (the newest gets it). */
  waitingFor(target: WaitTarget): ActiveRun[] {
    return [...(this.#byKey.get(slotOf(target)) ?? [])].reverse();
  }

  /** Stops every alarm clock (the engine is stopping; the waits stay stored). */
  silence(): void {
    this.#timers.clearAll();
  }
}

function slotOf(target: WaitTarget): string {
  return target.kind === 'input'
    ? `input\0${target.chat.channel}\0${target.chat.key}`
    : `webhook\0${target.key}`;
}

/** Whether this event ends this wait. */
export function resumes(wait: WaitSpec, event: ResumeEvent): boolean {
  if (event.kind === 'timeout') return wait.kind !== 'timer' && wait.until !== undefined;
  return wait.kind === event.kind;
}
