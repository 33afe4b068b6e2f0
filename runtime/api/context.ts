// What API functions work with. Built once by createRuntime and passed to every call,
// so the same functions serve HTTP routes, the CLI and tests.
import type { TestChat } from '../channels/test-chat/test-chat';
import type { Engine } from '../engine/engine';
import type { FlowsStore } from '../store/flows-store';
import type { SecretsStore } from '../store/secrets-store';
import type { SettingsStore } from '../store/settings-store';
import type { StoreProblems } from '../store/store-problems';

export interface ApiContext {
  dataDir: string;
  flows: FlowsStore;
  settings: SettingsStore;
  secrets: SecretsStore;
  problems: StoreProblems;
  engine: Engine;
  testChat: TestChat;
}
