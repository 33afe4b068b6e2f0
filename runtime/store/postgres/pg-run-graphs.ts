// The graphs runs execute, by content hash, in PostgreSQL (graph-store.ts is the data
// folder's version and says why they are kept): shared, so any instance can read the graph
// of any run. Never pruned here — another instance's waiting run may need any of them, and
// a graph is stored once however many runs use it.
import { draftGraphSchema, type DraftGraph } from '../../shared/flow-document';
import type { GraphIndex } from '../../engine/graph-index';
import type { RunGraphs } from '../../engine/run-store';
import type { Database } from './database';

export class PgRunGraphs implements RunGraphs {
  /** Refs known to be committed, so a busy flow writes its graph once. */
  readonly #saved = new Set<string>();

  constructor(private readonly db: Database) {}

  async save(index: GraphIndex): Promise<void> {
    if (this.#saved.has(index.ref)) return;
    await this.db.prepared(
      'hookflow-run-graph-save',
      'INSERT INTO run_graphs (ref, graph) VALUES ($1, $2) ON CONFLICT (ref) DO NOTHING',
      [index.ref, JSON.stringify(index.graph)],
    );
    this.#saved.add(index.ref);
  }

  async load(ref: string): Promise<DraftGraph | undefined> {
    const { rows } = await this.db.prepared<{ graph: string }>(
      'hookflow-run-graph-load',
      'SELECT graph FROM run_graphs WHERE ref = $1',
      [ref],
    );
    if (!rows[0]) return undefined;
    try {
      const parsed = draftGraphSchema.safeParse(JSON.parse(rows[0].graph));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  prune(): Promise<void> {
    return Promise.resolve();
  }
}
