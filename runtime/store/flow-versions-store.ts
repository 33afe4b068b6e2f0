// Published versions of each flow, behind one interface with two backends (this file's
// JSON one, and runtime/store/postgres/'s). JSON: in `flows/<id>.versions.json`, the last KEPT_VERSIONS
// of them. A separate file so the flow document (read on every designer load) stays small;
// its name is not a flow id (the dot), so FlowsStore never mistakes it for a flow.
import { access, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { publishedSnapshotSchema } from '../shared/flow-document';
import { KEPT_VERSIONS } from '../shared/publishing';
import { isNotFound, JsonDocument } from './json-document';
import type { StoreProblems } from './store-problems';

const versionsFileSchema = z.object({ versions: z.array(publishedSnapshotSchema) });

export type PublishedSnapshot = z.infer<typeof publishedSnapshotSchema>;
type VersionsFile = z.infer<typeof versionsFileSchema>;

export interface FlowVersionsStore {
  /** Kept versions (the last KEPT_VERSIONS), oldest first. */
  list(flowId: string): Promise<PublishedSnapshot[]>;
  /**
   * Records a new version and returns it. The number is one more than any version this
   * flow has had (`atLeast` is the live one, in case the kept versions were lost), so two
   * publishes at once get two numbers.
   */
  add(
    flowId: string,
    atLeast: number,
    snapshot: Omit<PublishedSnapshot, 'version'>,
  ): Promise<PublishedSnapshot>;
  /** Drops a deleted flow's versions (kept aside where the backend can). */
  delete(flowId: string): Promise<void>;
  settled(): Promise<void>;
}

export class JsonFlowVersionsStore implements FlowVersionsStore {
  /** Opened on first use: most flows' versions are never read while the runtime runs. */
  readonly #docs = new Map<string, Promise<JsonDocument<VersionsFile>>>();

  private constructor(
    private readonly dir: string,
    private readonly problems: StoreProblems,
  ) {}

  static async open(dataDir: string, problems: StoreProblems): Promise<JsonFlowVersionsStore> {
    const store = new JsonFlowVersionsStore(join(dataDir, 'flows'), problems);
    await mkdir(store.dir, { recursive: true, mode: 0o700 });
    return store;
  }

  async list(flowId: string): Promise<PublishedSnapshot[]> {
    return (await this.#document(flowId)).data.versions;
  }

  /** The number is computed inside the serialized update of the versions file. */
  async add(
    flowId: string,
    atLeast: number,
    snapshot: Omit<PublishedSnapshot, 'version'>,
  ): Promise<PublishedSnapshot> {
    const doc = await this.#document(flowId);
    let added: PublishedSnapshot | undefined;
    await doc.update((file) => {
      const last = Math.max(atLeast, ...file.versions.map((kept) => kept.version));
      added = { ...snapshot, version: last + 1 };
      file.versions = [...file.versions, added].slice(-KEPT_VERSIONS);
    });
    if (!added) throw new Error('The version was not recorded');
    return added;
  }

  /** Moves the versions file to `flows/deleted/` beside the deleted flow. */
  async delete(flowId: string): Promise<void> {
    const opened = this.#docs.get(flowId);
    this.#docs.delete(flowId);
    if (opened) await (await opened).settled();
    const path = this.#path(flowId);
    try {
      await access(path);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    const trash = join(this.dir, 'deleted');
    await mkdir(trash, { recursive: true, mode: 0o700 });
    await rename(path, join(trash, `${flowId}-${Date.now()}.versions.json`));
  }

  async settled(): Promise<void> {
    await Promise.all([...this.#docs.values()].map(async (opened) => (await opened).settled()));
  }

  #path(flowId: string): string {
    return join(this.dir, `${flowId}.versions.json`);
  }

  #document(flowId: string): Promise<JsonDocument<VersionsFile>> {
    let opened = this.#docs.get(flowId);
    if (!opened) {
      opened = JsonDocument.open<VersionsFile>({
        path: this.#path(flowId),
        schema: versionsFileSchema,
        problems: this.problems,
        defaults: () => ({ versions: [] }),
      });
      // A failed open (unreadable folder) is retried next time rather than cached.
      opened.catch(() => this.#docs.delete(flowId));
      this.#docs.set(flowId, opened);
    }
    return opened;
  }
}
