// When each project token was last used, to the minute, written in batches: a busy token
// is not a write per call. Both token backends (JSON, PostgreSQL) batch through this.

/** Last-used times are written at most this often. */
export const LAST_USED_WRITE_MS = 60_000;

export class TokenLastUsed {
  /** Last-used times not yet written. */
  readonly #used = new Map<string, string>();
  #flush: NodeJS.Timeout | undefined;

  constructor(
    private readonly now: () => Date,
    /** Writes a batch; a failure keeps the times for the next try. */
    private readonly write: (used: ReadonlyMap<string, string>) => Promise<void>,
  ) {}

  /** The pending time of a token, if it was used since the last write. */
  get(id: string): string | undefined {
    return this.#used.get(id);
  }

  forget(id: string): void {
    this.#used.delete(id);
  }

  /** Records a use (to the minute); written within LAST_USED_WRITE_MS, and on flush. */
  touch(id: string): void {
    const at = this.now();
    at.setSeconds(0, 0);
    this.#used.set(id, at.toISOString());
    this.#flush ??= setTimeout(() => void this.flush(), LAST_USED_WRITE_MS).unref();
  }

  /** Writes the pending times now (on stop, and from the timer). */
  async flush(): Promise<void> {
    clearTimeout(this.#flush);
    this.#flush = undefined;
    if (this.#used.size === 0) return;
    const used = new Map(this.#used);
    this.#used.clear();
    try {
      await this.write(used);
    } catch {
      // Only a "last used" time: kept in memory and tried again with the next use.
      for (const [id, at] of used) if (!this.#used.has(id)) this.#used.set(id, at);
    }
  }
}
