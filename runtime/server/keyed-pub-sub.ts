// Subscribers by key, and publishing to a key: what Listen mode (one key per trigger) and
// the test chat (one key per session) both need to push events to open HTTP streams.
export class KeyedPubSub<Event> {
  readonly #subscribers = new Map<string, Set<(event: Event) => void>>();
  /** The keys with at least one subscriber (Listen reads it on every trigger-map miss). */
  readonly #keys = new Set<string>();
  #closed = false;

  /** `closedEvent` is what every subscriber gets when close() ends them all. */
  constructor(private readonly closedEvent: Event) {}

  get keys(): ReadonlySet<string> {
    return this.#keys;
  }

  get closed(): boolean {
    return this.#closed;
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Returns the function that unsubscribes. After close(), the subscriber is told at once. */
  subscribe(key: string, subscriber: (event: Event) => void): () => void {
    if (this.#closed) {
      queueMicrotask(() => subscriber(this.closedEvent));
      return () => undefined;
    }
    let set = this.#subscribers.get(key);
    if (!set) {
      set = new Set();
      this.#subscribers.set(key, set);
      this.#keys.add(key);
    }
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.#subscribers.get(key) === set) {
        this.#subscribers.delete(key);
        this.#keys.delete(key);
      }
    };
  }

  publish(key: string, event: Event): void {
    for (const subscriber of this.#subscribers.get(key) ?? []) {
      try {
        subscriber(event);
      } catch {
        // A subscriber is one HTTP stream; its failure must not reach whoever published.
      }
    }
  }

  /** Resolves at the key's next event, after `ms`, or when `signal` aborts (a long-poll). */
  next(key: string, ms: number, signal: AbortSignal): Promise<void> {
    if (this.#closed || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      const unsubscribe = this.subscribe(key, done);
      signal.addEventListener('abort', done);
    });
  }

  /** Ends every subscription with `closedEvent` (the runtime is stopping). */
  close(): void {
    this.#closed = true;
    for (const key of [...this.#subscribers.keys()]) this.publish(key, this.closedEvent);
    this.#subscribers.clear();
    this.#keys.clear();
  }
}
