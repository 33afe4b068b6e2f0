// The flows store: what every part of the runtime reads flows through, with two backends —
// this file's JSON one (the desktop default) and PostgreSQL's (runtime/store/postgres/).
// JSON: one lowdb document per flow in `flows/<id>.json`, so a large flow's save
// rewrites only that file and a damaged file costs only that flow. Deleted flows are moved
// to `flows/deleted/` rather than erased, so a slip of the finger can be undone by hand.
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CURRENT_SCHEMA_VERSION,
  flowDocumentSchema,
  idSchema,
  type FlowDocument,
} from '../shared/flow-document';
import { JsonDocument } from './json-document';
import { migrateFlowDocument } from './flow-migrations';
import type { StoreProblems } from './store-problems';

/** Reads are synchronous (from memory); a write resolves once it is durable. */
export interface FlowsStore {
  list(): FlowDocument[];
  get(id: string): FlowDocument | undefined;
  has(id: string): boolean;
  /** Stores a new flow; throws if one with its id exists. */
  create(flow: FlowDocument): Promise<FlowDocument>;
  /**
   * Applies a change to a stored flow; resolves with the saved flow, or undefined if
   * unknown. Changes to one flow are applied one at a time, each to the latest version.
   */
  update(
    id: string,
    change: (flow: FlowDocument) => FlowDocument | void,
  ): Promise<FlowDocument | undefined>;
  delete(id: string): Promise<boolean>;
  /**
   * Calls `listener` with a flow's id after another instance sharing the store changed it
   * (saved, published, unpublished, deleted) and this one's memory caught up; returns the
   * unsubscribe. The JSON store has no other instances (the data folder is locked).
   */
  onChangedElsewhere(listener: (flowId: string) => void): () => void;
  /** Resolves once every write started so far is durable. */
  settled(): Promise<void>;
}

export class JsonFlowsStore implements FlowsStore {
  readonly #docs = new Map<string, JsonDocument<FlowDocument>>();

  private constructor(
    private readonly dir: string,
    private readonly problems: StoreProblems,
  ) {}

  static async open(dataDir: string, problems: StoreProblems): Promise<JsonFlowsStore> {
    const store = new JsonFlowsStore(join(dataDir, 'flows'), problems);
    await mkdir(store.dir, { recursive: true, mode: 0o700 });
    for (const name of await readdir(store.dir)) {
      const match = /^(.+)\.json$/.exec(name);
      if (!match?.[1] || !idSchema.safeParse(match[1]).success) continue;
      const doc = await store.#openDocument(match[1]);
      // A corrupt file (kept aside) or one whose id disagrees with its name is not loaded.
      if (doc.loadedFromDisk && doc.data.id === match[1]) store.#docs.set(match[1], doc);
    }
    return store;
  }

  list(): FlowDocument[] {
    return [...this.#docs.values()].map((doc) => doc.data);
  }

  get(id: string): FlowDocument | undefined {
    return this.#docs.get(id)?.data;
  }

  has(id: string): boolean {
    return this.#docs.has(id);
  }

  async create(flow: FlowDocument): Promise<FlowDocument> {
    if (this.#docs.has(flow.id)) throw new Error(`Flow ${flow.id} already exists`);
    const doc = await this.#openDocument(flow.id);
    const saved = await doc.update(() => flow);
    this.#docs.set(flow.id, doc);
    return saved;
  }

  async update(
    id: string,
    change: (flow: FlowDocument) => FlowDocument | void,
  ): Promise<FlowDocument | undefined> {
    const doc = this.#docs.get(id);
    if (!doc) return undefined;
    return doc.update(change);
  }

  async delete(id: string): Promise<boolean> {
    const doc = this.#docs.get(id);
    if (!doc) return false;
    await doc.settled();
    this.#docs.delete(id);
    const trash = join(this.dir, 'deleted');
    await mkdir(trash, { recursive: true, mode: 0o700 });
    await rename(doc.path, join(trash, `${id}-${Date.now()}.json`));
    return true;
  }

  onChangedElsewhere(): () => void {
    return () => {};
  }

  async settled(): Promise<void> {
    await Promise.all([...this.#docs.values()].map((doc) => doc.settled()));
  }

  #openDocument(id: string): Promise<JsonDocument<FlowDocument>> {
    return JsonDocument.open<FlowDocument>({
      path: join(this.dir, `${id}.json`),
      schema: flowDocumentSchema,
      migrate: migrateFlowDocument,
      problems: this.problems,
      defaults: () => emptyFlow(id, 'Untitled flow'),
    });
  }
}

export function emptyFlow(id: string, name: string, now = new Date().toISOString()): FlowDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name,
    createdAt: now,
    updatedAt: now,
    revision: 0,
    draft: { nodes: [], edges: [], variables: [] },
    published: null,
  };
}
