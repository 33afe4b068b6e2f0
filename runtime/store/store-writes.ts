// The write bookkeeping the append-only stores (customers, chats) share. Every durable
// append is tracked, so `settled()` can wait for all of them. Each record's latest append
// is known by id: a caller that changed nothing still waits for the write that made the
// state it read durable. A compaction runs alone behind a gate that new writes wait at.
export class StoreWrites {
  readonly #pending = new Set<Promise<void>>();
  readonly #latest = new Map<string, Promise<void>>();
  #gate: Promise<void> | undefined;

  /** A compaction holds the gate (no second one is scheduled meanwhile). */
  get compacting(): boolean {
    return this.#gate !== undefined;
  }

  /** Resolves once no compaction holds the gate. */
  async open(): Promise<void> {
    while (this.#gate) await this.#gate;
  }

  /** An append `settled()` waits for. */
  track(promise: Promise<void>): Promise<void> {
    this.#pending.add(promise);
    const done = (): void => void this.#pending.delete(promise);
    promise.then(done, done);
    return promise;
  }

  /** A record's append, remembered as its latest until it settles. */
  record(id: string, promise: Promise<void>): Promise<void> {
    const appended = this.track(promise);
    this.#latest.set(id, appended);
    const settle = (): void => {
      if (this.#latest.get(id) === appended) this.#latest.delete(id);
    };
    appended.then(settle, settle);
    return appended;
  }

  /** The record's append still in flight, if any. */
  latest(id: string): Promise<void> | undefined {
    return this.#latest.get(id);
  }

  async settled(): Promise<void> {
    while (this.#gate || this.#pending.size > 0) {
      await this.#gate;
      await Promise.allSettled([...this.#pending]);
    }
  }

  /** Runs `work` alone: after every append in flight, with new writes waiting behind it. */
  async exclusive(work: () => Promise<void>): Promise<void> {
    while (this.#gate) await this.#gate;
    let release!: () => void;
    this.#gate = new Promise((resolve) => (release = resolve));
    try {
      await Promise.allSettled([...this.#pending]);
      await work();
    } finally {
      this.#gate = undefined;
      release();
    }
  }
}
