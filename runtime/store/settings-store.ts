// Runtime settings, behind one interface with two backends: this file's JSON one
// (`settings.json`) and PostgreSQL's (runtime/store/postgres/). Both merge a patch the same
// way (applySettingsPatch).
import { join } from 'node:path';
import { settingsSchema, type Settings, type SettingsPatch } from '../shared/settings';
import { JsonDocument } from './json-document';
import type { StoreProblems } from './store-problems';

/** A patch as the API gives it, plus the tunnel's part (written by the tunnel API). */
export type SettingsUpdate = SettingsPatch & { tunnel?: Partial<Settings['tunnel']> };

export interface SettingsStore {
  /** The current settings, from memory. */
  get(): Settings;
  /** Merges a patch into the latest settings; resolves with them once durable. */
  update(patch: SettingsUpdate): Promise<Settings>;
  settled(): Promise<void>;
}

/** Each section of the patch over the same section of `current`, validated. */
export function applySettingsPatch(current: Settings, patch: SettingsUpdate): Settings {
  return settingsSchema.parse({
    runs: { ...current.runs, ...patch.runs },
    calls: { ...current.calls, ...patch.calls },
    outbound: { ...current.outbound, ...patch.outbound },
    customers: { ...current.customers, ...patch.customers },
    api: { ...current.api, ...patch.api },
    tunnel: { ...current.tunnel, ...patch.tunnel },
  });
}

export const defaultSettings = (): Settings => settingsSchema.parse({});

export class JsonSettingsStore implements SettingsStore {
  private constructor(private readonly doc: JsonDocument<Settings>) {}

  static async open(dataDir: string, problems: StoreProblems): Promise<JsonSettingsStore> {
    const doc = await JsonDocument.open<Settings>({
      path: join(dataDir, 'settings.json'),
      schema: settingsSchema,
      problems,
      defaults: defaultSettings,
    });
    return new JsonSettingsStore(doc);
  }

  get(): Settings {
    return this.doc.data;
  }

  async update(patch: SettingsUpdate): Promise<Settings> {
    return this.doc.update((current) => applySettingsPatch(current, patch));
  }

  settled(): Promise<void> {
    return this.doc.settled();
  }
}
