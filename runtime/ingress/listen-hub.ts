// Listen mode (seed 001): admin SSE streams that receive each call to a trigger as it
// arrives. While a trigger has a listener, calls to its not-yet-published draft are
// captured instead of answered 404 (one URL, no separate test URL).
import { KeyedPubSub } from '../server/keyed-pub-sub';
import type { ListenedCall } from '../shared/calls';

export type ListenEvent = { type: 'call'; call: ListenedCall } | { type: 'closed' };

export class ListenHub {
  readonly #topics = new KeyedPubSub<ListenEvent>({ type: 'closed' });

  /** The trigger keys with at least one listener; read on every miss of the trigger map. */
  get listened(): ReadonlySet<string> {
    return this.#topics.keys;
  }

  isListened(key: string): boolean {
    return this.#topics.has(key);
  }

  /** Returns the function that stops listening. */
  subscribe(key: string, listener: (event: ListenEvent) => void): () => void {
    return this.#topics.subscribe(key, listener);
  }

  publish(key: string, call: ListenedCall): void {
    this.#topics.publish(key, { type: 'call', call });
  }

  /** Ends every stream (the runtime is stopping). */
  close(): void {
    this.#topics.close();
  }
}
