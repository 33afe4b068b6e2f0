// The in-memory lookup index of the customers store: normalised key (`email:…`,
// `phone:+55…`) → the customers holding it. Rebuilt from the log on open, so it is built
// for that: almost every key has one holder, kept as the bare id; a Set only when shared
// (one Set per key for 100k customers × ~4 keys roughly doubled the cold start in
// `npm run bench:customers`).
import { keysOf } from './binding';
import type { Customer } from './customer';

type Holders = string | Set<string>;

export class ContactIndex {
  readonly #byKey = new Map<string, Holders>();
  readonly #keysOf = new Map<string, string[]>();

  /** Replaces what the index knows of this customer (undefined: it was deleted). */
  set(id: string, customer: Customer | undefined): void {
    for (const key of this.#keysOf.get(id) ?? []) this.#remove(key, id);
    if (!customer) {
      this.#keysOf.delete(id);
      return;
    }
    const keys = keysOf(customer);
    this.#keysOf.set(id, keys);
    for (const key of keys) this.#add(key, id);
  }

  ids(key: string): Iterable<string> {
    const holders = this.#byKey.get(key);
    if (holders === undefined) return [];
    return typeof holders === 'string' ? [holders] : holders;
  }

  #add(key: string, id: string): void {
    const holders = this.#byKey.get(key);
    if (holders === undefined || holders === id) this.#byKey.set(key, id);
    else if (typeof holders === 'string') this.#byKey.set(key, new Set([holders, id]));
    else holders.add(id);
  }

  #remove(key: string, id: string): void {
    const holders = this.#byKey.get(key);
    if (holders === id) this.#byKey.delete(key);
    else if (typeof holders === 'object') {
      holders.delete(id);
      const [only, ...rest] = holders;
      if (only !== undefined && rest.length === 0) this.#byKey.set(key, only);
    }
  }
}
