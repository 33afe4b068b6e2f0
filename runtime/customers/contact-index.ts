// The in-memory lookup of the customers store: every live customer by id, and per normalised
// key (`email:…`, `phone:+55…`) the customers holding it. Rebuilt from the log on open, and
// 100,000 customers stay on the heap, where every object is work for each major GC (the
// largest cost of a bound webhook in `npm run bench:customers`). So it is built small:
// - one map per key space (`phone`, `email`, …) keyed by the compared value, which for
//   phones, documents and lower-case e-mails is the customer's own string (a composed
//   `phone:+55…` key was a new string per key per customer);
// - almost every key has one holder, kept as the bare id; a Set only when shared (one Set
//   per key for 100k customers × ~4 keys roughly doubled the cold start);
// - no list of keys per customer: its keys are recomputed from its previous state, which
//   the index holds anyway (customers are immutable; a change replaces the object).
import type { Customer } from './customer';
import { compareValue, keyKind } from './normalize';

type Holders = string | Set<string>;
type Visit = (kind: string, value: string, id: string) => void;

export class ContactIndex {
  readonly #byId = new Map<string, Customer>();
  readonly #byKind = new Map<string, Map<string, Holders>>();

  /** Replaces what the index knows of this customer (undefined: it was deleted). */
  set(id: string, customer: Customer | undefined): void {
    const before = this.#byId.get(id);
    if (before === customer) return;
    if (before) eachKey(before, id, this.#remove);
    if (!customer) {
      this.#byId.delete(id);
      return;
    }
    this.#byId.set(id, customer);
    eachKey(customer, id, this.#add);
  }

  get(id: string): Customer | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  get size(): number {
    return this.#byId.size;
  }

  /** Every live customer, in the order they were first indexed. */
  customers(): IterableIterator<Customer> {
    return this.#byId.values();
  }

  /** The ids holding a searchKey() key. */
  ids(key: string): Iterable<string> {
    const colon = key.indexOf(':');
    if (colon < 0) return [];
    const holders = this.#byKind.get(key.slice(0, colon))?.get(key.slice(colon + 1));
    if (holders === undefined) return [];
    return typeof holders === 'string' ? [holders] : holders;
  }

  readonly #add: Visit = (kind, value, id) => {
    let values = this.#byKind.get(kind);
    if (!values) this.#byKind.set(kind, (values = new Map()));
    const holders = values.get(value);
    if (holders === undefined || holders === id) values.set(value, id);
    else if (typeof holders === 'string') values.set(value, new Set([holders, id]));
    else holders.add(id);
  };

  readonly #remove: Visit = (kind, value, id) => {
    const values = this.#byKind.get(kind);
    const holders = values?.get(value);
    if (!values || holders === undefined) return;
    if (holders === id) values.delete(value);
    else if (typeof holders === 'object') {
      holders.delete(id);
      const [only, ...rest] = holders;
      if (only !== undefined && rest.length === 0) values.set(value, only);
    }
  };
}

/** Every key a customer is found by: its direct columns and its contacts. */
function eachKey(customer: Customer, id: string, visit: Visit): void {
  if (customer.name) visit('name', compareValue('name', customer.name), id);
  if (customer.email) visit('email', compareValue('email', customer.email), id);
  if (customer.phone) visit('phone', customer.phone, id);
  if (customer.document) visit('document', customer.document, id);
  for (const { type, value } of customer.contacts) {
    visit(keyKind(type), compareValue(type, value), id);
  }
}
