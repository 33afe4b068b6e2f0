// Listen mode (seed 001): admin SSE streams that receive each call to a trigger as it
// arrives. While a trigger has a listener, calls to its not-yet-published draft are
// captured instead of answered 404 (one URL, no separate test URL).
import type { ListenedCall } from '../shared/calls';

export type ListenEvent = { type: 'call'; call: ListenedCall } | { type: 'closed' };
type Listener = (event: ListenEvent) => void;

export class ListenHub {
  readonly #listeners = new Map<string, Set<Listener>>();
  /** The keys with at least one listener; read on every miss of the trigger map. */
  readonly #keys = new Set<string>();
  #closed = false;

  get listened(): ReadonlySet<string> {
    return this.#keys;
  }

  isListened(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Returns the function that stops listening. */
  subscribe(key: string, listener: Listener): () => void {
    if (this.#closed) {
      queueMicrotask(() => listener({ type: 'closed' }));
      return () => undefined;
    }
    let set = this.#listeners.get(key);
    if (!set) {
      set = new Set();
      this.#listeners.set(key, set);
      this.#keys.add(key);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(key) === set) {
        this.#listeners.delete(key);
        this.#keys.delete(key);
      }
    };
  }

  publish(key: string, call: ListenedCall): void {
    const set = this.#listeners.get(key);
    if (!set) return;
    for (const listener of set) {
      try {
        listener({ type: 'call', call });
      } catch {
        // A listener is one HTTP stream; its failure must not reach the webhook caller.
      }
    }
  }

  /** Ends every stream (the runtime is stopping). */
  close(): void {
    this.#closed = true;
    for (const set of this.#listeners.values()) {
      for (const listener of set) listener({ type: 'closed' });
    }
    this.#listeners.clear();
    this.#keys.clear();
  }
}
