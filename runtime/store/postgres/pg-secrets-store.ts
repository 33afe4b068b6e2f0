// Secrets in PostgreSQL (table `secrets`): ciphertext only, sealed with this runtime's
// secrets key exactly as the JSON store seals them, so the database alone reveals nothing.
// Every instance must hold the same key: the first to open the database records a check
// value derived from its key, and an instance with another key refuses to start.
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../logger';
import { openSecret, sealSecret } from '../../security/secret-box';
import { deriveKey, listSecrets, type SecretInfo, type SecretsStore } from '../secrets-store';
import type { Database } from './database';
import { isoOf, SerialQueue } from './serial-queue';

const TABLE = 'secrets';
const KEY_CHECK = 'secrets key check';

interface SecretRow {
  id: string;
  sealed: string;
  purpose: string;
  label: string | null;
  created_at: unknown;
  updated_at: unknown;
}

interface SecretEntry {
  sealed: string;
  info: SecretInfo;
}

const COLUMNS = 'id, sealed, purpose, label, created_at, updated_at';

export class KeyMismatchError extends Error {
  override name = 'KeyMismatchError';
}

export class PgSecretsStore implements SecretsStore {
  readonly #secrets = new Map<string, SecretEntry>();
  readonly #queue = new SerialQueue();
  #revision = 0;

  private constructor(
    private readonly db: Database,
    private readonly key: Buffer,
    private readonly logger: Logger,
  ) {}

  static async open(db: Database, key: Buffer, logger: Logger): Promise<PgSecretsStore> {
    await checkKey(db, key);
    const store = new PgSecretsStore(db, key, logger);
    // Listening before the first read, and refreshes queued behind it: nothing is missed.
    db.changes.on(TABLE, (id) => void store.#refresh(id));
    db.changes.onResync(() => store.#queue.run(() => store.#reload()));
    await store.#queue.run(() => store.#reload());
    return store;
  }

  derivedKey(purpose: string): Buffer {
    return deriveKey(this.key, purpose);
  }

  get revision(): number {
    return this.#revision;
  }

  set(id: string, purpose: string, plaintext: string, label?: string): Promise<string> {
    this.#revision += 1;
    return this.#queue.run(async () => {
      const now = new Date().toISOString();
      const { rows } = await this.db.transaction(async (client) => {
        const result = await client.query<SecretRow>(
          `INSERT INTO secrets (id, sealed, purpose, label, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $5)
           ON CONFLICT (id) DO UPDATE SET sealed = EXCLUDED.sealed, purpose = EXCLUDED.purpose,
             label = COALESCE(EXCLUDED.label, secrets.label), updated_at = EXCLUDED.updated_at
           RETURNING ${COLUMNS}`,
          [id, sealSecret(this.key, id, plaintext), purpose, label ?? null, now],
        );
        await this.db.notify(client, TABLE, id);
        return result;
      });
      if (rows[0]) this.#secrets.set(id, entryOf(rows[0]));
      // Again once applied: a value read between the first bump and the write is dropped too.
      this.#revision += 1;
      return id;
    });
  }

  reveal(id: string): string | undefined {
    const entry = this.#secrets.get(id);
    return entry ? openSecret(this.key, id, entry.sealed) : undefined;
  }

  info(id: string): SecretInfo | undefined {
    return this.#secrets.get(id)?.info;
  }

  list(purpose?: string): SecretInfo[] {
    return listSecrets(this, purpose);
  }

  ids(): string[] {
    return [...this.#secrets.keys()];
  }

  has(id: string): boolean {
    return this.#secrets.has(id);
  }

  delete(id: string): Promise<void> {
    this.#revision += 1;
    return this.#queue.run(async () => {
      await this.db.transaction(async (client) => {
        await client.query('DELETE FROM secrets WHERE id = $1', [id]);
        await this.db.notify(client, TABLE, id);
      });
      this.#secrets.delete(id);
      this.#revision += 1;
    });
  }

  settled(): Promise<void> {
    return this.#queue.settled();
  }

  async #refresh(id: string): Promise<void> {
    await this.#queue
      .run(async () => {
        const { rows } = await this.db.prepared<SecretRow>(
          'secret_by_id',
          `SELECT ${COLUMNS} FROM secrets WHERE id = $1`,
          [id],
        );
        if (rows[0]) this.#secrets.set(id, entryOf(rows[0]));
        else this.#secrets.delete(id);
        this.#revision += 1;
      })
      .catch((error: unknown) =>
        this.logger.error('could not re-read a secret changed by another instance', {
          secretId: id,
          error: this.db.describe(error),
        }),
      );
  }

  async #reload(): Promise<void> {
    const { rows } = await this.db.query<SecretRow>(`SELECT ${COLUMNS} FROM secrets`);
    this.#secrets.clear();
    for (const row of rows) this.#secrets.set(row.id, entryOf(row));
    this.#revision += 1;
  }
}

function entryOf(row: SecretRow): SecretEntry {
  return {
    sealed: row.sealed,
    info: {
      id: row.id,
      purpose: row.purpose,
      ...(row.label ? { label: row.label } : {}),
      createdAt: isoOf(row.created_at),
      updatedAt: isoOf(row.updated_at),
    },
  };
}

/**
 * Records which key the database's secrets are sealed with (a value derived from it, which
 * reveals nothing about it) or, if one is recorded, checks that `key` is that key.
 */
async function checkKey(db: Database, key: Buffer): Promise<void> {
  const mine = deriveKey(key, KEY_CHECK);
  await db.query(
    'INSERT INTO runtime_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
    [KEY_CHECK, mine.toString('base64')],
  );
  const { rows } = await db.query<{ value: string }>(
    'SELECT value FROM runtime_meta WHERE key = $1',
    [KEY_CHECK],
  );
  const recorded = Buffer.from(rows[0]?.value ?? '', 'base64');
  if (recorded.length !== mine.length || !timingSafeEqual(recorded, mine)) {
    throw new KeyMismatchError(
      `The secrets in ${db.redactedUrl} are sealed with another secrets key than this ` +
        "instance's. Give every instance the same key: --secrets-key-file <file> or " +
        "HOOKFLOW_SECRETS_KEY (for example the secrets.key of the first instance's data folder).",
    );
  }
}
