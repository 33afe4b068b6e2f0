// Things other parts of the runtime react to, such as the ingress rebuilding its map of
// published triggers. A tiny typed wrapper: event names and payloads are checked, and a
// failing listener is reported instead of failing the API call that emitted the event.
import { EventEmitter } from 'node:events';

export interface RuntimeEventMap {
  'flow-published': [flowId: string];
  'flow-unpublished': [flowId: string];
  'flow-deleted': [flowId: string];
}

export type RuntimeEventName = keyof RuntimeEventMap;

export class RuntimeEvents {
  readonly #emitter = new EventEmitter();

  constructor(
    private readonly onListenerError: (event: RuntimeEventName, error: unknown) => void = () => {},
  ) {}

  /** Subscribes; returns the function that unsubscribes. */
  on<E extends RuntimeEventName>(
    event: E,
    listener: (...args: RuntimeEventMap[E]) => void | Promise<void>,
  ): () => void {
    const safe = (...args: RuntimeEventMap[E]) => {
      try {
        Promise.resolve(listener(...args)).catch((error: unknown) =>
          this.onListenerError(event, error),
        );
      } catch (error) {
        this.onListenerError(event, error);
      }
    };
    this.#emitter.on(event, safe);
    return () => this.#emitter.off(event, safe);
  }

  emit<E extends RuntimeEventName>(event: E, ...args: RuntimeEventMap[E]): void {
    this.#emitter.emit(event, ...args);
  }
}
