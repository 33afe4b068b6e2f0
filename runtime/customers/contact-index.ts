// The in-memory lookup index of the customers store: normalised key (`email:…`,
// `phone:+55…`) → the customers holding it. Rebuilt from the log on open.
import { keysOf } from './binding';
import type { Customer } from './customer';

export class ContactIndex {
  readonly #byKey = new Map<string, Set<string>>();
  readonly #keysOf = new Map<string, string[]>();

  /** Replaces what the index knows of this customer (undefined: it was deleted). */
  set(id: string, customer: Customer | undefined): void {
    for (const key of this.#keysOf.get(id) ?? []) {
      const ids = this.#byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.#byKey.delete(key);
    }
    if (!customer) {
      this.#keysOf.delete(id);
      return;
    }
    const keys = keysOf(customer);
    this.#keysOf.set(id, keys);
    for (const key of keys) {
      let ids = this.#byKey.get(key);
      if (!ids) this.#byKey.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  ids(key: string): ReadonlySet<string> {
    return this.#byKey.get(key) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
