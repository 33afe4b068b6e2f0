// Timers for waits (Delay, timeouts). setTimeout cannot wait longer than ~24.8 days and a
// Delay may wait 30, so long waits are re-armed in chunks. The durable part is the wait
// stored in the run log; these are only its in-memory alarm clocks.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class WaitTimers {
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Calls `fire` at `at` (at once when it is already past), replacing any timer for `id`. */
  set(id: string, at: Date, fire: () => void): void {
    this.clear(id);
    const arm = () => {
      const remaining = at.getTime() - this.now();
      if (remaining <= 0) {
        this.#timers.delete(id);
        fire();
        return;
      }
      // unref: a pending Delay must not keep a stopping process alive.
      this.#timers.set(id, setTimeout(arm, Math.min(remaining, MAX_TIMEOUT_MS)).unref());
    };
    // Even an overdue timer fires on a later tick, never inside the caller's stack.
    this.#timers.set(id, setTimeout(arm, 0).unref());
  }

  clear(id: string): void {
    const timer = this.#timers.get(id);
    if (timer) clearTimeout(timer);
    this.#timers.delete(id);
  }

  clearAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  get size(): number {
    return this.#timers.size;
  }
}
