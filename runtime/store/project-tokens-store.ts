// Project tokens (seed 004), behind one interface with two backends: this file's JSON one
// (`project-tokens.json`) and PostgreSQL's (runtime/store/postgres/). Each token: name,
// access level, when created and last used, and the SHA-256 of the value — never the value. Why a plain SHA-256 and not a
// slow password hash: the value is 256 random bits made here, not something a person
// chose, so there is nothing to guess and a fast hash loses nothing; it lets a request find
// its token by digest in O(1) rather than trying each one. A leaked file (or table) reveals
// no token.
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
import { TokenLastUsed } from './token-last-used';
import type { StoreProblems } from './store-problems';

export const projectTokenRecordSchema = z.object({
  name: z.string(),
  level: z.enum(PROJECT_TOKEN_LEVELS),
  /** SHA-256 of the value, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  lastUsedAt: z.string().optional(),
});
export type ProjectTokenRecord = z.infer<typeof projectTokenRecordSchema>;

const tokensFileSchema = z.object({ tokens: z.record(z.string(), projectTokenRecordSchema) });
type TokensFile = z.infer<typeof tokensFileSchema>;

export interface ProjectTokensStore {
  /** A new token; its value is in the answer and nowhere else, ever. */
  create(input: CreateProjectTokenInput): Promise<CreatedProjectToken>;
  /** Every token, newest first; no value, no hash. */
  list(): ProjectTokenInfo[];
  info(id: string): ProjectTokenInfo | undefined;
  /**
   * Deletes a token. It stops working here at once, before the write: a stolen token must
   * not get one more request in (seed 004 "Deleting a token"). False when unknown.
   */
  delete(id: string): Promise<boolean>;
  /** The token a presented value is, if any; records the use. */
  verify(value: string): ProjectTokenInfo | undefined;
  /** Writes the pending last-used times (on stop). */
  close(): Promise<void>;
  settled(): Promise<void>;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** A new token's id, value and the digest that is stored instead of the value. */
export function newProjectToken(): { id: string; value: string; hash: string } {
  const id = `pt_${randomBytes(12).toString('base64url')}`;
  const value = `hf_pt_${randomBytes(32).toString('base64url')}`;
  return { id, value, hash: digest(value).toString('hex') };
}

/**
 * Which token id a presented value is, given the digest index: the lookup is by the
 * value's digest (timing says nothing about the value), and the digests are compared once
 * more in constant time.
 */
export function findTokenByValue(
  value: string,
  idByHash: ReadonlyMap<string, string>,
  record: (id: string) => ProjectTokenRecord | undefined,
): string | undefined {
  if (!PROJECT_TOKEN_VALUE_PATTERN.test(value)) return undefined;
  const presented = digest(value);
  const id = idByHash.get(presented.toString('hex'));
  const token = id === undefined ? undefined : record(id);
  if (id === undefined || !token) return undefined;
  return timingSafeEqual(presented, Buffer.from(token.hash, 'hex')) ? id : undefined;
}

/** What list/info answer for a stored record: no value, no hash. */
export function tokenInfo(
  id: string,
  token: ProjectTokenRecord,
  pendingLastUsed: string | undefined,
): ProjectTokenInfo {
  const lastUsedAt = pendingLastUsed ?? token.lastUsedAt;
  return {
    id,
    name: token.name,
    level: token.level,
    createdAt: token.createdAt,
    ...(lastUsedAt ? { lastUsedAt } : {}),
  };
}

export const newestFirst = (a: ProjectTokenInfo, b: ProjectTokenInfo): number =>
  b.createdAt.localeCompare(a.createdAt);

export class JsonProjectTokensStore implements ProjectTokensStore {
  /** hash (hex) → token id. */
  readonly #byHash = new Map<string, string>();
  readonly #used: TokenLastUsed;

  private constructor(
    private readonly doc: JsonDocument<TokensFile>,
    private readonly now: () => Date,
  ) {
    for (const [id, token] of Object.entries(doc.data.tokens)) this.#byHash.set(token.hash, id);
    this.#used = new TokenLastUsed(now, async (used) => {
      await this.doc.update((file) => {
        for (const [id, at] of used) {
          const token = file.tokens[id];
          if (token) token.lastUsedAt = at;
        }
      });
    });
  }

  static async open(
    dataDir: string,
    problems: StoreProblems,
    now: () => Date = () => new Date(),
  ): Promise<JsonProjectTokensStore> {
    const doc = await JsonDocument.open<TokensFile>({
      path: join(dataDir, 'project-tokens.json'),
      schema: tokensFileSchema,
      problems,
      defaults: () => ({ tokens: {} }),
    });
    return new JsonProjectTokensStore(doc, now);
  }

  async create(input: CreateProjectTokenInput): Promise<CreatedProjectToken> {
    const { id, value, hash } = newProjectToken();
    const createdAt = this.now().toISOString();
    await this.doc.update((file) => {
      file.tokens[id] = { name: input.name, level: input.level, hash, createdAt };
    });
    this.#byHash.set(hash, id);
    const token = this.info(id);
    if (!token) throw new Error('The new token was not stored');
    return { token, value };
  }

  list(): ProjectTokenInfo[] {
    return Object.keys(this.doc.data.tokens)
      .flatMap((id) => this.info(id) ?? [])
      .sort(newestFirst);
  }

  info(id: string): ProjectTokenInfo | undefined {
    const token = this.#record(id);
    return token ? tokenInfo(id, token, this.#used.get(id)) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    const token = this.#record(id);
    if (!token) return false;
    this.#byHash.delete(token.hash);
    this.#used.forget(id);
    await this.doc.update((file) => {
      delete file.tokens[id];
    });
    return true;
  }

  verify(value: string): ProjectTokenInfo | undefined {
    const id = findTokenByValue(value, this.#byHash, (found) => this.#record(found));
    if (id === undefined) return undefined;
    this.#used.touch(id);
    return this.info(id);
  }

  close(): Promise<void> {
    return this.#used.flush();
  }

  settled(): Promise<void> {
    return this.doc.settled();
  }

  #record(id: string): ProjectTokenRecord | undefined {
    return Object.hasOwn(this.doc.data.tokens, id) ? this.doc.data.tokens[id] : undefined;
  }
}
