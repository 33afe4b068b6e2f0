import { join } from 'node:path';
import { settingsSchema, type Settings, type SettingsPatch } from '../shared/settings';
import { JsonDocument } from './json-document';
import type { StoreProblems } from './store-problems';

export class SettingsStore {
  private constructor(private readonly doc: JsonDocument<Settings>) {}

  static async open(dataDir: string, problems: StoreProblems): Promise<SettingsStore> {
    const doc = await JsonDocument.open<Settings>({
      path: join(dataDir, 'settings.json'),
      schema: settingsSchema,
      problems,
      defaults: () => settingsSchema.parse({}),
    });
    return new SettingsStore(doc);
  }

  get(): Settings {
    return this.doc.data;
  }

  async update(patch: SettingsPatch & { tunnel?: Partial<Settings['tunnel']> }): Promise<Settings> {
    return this.doc.update((current) =>
      settingsSchema.parse({
        runs: { ...current.runs, ...patch.runs },
        calls: { ...current.calls, ...patch.calls },
        outbound: { ...current.outbound, ...patch.outbound },
        customers: { ...current.customers, ...patch.customers },
        api: { ...current.api, ...patch.api },
        tunnel: { ...current.tunnel, ...patch.tunnel },
      }),
    );
  }

  settled(): Promise<void> {
    return this.doc.settled();
  }
}
