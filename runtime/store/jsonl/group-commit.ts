// Group commit: whatever arrives while a write+fsync is in flight goes out together in
// the next single write+fsync. Each caller's promise settles with its own batch, in order.

/** Runs tasks one at a time, in call order. Writes, rotation and retention share one. */
export class SerialLock {
  #tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

interface Waiting<T> {
  item: T;
  bytes: number;
  records: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  #waiting: Waiting<T>[] = [];
  #draining: Promise<void> | undefined;

  constructor(
    private readonly lock: SerialLock,
    /** A batch stops growing at this size (it always takes at least one item). */
    private readonly maxBatch: { bytes: number; records: number },
    /** Writes the items durably, or throws: then every item of the batch is rejected. */
    private readonly commit: (items: T[]) => Promise<void>,
  ) {}

  submit(item: T, bytes: number, records: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ item, bytes, records, resolve, reject });
      this.#draining ??= this.#drain();
    });
  }

  /** Resolves once everything submitted so far has settled. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    while (this.#waiting.length > 0) {
      await this.lock.run(async () => {
        // Taken when the lock is ours, not before: everything that queued while the
        // previous batch was being synced joins this one.
        const batch = this.#take();
        try {
          await this.commit(batch.map((waiting) => waiting.item));
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
          return;
        }
        for (const waiting of batch) waiting.resolve();
      });
    }
    // Cleared in the same tick as the emptiness check, so a submit cannot slip between.
    this.#draining = undefined;
  }

  #take(): Waiting<T>[] {
    let bytes = 0;
    let records = 0;
    let count = 0;
    for (const waiting of this.#waiting) {
      const over =
        bytes + waiting.bytes > this.maxBatch.bytes ||
        records + waiting.records > this.maxBatch.records;
      if (count > 0 && over) break;
      bytes += waiting.bytes;
      records += waiting.records;
      count += 1;
    }
    return this.#waiting.splice(0, count);
  }
}
