// Project tokens in PostgreSQL (table `project_tokens`): the SHA-256 of each value, never
// the value, checked from memory like the JSON store. A token deleted on any instance stops
// working here as soon as the notice arrives (on the deleting instance, at once).
import type { Logger } from '../../logger';
import type {
  CreateProjectTokenInput,
  CreatedProjectToken,
  ProjectTokenInfo,
} from '../../shared/project-tokens';
import {
  findTokenByValue,
  newestFirst,
  newProjectToken,
  projectTokenRecordSchema,
  tokenInfo,
  type ProjectTokenRecord,
  type ProjectTokensStore,
} from '../project-tokens-store';
import { TokenLastUsed } from '../token-last-used';
import type { Database } from './database';
import { isoOf, SerialQueue } from './serial-queue';

const TABLE = 'project_tokens';
const COLUMNS = 'id, name, level, hash, created_at, last_used_at';

interface TokenRow {
  id: string;
  name: string;
  level: string;
  hash: string;
  created_at: unknown;
  last_used_at: unknown;
}

export class PgProjectTokensStore implements ProjectTokensStore {
  readonly #tokens = new Map<string, ProjectTokenRecord>();
  /** hash (hex) → token id. */
  readonly #byHash = new Map<string, string>();
  readonly #queue = new SerialQueue();
  readonly #used: TokenLastUsed;

  private constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {
    this.#used = new TokenLastUsed(now, (used) => this.#writeUsed(used));
  }

  static async open(
    db: Database,
    logger: Logger,
    now: () => Date = () => new Date(),
  ): Promise<PgProjectTokensStore> {
    const store = new PgProjectTokensStore(db, logger, now);
    // Listening before the first read, and refreshes queued behind it: nothing is missed.
    db.changes.on(TABLE, (id) => void store.#refresh(id));
    db.changes.onResync(() => store.#queue.run(() => store.#reload()));
    await store.#queue.run(() => store.#reload());
    return store;
  }

  create(input: CreateProjectTokenInput): Promise<CreatedProjectToken> {
    return this.#queue.run(async () => {
      const { id, value, hash } = newProjectToken();
      const record: ProjectTokenRecord = {
        name: input.name,
        level: input.level,
        hash,
        createdAt: this.now().toISOString(),
      };
      await this.db.transaction(async (client) => {
        await client.query(
          'INSERT INTO project_tokens (id, name, level, hash, created_at) VALUES ($1, $2, $3, $4, $5)',
          [id, record.name, record.level, hash, record.createdAt],
        );
        await this.db.notify(client, TABLE, id);
      });
      this.#put(id, record);
      return { token: tokenInfo(id, record, undefined), value };
    });
  }

  list(): ProjectTokenInfo[] {
    return [...this.#tokens.keys()].flatMap((id) => this.info(id) ?? []).sort(newestFirst);
  }

  info(id: string): ProjectTokenInfo | undefined {
    const token = this.#tokens.get(id);
    return token ? tokenInfo(id, token, this.#used.get(id)) : undefined;
  }

  delete(id: string): Promise<boolean> {
    if (!this.#tokens.has(id)) return Promise.resolve(false);
    // Out of memory before the write: it stops working here at once.
    this.#remove(id);
    return this.#queue.run(async () => {
      await this.db.transaction(async (client) => {
        await client.query('DELETE FROM project_tokens WHERE id = $1', [id]);
        await this.db.notify(client, TABLE, id);
      });
      // Again: a refresh queued before the delete may have read the row back meanwhile.
      this.#remove(id);
      return true;
    });
  }

  verify(value: string): ProjectTokenInfo | undefined {
    const id = findTokenByValue(value, this.#byHash, (found) => this.#tokens.get(found));
    if (id === undefined) return undefined;
    this.#used.touch(id);
    return this.info(id);
  }

  close(): Promise<void> {
    return this.#used.flush();
  }

  settled(): Promise<void> {
    return this.#queue.settled();
  }

  /** Later times only: two instances may record uses of one token in any order. */
  #writeUsed(used: ReadonlyMap<string, string>): Promise<void> {
    return this.#queue.run(() =>
      this.db.transaction(async (client) => {
        for (const [id, at] of used) {
          const updated = await client.query(
            `UPDATE project_tokens SET last_used_at = $2
             WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)`,
            [id, at],
          );
          if (updated.rowCount !== 0) await this.db.notify(client, TABLE, id);
          const token = this.#tokens.get(id);
          if (token && (token.lastUsedAt ?? '') < at)
            this.#tokens.set(id, { ...token, lastUsedAt: at });
        }
      }),
    );
  }

  async #refresh(id: string): Promise<void> {
    await this.#queue
      .run(async () => {
        const { rows } = await this.db.prepared<TokenRow>(
          'project_token_by_id',
          `SELECT ${COLUMNS} FROM project_tokens WHERE id = $1`,
          [id],
        );
        const record = rows[0] ? this.#parse(rows[0]) : undefined;
        if (record) this.#put(id, record);
        else this.#remove(id);
      })
      .catch((error: unknown) =>
        this.logger.error('could not re-read a project token changed by another instance', {
          tokenId: id,
          error: this.db.describe(error),
        }),
      );
  }

  async #reload(): Promise<void> {
    const { rows } = await this.db.query<TokenRow>(`SELECT ${COLUMNS} FROM project_tokens`);
    this.#tokens.clear();
    this.#byHash.clear();
    for (const row of rows) {
      const record = this.#parse(row);
      if (record) this.#put(row.id, record);
    }
  }

  #put(id: string, record: ProjectTokenRecord): void {
    const held = this.#tokens.get(id);
    if (held) this.#byHash.delete(held.hash);
    this.#tokens.set(id, record);
    this.#byHash.set(record.hash, id);
  }

  #remove(id: string): void {
    const held = this.#tokens.get(id);
    if (held) this.#byHash.delete(held.hash);
    this.#tokens.delete(id);
    this.#used.forget(id);
  }

  /** A row as a record; one that is not (an unknown level) is left out and reported. */
  #parse(row: TokenRow): ProjectTokenRecord | undefined {
    const parsed = projectTokenRecordSchema.safeParse({
      name: row.name,
      level: row.level,
      hash: row.hash,
      createdAt: isoOf(row.created_at),
      ...(row.last_used_at ? { lastUsedAt: isoOf(row.last_used_at) } : {}),
    });
    if (parsed.success) return parsed.data;
    this.logger.warn('a project token in the database is not valid; it is not accepted', {
      tokenId: row.id,
    });
    return undefined;
  }
}
