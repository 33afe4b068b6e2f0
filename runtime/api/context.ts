// What API functions work with. Built once by createRuntime and passed to every call,
// so the same functions serve HTTP routes, the CLI and tests.
import type { Engine } from '../engine/engine';
import type { ChannelLookup, ProjectTokenLookup, SecretLookup } from '../shared/node-validation';
import type { FlowVersionsStore } from '../store/flow-versions-store';
import type { FlowsStore } from '../store/flows-store';
import type { SecretsStore } from '../store/secrets-store';
import type { SettingsStore } from '../store/settings-store';
import type { StoreProblems } from '../store/store-problems';
import type { RuntimeEvents } from './runtime-events';

export interface ApiContext {
  dataDir: string;
  flows: FlowsStore;
  /** Published versions of each flow (JSON: `flows/<id>.versions.json`; or PostgreSQL). */
  versions: FlowVersionsStore;
  settings: SettingsStore;
  secrets: SecretsStore;
  problems: StoreProblems;
  /** Publish/unpublish/delete notifications; absent where nothing listens (the offline CLI). */
  events?: RuntimeEvents;
  // No list of channels here: each channel's routes get this context from the channel
  // (channels/channel.ts), so the context need not know them.
  engine: Engine;
  /** What publishing checks a Webhook event node's token and channel against. */
  projectTokens?: ProjectTokenLookup;
  channelLookup?: ChannelLookup;
}

/**
 * What flow functions need: the CLI can open just these, without settings and without the
 * secrets key (publishing only asks which secret ids exist).
 */
export type FlowsContext = Pick<
  ApiContext,
  'flows' | 'versions' | 'events' | 'projectTokens' | 'channelLookup'
> & {
  secrets: SecretLookup;
};
