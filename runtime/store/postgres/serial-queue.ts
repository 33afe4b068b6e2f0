// One at a time, in order: each PostgreSQL store runs its writes and its refreshes from the
// change feed through one of these. A refresh therefore reads the database after every
// earlier write of this instance committed, and its answer lands before any later one:
// the in-memory copy only ever moves forward, without version numbers on the rows.

export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after everything queued before it; its result or error is the caller's. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(work);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once everything queued so far has finished. */
  async settled(): Promise<void> {
    let tail: Promise<unknown>;
    do {
      tail = this.#tail;
      await tail;
    } while (tail !== this.#tail);
  }
}

/** A timestamptz column as the ISO string the JSON stores keep. */
export const isoOf = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
