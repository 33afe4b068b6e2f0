// Secrets (webhook tokens, HMAC secrets, authtokens) encrypted at rest, behind one
// interface with two backends: this file's JSON one (`secrets.json`) and PostgreSQL's
// (runtime/store/postgres/). Both hold only ciphertext sealed with the runtime's key.
// Flow documents hold only a secret's id, so exporting or logging a flow reveals nothing.
import { hkdfSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { openSecret, sealSecret } from '../security/secret-box';
import type { SecretLookup } from '../shared/node-validation';
import { JsonDocument } from './json-document';
import type { StoreProblems } from './store-problems';

const secretsFileSchema = z.object({
  secrets: z.record(
    z.string(),
    z.object({
      sealed: z.string(),
      purpose: z.string(),
      label: z.string().optional(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
type SecretsFile = z.infer<typeof secretsFileSchema>;

function openSecretsFile(
  dataDir: string,
  problems: StoreProblems,
): Promise<JsonDocument<SecretsFile>> {
  return JsonDocument.open<SecretsFile>({
    path: join(dataDir, 'secrets.json'),
    schema: secretsFileSchema,
    problems,
    defaults: () => ({ secrets: {} }),
  });
}

export interface SecretInfo {
  id: string;
  purpose: string;
  label?: string;
  createdAt: string;
  updatedAt: string;
}

export interface SecretsStore {
  /**
   * A 32-byte key for one purpose, derived from the secrets key: what signs values
   * Hookflow hands out and checks later (runtime/engine/resume-keys.ts) without storing them.
   */
  derivedKey(purpose: string): Buffer;
  /** Changes with every set and delete (here or elsewhere), so a cache of revealed values knows when to drop them. */
  readonly revision: number;
  /** Stores (or replaces) a secret; returns its id. A replaced value keeps its label. */
  set(id: string, purpose: string, plaintext: string, label?: string): Promise<string>;
  reveal(id: string): string | undefined;
  info(id: string): SecretInfo | undefined;
  /** The secrets of one purpose (or all), most recently changed first; no values. */
  list(purpose?: string): SecretInfo[];
  /** Every stored secret's id (redaction by value reveals them all: redact-values.ts). */
  ids(): string[];
  has(id: string): boolean;
  delete(id: string): Promise<void>;
  settled(): Promise<void>;
}

export function newSecretId(): string {
  return `s_${randomBytes(12).toString('base64url')}`;
}

/**
 * HKDF-SHA256 of the secrets key for one purpose. It changes only with the secrets key, so
 * values signed with it survive restarts (and hold on every instance sharing the key).
 */
export function deriveKey(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `hookflow ${purpose}`, 32));
}

/** `list()` of a store from its ids and infos: one purpose or all, newest change first. */
export function listSecrets(
  store: Pick<SecretsStore, 'ids' | 'info'>,
  purpose?: string,
): SecretInfo[] {
  return store
    .ids()
    .flatMap((id) => store.info(id) ?? [])
    .filter((info) => purpose === undefined || info.purpose === purpose)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export class JsonSecretsStore implements SecretsStore {
  #revision = 0;

  private constructor(
    private readonly doc: JsonDocument<SecretsFile>,
    private readonly key: Buffer,
  ) {}

  static async open(
    dataDir: string,
    key: Buffer,
    problems: StoreProblems,
  ): Promise<JsonSecretsStore> {
    return new JsonSecretsStore(await openSecretsFile(dataDir, problems), key);
  }

  /**
   * Which secret ids the folder holds, read without the key (the offline CLI has none on
   * the desktop, where the OS keychain keeps it): enough to check a flow before publishing.
   */
  static async openIds(dataDir: string, problems: StoreProblems): Promise<SecretLookup> {
    const doc = await openSecretsFile(dataDir, problems);
    return { has: (id) => Object.hasOwn(doc.data.secrets, id) };
  }

  derivedKey(purpose: string): Buffer {
    return deriveKey(this.key, purpose);
  }

  get revision(): number {
    return this.#revision;
  }

  async set(id: string, purpose: string, plaintext: string, label?: string): Promise<string> {
    this.#revision += 1;
    const now = new Date().toISOString();
    await this.doc.update((file) => {
      const existing = file.secrets[id];
      file.secrets[id] = {
        sealed: sealSecret(this.key, id, plaintext),
        purpose,
        ...((label ?? existing?.label) ? { label: label ?? existing?.label } : {}),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
    });
    // Again once applied: a value read between the first bump and the write is dropped too.
    this.#revision += 1;
    return id;
  }

  reveal(id: string): string | undefined {
    const entry = this.doc.data.secrets[id];
    return entry ? openSecret(this.key, id, entry.sealed) : undefined;
  }

  info(id: string): SecretInfo | undefined {
    const entry = this.doc.data.secrets[id];
    if (!entry) return undefined;
    const { purpose, label, createdAt, updatedAt } = entry;
    return { id, purpose, ...(label ? { label } : {}), createdAt, updatedAt };
  }

  list(purpose?: string): SecretInfo[] {
    return listSecrets(this, purpose);
  }

  ids(): string[] {
    return Object.keys(this.doc.data.secrets);
  }

  has(id: string): boolean {
    return Object.hasOwn(this.doc.data.secrets, id);
  }

  async delete(id: string): Promise<void> {
    this.#revision += 1;
    await this.doc.update((file) => {
      delete file.secrets[id];
    });
    this.#revision += 1;
  }

  settled(): Promise<void> {
    return this.doc.settled();
  }
}
