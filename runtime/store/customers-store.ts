// Customers, in the data folder as an append-only JSON Lines log (runtime/store/jsonl-log):
// every change appends the customer's whole new state (or a deletion), group-committed and
// fsync'd before the call that made it resolves, so an acknowledged change survives a
// crash. Why not a JSON document: a document rewritten whole on every webhook is O(all
// customers) per call; an append is O(one customer). Memory holds every live customer and
// an index per normalised contact value (runtime/customers/contact-index.ts).
//
// Find-or-create is atomic because search, decision and in-memory update run in one
// synchronous section (no await between them): fifty concurrent binds for one person see
// each other's result and make one customer. The durable append is awaited afterwards.
// If that append fails, the caller gets the error while memory already holds the change;
// the next change to that customer appends its whole state again, so nothing half-written
// is ever read back.
//
// Compaction: superseded states pile up in the log, so once it holds more than twice the
// live customers (and at least COMPACT_MIN_GARBAGE superseded records) the live state is
// written to a fresh generation folder, which `current.json` (written atomically) then
// names; the old folder is removed. A crash before the pointer moves leaves the old
// generation in charge; after, the new one. Writes wait during a compaction.
import { randomText } from '../security/random-pool';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  applyUpdateRules,
  compareAge,
  emptyCustomer,
  prepareRows,
  searchCustomers,
  type BindingRow,
  type ValueFlag,
} from '../customers/binding';
import { ContactIndex } from '../customers/contact-index';
import {
  CONTACT_TYPES,
  customerSchema,
  type ContactType,
  type Customer,
} from '../customers/customer';
import { silentLogger, type Logger } from '../logger';
import { writeFileAtomic } from './atomic-file';
import { StoreWrites } from './store-writes';
import { JsonlLog } from './jsonl-log';
import type { StoreProblems } from './store-problems';

const recordSchema = z.union([
  z.object({ id: z.string(), at: z.string(), customer: customerSchema }),
  z.object({ id: z.string(), at: z.string(), deleted: z.literal(true) }),
]);
type CustomerRecord = z.infer<typeof recordSchema>;

const pointerSchema = z.object({ generation: z.number().int().min(1) });
const COMPACT_MIN_GARBAGE = 10_000;
// Large segments: the log is read whole on open, and fewer files open faster.
const SEGMENT_RECORDS = 50_000;

export interface CustomersStoreOptions {
  /** The store's folder (`<data>/customers`). */
  dir: string;
  problems?: StoreProblems;
  logger?: Logger;
  /** Read on every bind, so a settings change applies at once. */
  defaultCountry?: () => string | undefined;
}

export type BindStatus = 'created' | 'updated' | 'unchanged' | 'unbound';

export interface BindResult {
  status: BindStatus;
  /** The bound customer; absent when no flagged row had a value ('unbound'). */
  customer?: Customer;
  /** Other customers that also matched; the oldest (`customer`) won. */
  otherMatches: string[];
  /** Values that did not normalise, kept as given. */
  flags: ValueFlag[];
}

let lastIdMs = -1;
let sameMs = 0;

export class CustomersStore {
  /** Every live customer, by id and by normalised key. */
  readonly #index = new ContactIndex();
  /** The newest not-yet-durable write of each customer, which an unchanged bind awaits. */
  readonly #writes = new StoreWrites();
  // Set by #read, before any read or write is let through (they wait for #loaded).
  #log!: JsonlLog<CustomerRecord, Customer | undefined>;
  #generation = 0;
  #loaded: Promise<void> = Promise.resolve();
  #ready = false;

  private constructor(private readonly options: CustomersStoreOptions) {}

  /** Opens the store and resolves once its customers are in memory. */
  static async open(options: CustomersStoreOptions): Promise<CustomersStore> {
    const store = CustomersStore.load(options);
    await store.loaded();
    return store;
  }

  /**
   * The store at once, its customers read in the background: 100,000 take ~1 s, and the
   * runtime need not wait for them to serve the designer and accept webhooks (a call is
   * recorded before its run binds a customer). Writes wait for the load; readers of the
   * synchronous views (get, all, byKey, size) await `loaded()` first. If the load fails,
   * every write and `loaded()` reject with its error.
   */
  static load(options: CustomersStoreOptions): CustomersStore {
    const store = new CustomersStore(options);
    store.#loaded = store.#writes.exclusive(() => store.#read()).then(() => store.#compactIfDue());
    // Observed here so an unawaited failure is not an unhandled rejection; callers still get it.
    store.#loaded.catch(() => undefined);
    return store;
  }

  /** Resolves once the customers are in memory; rejects if they could not be read. */
  loaded(): Promise<void> {
    return this.#loaded;
  }

  async #read(): Promise<void> {
    const { options } = this;
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    const generation = await readPointer(options);
    // Leftovers of a compaction that crashed before or after the pointer moved.
    for (const entry of await readdir(options.dir)) {
      if (/^log-\d+$/.test(entry) && entry !== generationDir(generation)) {
        await rm(join(options.dir, entry), { recursive: true, force: true });
      }
    }
    this.#log = await openLog(options, generation);
    this.#generation = generation;
    for (const customer of this.#log.latestAll()) {
      if (customer) this.#index.set(customer.id, compactRead(customer));
    }
    this.#ready = true;
  }

  static newId(now = Date.now()): string {
    // Time-ordered, then a count within the millisecond, so among equal creation times the
    // id still says which came first (an import creates hundreds in one millisecond, and
    // lists them in file order); the random part keeps ids of two processes apart.
    sameMs = now === lastIdMs ? sameMs + 1 : 0;
    lastIdMs = now;
    return (
      `cus_${now.toString(36).padStart(9, '0')}${sameMs.toString(36).padStart(4, '0')}` +
      randomText(6, 'hex')
    );
  }

  get(id: string): Customer | undefined {
    return this.#readable().#index.get(id);
  }

  get size(): number {
    return this.#readable().#index.size;
  }

  /** Every live customer, oldest first. */
  all(): Customer[] {
    return [...this.#readable().#index.customers()].sort(compareAge);
  }

  /** Customers holding this normalised key (`email:a@b.co`), oldest first. */
  byKey(key: string): Customer[] {
    return this.#readable().#lookup(key).sort(compareAge);
  }

  /** Loud rather than an empty answer: a reader that did not await `loaded()`. */
  #readable(): this {
    if (!this.#ready) throw new Error('The customers are still loading: await loaded() first');
    return this;
  }

  /** Find-or-create by the seed's rules; resolves once the change is durable. */
  async bind(rows: readonly BindingRow[], at = new Date()): Promise<BindResult> {
    await this.#open();
    const { rows: prepared, flags } = prepareRows(rows, {
      defaultCountry: this.options.defaultCountry?.(),
    });
    if (!prepared.some((row) => row.search)) {
      return { status: 'unbound', otherMatches: [], flags };
    }
    // From here to #write: synchronous, which is what makes find-or-create atomic.
    const now = at.toISOString();
    const { match, others } = searchCustomers(prepared, (key) => this.#lookup(key));
    const base = match ?? emptyCustomer(CustomersStore.newId(at.getTime()), now);
    const next = applyUpdateRules(base, prepared, now);
    const status: BindStatus = !match ? 'created' : next === match ? 'unchanged' : 'updated';
    // Unchanged still waits for the write that made this state, if it is not on disk yet
    // (fifty binds at once: one creates, 49 find it; none may answer before it is durable).
    await (status === 'unchanged' ? this.#writes.latest(next.id) : this.#write(next, now));
    return { status, customer: next, otherMatches: others.map((other) => other.id), flags };
  }

  /** Replaces a customer's editable fields (the admin API validates them first). */
  async replace(
    id: string,
    change: (current: Customer) => Customer,
  ): Promise<Customer | undefined> {
    await this.#open();
    const current = this.#index.get(id);
    if (!current) return undefined;
    const now = new Date().toISOString();
    const next = { ...change(current), id, createdAt: current.createdAt, updatedAt: now };
    await this.#write(next, now);
    return next;
  }

  /** Adds a customer as given (import); the caller has normalised it. */
  async insert(customer: Customer): Promise<void> {
    await this.#open();
    await this.#write(customer, customer.updatedAt);
  }

  /** Deletes the customer; runs that named it keep their records. */
  async delete(id: string): Promise<boolean> {
    await this.#open();
    if (!this.#index.has(id)) return false;
    this.#index.set(id, undefined);
    await this.#writes.track(this.#log.append({ id, at: new Date().toISOString(), deleted: true }));
    this.#scheduleCompaction();
    return true;
  }

  /** Writes the live customers to a new generation and drops the old one. */
  async compact(): Promise<void> {
    await this.#writes.exclusive(async () => {
      const generation = this.#generation + 1;
      const dir = join(this.options.dir, generationDir(generation));
      await rm(dir, { recursive: true, force: true });
      const fresh = await openLog(this.options, generation);
      try {
        const records = this.all().map((customer) => ({
          id: customer.id,
          at: customer.updatedAt,
          customer,
        }));
        for (let i = 0; i < records.length; i += 2048) {
          await fresh.appendMany(records.slice(i, i + 2048));
        }
        await writeFileAtomic(this.#pointerPath(), JSON.stringify({ generation }));
      } catch (error) {
        await fresh.close();
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      const old = this.#log;
      const oldDir = join(this.options.dir, generationDir(this.#generation));
      this.#log = fresh;
      this.#generation = generation;
      await old.close();
      await rm(oldDir, { recursive: true, force: true });
    });
  }

  stats(): { customers: number; records: number; generation: number } {
    this.#readable();
    return {
      customers: this.#index.size,
      records: this.#log.stats().records,
      generation: this.#generation,
    };
  }

  settled(): Promise<void> {
    return this.#writes.settled();
  }

  async close(): Promise<void> {
    // A store whose load failed has no log to close.
    const loaded = await this.#loaded.then(
      () => true,
      () => false,
    );
    await this.settled();
    if (loaded) await this.#log.close();
  }

  /** Before every write: the load done (or its error thrown), no compaction running. */
  async #open(): Promise<void> {
    await this.#loaded;
    await this.#writes.open();
  }

  #lookup(key: string): Customer[] {
    const found: Customer[] = [];
    for (const id of this.#index.ids(key)) {
      const customer = this.#index.get(id);
      if (customer) found.push(customer);
    }
    return found;
  }

  /** Memory first (synchronously), then the durable append. */
  #write(customer: Customer, at: string): Promise<void> {
    // What the log would have refused had it validated (a record skipped on read).
    const checked = customerSchema.safeParse(customer);
    if (!checked.success) {
      return Promise.reject(new Error(`Not a valid customer: ${checked.error.message}`));
    }
    this.#index.set(customer.id, customer);
    const appended = this.#writes.record(
      customer.id,
      this.#log.append({ id: customer.id, at, customer }),
    );
    this.#scheduleCompaction();
    return appended;
  }

  #compactionDue(): boolean {
    const records = this.#log.stats().records;
    const garbage = records - this.#index.size;
    return garbage >= COMPACT_MIN_GARBAGE && records > 2 * this.#index.size;
  }

  async #compactIfDue(): Promise<void> {
    if (this.#compactionDue()) await this.compact();
  }

  #scheduleCompaction(): void {
    if (this.#writes.compacting || !this.#compactionDue()) return;
    this.compact().catch((error: unknown) =>
      (this.options.logger ?? silentLogger).warn('Customers compaction failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }

  #pointerPath(): string {
    return join(this.options.dir, 'current.json');
  }
}

/** The contact types, as the one string each: a parsed log holds a copy per contact. */
const CONTACT_TYPE_NAMES = new Map<string, ContactType>(CONTACT_TYPES.map((type) => [type, type]));

/**
 * A customer read from the log, with its repeated strings shared: JSON.parse makes a new
 * string for every value, so `updatedAt` equal to `createdAt`, a contact repeating the Phone
 * column and each contact's type were separate heap objects, ~5 per customer for 100k
 * customers that every major GC visits (`npm run bench:customers`). Same values, fewer
 * objects; the parsed object is the store's own, so it is changed in place here only.
 */
function compactRead(customer: Customer): Customer {
  if (customer.updatedAt === customer.createdAt) customer.updatedAt = customer.createdAt;
  for (const contact of customer.contacts) {
    contact.type = CONTACT_TYPE_NAMES.get(contact.type) ?? contact.type;
    if (contact.value === customer.phone) contact.value = customer.phone;
    else if (contact.value === customer.email) contact.value = customer.email;
  }
  if (customer.chatIds.length === 0) customer.chatIds = NO_CHAT_IDS;
  return customer;
}
// Frozen: shared by every customer without one, so a change would throw, not spread.
const NO_CHAT_IDS = Object.freeze([]) as unknown as string[];

function generationDir(generation: number): string {
  return `log-${generation}`;
}

function openLog(
  options: CustomersStoreOptions,
  generation: number,
): Promise<JsonlLog<CustomerRecord, Customer | undefined>> {
  return JsonlLog.open<CustomerRecord, Customer | undefined>({
    dir: join(options.dir, generationDir(generation)),
    schema: recordSchema,
    maxSegmentRecords: SEGMENT_RECORDS,
    // Every webhook with a Customer binding appends here. The store builds each record
    // from normalised, bounded values (and validates the rest in #write), so the log
    // neither re-parses it nor keeps a copy: its in-memory latest record is the store's own
    // (immutable) customer, which halves the memory of 100k customers and the garbage
    // collector's work over them (`npm run bench:customers`). The customer itself, not its
    // record: the wrapper would be one more object per customer on the heap.
    validateAppends: false,
    project: (record) => {
      if (!('customer' in record)) return undefined;
      // Read back, the two ids are two equal strings: keep one (the log's index holds it).
      if (record.customer.id === record.id) record.customer.id = record.id;
      return record.customer;
    },
    ...(options.problems ? { problems: options.problems } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

async function readPointer(options: CustomersStoreOptions): Promise<number> {
  const path = join(options.dir, 'current.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 1;
    throw error;
  }
  const parsed = pointerSchema.safeParse(safeJson(text));
  if (parsed.success) return parsed.data.generation;
  // Written atomically, so this is damage from outside: report it and refuse to open
  // rather than guess a generation and delete the others.
  options.problems?.add({ path, keptAt: path, reason: `${path} is not a valid pointer` });
  throw new Error(`${path} is damaged; fix or remove it (customers are in ${options.dir}/log-*)`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
