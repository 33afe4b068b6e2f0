// One lowdb document per file, validated with zod on load and written atomically.
// lowdb gives us the Low<T> interface; the adapter below adds what lowdb lacks:
// fsync, write coalescing, migration, validation and keeping corrupt files aside.
import { readFile, rename } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import type { StoreProblems } from './store-problems';

export interface JsonDocumentOptions<T> {
  path: string;
  schema: z.ZodType<T>;
  defaults: () => T;
  problems: StoreProblems;
  /** Upgrades an older document shape before validation. */
  migrate?: (raw: unknown) => unknown;
}

class ValidatedJsonAdapter<T> implements Adapter<T> {
  #pending: Promise<void> = Promise.resolve();

  constructor(private readonly options: JsonDocumentOptions<T>) {}

  async read(): Promise<T | null> {
    const { path, schema, migrate, problems } = this.options;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    let reason: string;
    try {
      const raw: unknown = JSON.parse(text);
      const parsed = schema.safeParse(migrate ? migrate(raw) : raw);
      if (parsed.success) return parsed.data;
      reason = `does not match the expected shape: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`)
        .join('; ')}`;
    } catch (error) {
      reason = `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
    const keptAt = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, keptAt);
    problems.add({ path, keptAt, reason: `${path} ${reason}` });
    return null;
  }

  /** Writes are serialized so an older snapshot can never land after a newer one. */
  write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    const next = this.#pending.then(() => writeFileAtomic(this.options.path, text));
    this.#pending = next.catch(() => undefined);
    return next;
  }

  settled(): Promise<void> {
    return this.#pending;
  }
}

export class JsonDocument<T> {
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly low: Low<T>,
    private readonly adapter: ValidatedJsonAdapter<T>,
    readonly path: string,
    /** False when the file was missing or corrupt and the defaults were used. */
    readonly loadedFromDisk: boolean,
  ) {}

  /** Loads the file; a missing or corrupt file yields the defaults (the corrupt one is kept). */
  static async open<T>(options: JsonDocumentOptions<T>): Promise<JsonDocument<T>> {
    const adapter = new ValidatedJsonAdapter(options);
    const low = new Low<T>(adapter, options.defaults());
    const loaded = await adapter.read();
    low.data = loaded ?? options.defaults();
    return new JsonDocument(low, adapter, options.path, loaded !== null);
  }

  get data(): T {
    return this.low.data;
  }

  /**
   * Applies a change and resolves once it is durably on disk. Updates run one at a time on
   * a copy; the copy replaces the in-memory document only after the write succeeded, so a
   * failed write (disk full, permissions) leaves memory and disk agreeing.
   */
  update(change: (data: T) => T | void): Promise<T> {
    const run = this.#queue.then(async () => {
      const draft = structuredClone(this.low.data);
      const result = change(draft);
      const next = result === undefined ? draft : result;
      await this.adapter.write(next);
      this.low.data = next;
      return next;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every write started so far has finished. */
  async settled(): Promise<void> {
    await this.#queue;
    await this.adapter.settled();
  }
}

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
