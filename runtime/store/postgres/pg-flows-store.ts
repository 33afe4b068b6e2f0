// Flows in PostgreSQL (table `flows`, one jsonb document per flow), read from memory like
// the JSON store. A change made here is written through and announced; a change another
// instance made is re-read when its notice arrives, then announced to this instance's
// listeners (the ingress rebuilds that flow's webhook routes).
import { flowDocumentSchema, type FlowDocument } from '../../shared/flow-document';
import type { Logger } from '../../logger';
import { migrateFlowDocument } from '../flow-migrations';
import type { FlowsStore } from '../flows-store';
import type { StoreProblems } from '../store-problems';
import type { Database } from './database';
import { SerialQueue } from './serial-queue';

const TABLE = 'flows';

export class PgFlowsStore implements FlowsStore {
  readonly #flows = new Map<string, FlowDocument>();
  readonly #elsewhere = new Set<(flowId: string) => void>();
  readonly #queue = new SerialQueue();
  /** Rows already reported as not being flows. */
  readonly #reported = new Set<string>();

  private constructor(
    private readonly db: Database,
    private readonly problems: StoreProblems,
    private readonly logger: Logger,
  ) {}

  static async open(db: Database, problems: StoreProblems, logger: Logger): Promise<PgFlowsStore> {
    const store = new PgFlowsStore(db, problems, logger);
    // Listening before the first read, and refreshes queued behind it: nothing is missed.
    db.changes.on(TABLE, (id) => void store.#refresh(id));
    db.changes.onResync(() => store.#queue.run(() => store.#reload()));
    await store.#queue.run(() => store.#reload());
    return store;
  }

  list(): FlowDocument[] {
    return [...this.#flows.values()];
  }

  get(id: string): FlowDocument | undefined {
    return this.#flows.get(id);
  }

  has(id: string): boolean {
    return this.#flows.has(id);
  }

  create(flow: FlowDocument): Promise<FlowDocument> {
    return this.#queue.run(async () => {
      if (this.#flows.has(flow.id)) throw new Error(`Flow ${flow.id} already exists`);
      await this.db.transaction(async (client) => {
        const inserted = await client.query(
          'INSERT INTO flows (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING',
          [flow.id, JSON.stringify(flow)],
        );
        if (inserted.rowCount === 0) throw new Error(`Flow ${flow.id} already exists`);
        await this.db.notify(client, TABLE, flow.id);
      });
      this.#flows.set(flow.id, flow);
      return flow;
    });
  }

  /** The change is applied to the row as it is in the database, under its row lock. */
  update(
    id: string,
    change: (flow: FlowDocument) => FlowDocument | void,
  ): Promise<FlowDocument | undefined> {
    return this.#queue.run(async () => {
      const saved = await this.db.transaction(async (client) => {
        const { rows } = await client.query<{ doc: unknown }>(
          'SELECT doc FROM flows WHERE id = $1 FOR UPDATE',
          [id],
        );
        const current = rows[0] ? this.#parse(id, rows[0].doc) : undefined;
        if (!current) return undefined;
        const next = change(current) ?? current;
        await client.query('UPDATE flows SET doc = $2::jsonb WHERE id = $1', [
          id,
          JSON.stringify(next),
        ]);
        await this.db.notify(client, TABLE, id);
        return next;
      });
      if (saved) this.#flows.set(id, saved);
      return saved;
    });
  }

  /** Moved to `deleted_flows` (kept aside, as the JSON store keeps the file). */
  delete(id: string): Promise<boolean> {
    return this.#queue.run(async () => {
      const deleted = await this.db.transaction(async (client) => {
        const moved = await client.query(
          `WITH gone AS (DELETE FROM flows WHERE id = $1 RETURNING id, doc)
           INSERT INTO deleted_flows (id, doc) SELECT id, doc FROM gone`,
          [id],
        );
        if (moved.rowCount === 0) return false;
        await this.db.notify(client, TABLE, id);
        return true;
      });
      this.#flows.delete(id);
      return deleted;
    });
  }

  onChangedElsewhere(listener: (flowId: string) => void): () => void {
    this.#elsewhere.add(listener);
    return () => this.#elsewhere.delete(listener);
  }

  settled(): Promise<void> {
    return this.#queue.settled();
  }

  /** Re-reads one flow another instance changed, then tells the listeners. */
  async #refresh(id: string): Promise<void> {
    try {
      await this.#queue.run(async () => {
        const { rows } = await this.db.prepared<{ doc: unknown }>(
          'flow_by_id',
          'SELECT doc FROM flows WHERE id = $1',
          [id],
        );
        const flow = rows[0] ? this.#parse(id, rows[0].doc) : undefined;
        if (flow) this.#flows.set(id, flow);
        else this.#flows.delete(id);
      });
    } catch (error) {
      this.logger.error('could not re-read a flow changed by another instance', {
        flowId: id,
        error: this.db.describe(error),
      });
      return;
    }
    this.#announce([id]);
  }

  async #reload(): Promise<void> {
    const { rows } = await this.db.query<{ id: string; doc: unknown }>('SELECT id, doc FROM flows');
    const before = new Set(this.#flows.keys());
    this.#flows.clear();
    for (const row of rows) {
      const flow = this.#parse(row.id, row.doc);
      if (flow) this.#flows.set(row.id, flow);
    }
    // After a reconnect: every flow that is or was here may have changed meanwhile.
    this.#announce([...new Set([...before, ...this.#flows.keys()])]);
  }

  #announce(ids: readonly string[]): void {
    for (const id of ids) {
      for (const listener of this.#elsewhere) {
        try {
          listener(id);
        } catch (error) {
          this.logger.error('a flow change listener failed', {
            flowId: id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    }
  }

  /** A row as a flow (older shapes migrated), or undefined (reported) if it is not one. */
  #parse(id: string, raw: unknown): FlowDocument | undefined {
    const parsed = flowDocumentSchema.safeParse(migrateFlowDocument(raw));
    if (parsed.success && parsed.data.id === id) return parsed.data;
    // Reported once: every notice about the row would re-read it.
    if (this.#reported.has(id)) return undefined;
    this.#reported.add(id);
    this.problems.add({
      path: `database table flows, row ${id}`,
      keptAt: 'the same row (left unchanged)',
      reason: `The flow ${id} in the database is not a valid flow document`,
    });
    return undefined;
  }
}
