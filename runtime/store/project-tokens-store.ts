// Project tokens (seed 004) in `project-tokens.json`: name, access level, when created and
// last used, and the SHA-256 of the value — never the value. Why a plain SHA-256 and not a
// slow password hash: the value is 256 random bits made here, not something a person
// chose, so there is nothing to guess and a fast hash loses nothing; it lets a request find
// its token by digest in O(1) rather than trying each one. A leaked file reveals no token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import {
  PROJECT_TOKEN_LEVELS,
  PROJECT_TOKEN_VALUE_PATTERN,
  type CreateProjectTokenInput,
  type CreatedProjectToken,
  type ProjectTokenInfo,
} from '../shared/project-tokens';
import { JsonDocument } from './json-document';
import type { StoreProblems } from './store-problems';

const tokensFileSchema = z.object({
  tokens: z.record(
    z.string(),
    z.object({
      name: z.string(),
      level: z.enum(PROJECT_TOKEN_LEVELS),
      /** SHA-256 of the value, hex. */
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      createdAt: z.string(),
      lastUsedAt: z.string().optional(),
    }),
  ),
});
type TokensFile = z.infer<typeof tokensFileSchema>;

/** Last-used times are written at most this often (a busy token is not a write per call). */
const LAST_USED_WRITE_MS = 60_000;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export class ProjectTokensStore {
  /** hash (hex) → token id. */
  readonly #byHash = new Map<string, string>();
  /** Last-used times not yet written. */
  readonly #used = new Map<string, string>();
  #flush: NodeJS.Timeout | undefined;

  private constructor(
    private readonly doc: JsonDocument<TokensFile>,
    private readonly now: () => Date,
  ) {
    for (const [id, token] of Object.entries(doc.data.tokens)) this.#byHash.set(token.hash, id);
  }

  static async open(
    dataDir: string,
    problems: StoreProblems,
    now: () => Date = () => new Date(),
  ): Promise<ProjectTokensStore> {
    const doc = await JsonDocument.open<TokensFile>({
      path: join(dataDir, 'project-tokens.json'),
      schema: tokensFileSchema,
      problems,
      defaults: () => ({ tokens: {} }),
    });
    return new ProjectTokensStore(doc, now);
  }

  /** A new token; its value is in the answer and nowhere else, ever. */
  async create(input: CreateProjectTokenInput): Promise<CreatedProjectToken> {
    const id = `pt_${randomBytes(12).toString('base64url')}`;
    const value = `hf_pt_${randomBytes(32).toString('base64url')}`;
    const hash = digest(value).toString('hex');
    const createdAt = this.now().toISOString();
    await this.doc.update((file) => {
      file.tokens[id] = { name: input.name, level: input.level, hash, createdAt };
    });
    this.#byHash.set(hash, id);
    const token = this.info(id);
    if (!token) throw new Error('The new token was not stored');
    return { token, value };
  }

  /** Every token, newest first; no value, no hash. */
  list(): ProjectTokenInfo[] {
    return Object.keys(this.doc.data.tokens)
      .flatMap((id) => this.info(id) ?? [])
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  info(id: string): ProjectTokenInfo | undefined {
    const token = Object.hasOwn(this.doc.data.tokens, id) ? this.doc.data.tokens[id] : undefined;
    if (!token) return undefined;
    const lastUsedAt = this.#used.get(id) ?? token.lastUsedAt;
    return {
      id,
      name: token.name,
      level: token.level,
      createdAt: token.createdAt,
      ...(lastUsedAt ? { lastUsedAt } : {}),
    };
  }

  /**
   * Deletes a token. It stops working at once, before the file is written: a stolen token
   * must not get one more request in (seed 004 "Deleting a token"). False when unknown.
   */
  async delete(id: string): Promise<boolean> {
    const token = Object.hasOwn(this.doc.data.tokens, id) ? this.doc.data.tokens[id] : undefined;
    if (!token) return false;
    this.#byHash.delete(token.hash);
    this.#used.delete(id);
    await this.doc.update((file) => {
      delete file.tokens[id];
    });
    return true;
  }

  /**
   * The token a presented value is, if any. The lookup is by the value's digest (timing
   * says nothing about the value), and the digests are compared once more in constant time.
   */
  verify(value: string): ProjectTokenInfo | undefined {
    if (!PROJECT_TOKEN_VALUE_PATTERN.test(value)) return undefined;
    const presented = digest(value);
    const id = this.#byHash.get(presented.toString('hex'));
    const token = id === undefined ? undefined : this.doc.data.tokens[id];
    if (id === undefined || !token) return undefined;
    if (!timingSafeEqual(presented, Buffer.from(token.hash, 'hex'))) return undefined;
    this.#touch(id);
    return this.info(id);
  }

  /** Records the use (to the minute); written within a minute, and on close. */
  #touch(id: string): void {
    const at = this.now();
    at.setSeconds(0, 0);
    this.#used.set(id, at.toISOString());
    this.#flush ??= setTimeout(() => void this.#writeUsed(), LAST_USED_WRITE_MS).unref();
  }

  async #writeUsed(): Promise<void> {
    clearTimeout(this.#flush);
    this.#flush = undefined;
    if (this.#used.size === 0) return;
    const used = new Map(this.#used);
    this.#used.clear();
    try {
      await this.doc.update((file) => {
        for (const [id, at] of used) {
          const token = file.tokens[id];
          if (token) token.lastUsedAt = at;
        }
      });
    } catch {
      // Only a "last used" time: kept in memory and tried again with the next use.
      for (const [id, at] of used) if (!this.#used.has(id)) this.#used.set(id, at);
    }
  }

  /** Writes the pending last-used times (on stop). */
  close(): Promise<void> {
    return this.#writeUsed();
  }

  settled(): Promise<void> {
    return this.doc.settled();
  }
}
