// The graphs runs execute, kept by content hash in `<dataDir>/run-graphs/<ref>.json`.
// A waiting run must continue on the graph it started with even if the flow has been
// edited or republished meanwhile, and the flow document keeps only the latest draft and
// published snapshot. One file per distinct graph: a thousand runs of one published
// version share one file.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { draftGraphSchema, type DraftGraph } from '../shared/flow-document';
import { writeFileAtomic } from '../store/atomic-file';
import type { GraphIndex } from './graph-index';
import type { RunGraphs } from './run-store';

const REF = /^[0-9a-f]{32}$/;

export class GraphStore implements RunGraphs {
  /** Refs known to be on disk (durably), so a busy flow writes its graph once. */
  readonly #saved = new Set<string>();
  readonly #writing = new Map<string, Promise<void>>();

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<GraphStore> {
    const store = new GraphStore(join(dataDir, 'run-graphs'));
    await mkdir(store.dir, { recursive: true, mode: 0o700 });
    for (const name of await readdir(store.dir)) {
      const ref = name.replace(/\.json$/, '');
      if (REF.test(ref)) store.#saved.add(ref);
    }
    return store;
  }

  /** Resolves once the graph is durably on disk. */
  save(index: GraphIndex): Promise<void> {
    if (this.#saved.has(index.ref)) return Promise.resolve();
    let writing = this.#writing.get(index.ref);
    if (!writing) {
      writing = writeFileAtomic(this.#path(index.ref), JSON.stringify(index.graph)).then(() => {
        this.#saved.add(index.ref);
        this.#writing.delete(index.ref);
      });
      writing.catch(() => this.#writing.delete(index.ref));
      this.#writing.set(index.ref, writing);
    }
    return writing;
  }

  /** The stored graph, or undefined when it is missing or unreadable. */
  async load(ref: string): Promise<DraftGraph | undefined> {
    if (!REF.test(ref)) return undefined;
    try {
      const parsed = draftGraphSchema.safeParse(
        JSON.parse(await readFile(this.#path(ref), 'utf8')),
      );
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Deletes graphs no active run needs. Called only while no run can start (on open),
   * so a graph cannot be deleted between a new run's save and its first checkpoint.
   */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    for (const ref of [...this.#saved]) {
      if (keep.has(ref)) continue;
      this.#saved.delete(ref);
      await rm(this.#path(ref), { force: true });
    }
  }

  #path(ref: string): string {
    return join(this.dir, `${ref}.json`);
  }
}
