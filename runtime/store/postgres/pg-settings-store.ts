// Settings in PostgreSQL (table `settings`, one row), read from memory like the JSON store;
// a patch is merged into the row as it is in the database, under its row lock.
import type { Logger } from '../../logger';
import { settingsSchema, type Settings } from '../../shared/settings';
import {
  applySettingsPatch,
  defaultSettings,
  type SettingsStore,
  type SettingsUpdate,
} from '../settings-store';
import type { Database } from './database';
import { SerialQueue } from './serial-queue';

const TABLE = 'settings';
const ROW_ID = 'settings';

export class PgSettingsStore implements SettingsStore {
  #settings: Settings = defaultSettings();
  readonly #queue = new SerialQueue();

  private constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  static async open(db: Database, logger: Logger): Promise<PgSettingsStore> {
    const store = new PgSettingsStore(db, logger);
    // Listening before the first read, and refreshes queued behind it: nothing is missed.
    db.changes.on(TABLE, () => void store.#refresh());
    db.changes.onResync(() => store.#queue.run(() => store.#reload()));
    await store.#queue.run(() => store.#reload());
    return store;
  }

  get(): Settings {
    return this.#settings;
  }

  update(patch: SettingsUpdate): Promise<Settings> {
    return this.#queue.run(async () => {
      const next = await this.db.transaction(async (client) => {
        await client.query(
          'INSERT INTO settings (id, doc) VALUES (true, $1::jsonb) ON CONFLICT (id) DO NOTHING',
          [JSON.stringify(defaultSettings())],
        );
        const { rows } = await client.query<{ doc: unknown }>(
          'SELECT doc FROM settings WHERE id FOR UPDATE',
        );
        const merged = applySettingsPatch(this.#parse(rows[0]?.doc), patch);
        await client.query('UPDATE settings SET doc = $1::jsonb WHERE id', [
          JSON.stringify(merged),
        ]);
        await this.db.notify(client, TABLE, ROW_ID);
        return merged;
      });
      this.#settings = next;
      return next;
    });
  }

  settled(): Promise<void> {
    return this.#queue.settled();
  }

  async #refresh(): Promise<void> {
    await this.#queue
      .run(() => this.#reload())
      .catch((error: unknown) =>
        this.logger.error('could not re-read the settings changed by another instance', {
          error: this.db.describe(error),
        }),
      );
  }

  async #reload(): Promise<void> {
    const { rows } = await this.db.query<{ doc: unknown }>('SELECT doc FROM settings WHERE id');
    this.#settings = this.#parse(rows[0]?.doc);
  }

  /** The row as settings; no row (a new database) or an unreadable one is the defaults. */
  #parse(raw: unknown): Settings {
    if (raw === undefined) return defaultSettings();
    const parsed = settingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.logger.warn('the settings in the database are not valid; using the defaults');
    return defaultSettings();
  }
}
