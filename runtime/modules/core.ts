// The stores, the chat channels and the engine over one data folder: everything of
// createRuntime() below the listeners, in the order it must open. Written once here so the
// runtime and the engine's tests (test/helpers/engine.ts) run the same wiring.
import type { ApiContext, FlowsContext } from '../api/context';
import { Engine } from '../engine/engine';
import type { EngineOptions } from '../engine/engine-options';
import type { Channel, ChannelKind, ChannelOpenOptions } from '../channels/channel';
import type { Logger } from '../logger';
import { loadOrCreateSecretsKeyFile } from '../security/secrets-key';
import { secretReader } from '../security/secret-reader';
import { ResumeKeys } from '../engine/resume-keys';
import { JsonFlowVersionsStore, type FlowVersionsStore } from '../store/flow-versions-store';
import { JsonFlowsStore, type FlowsStore } from '../store/flows-store';
import type { Database } from '../store/postgres/database';
import { openPostgresStores } from '../store/postgres/postgres-stores';
import { JsonProjectTokensStore, type ProjectTokensStore } from '../store/project-tokens-store';
import { JsonSecretsStore, type SecretsStore } from '../store/secrets-store';
import { JsonSettingsStore, type SettingsStore } from '../store/settings-store';
import { StoreProblems } from '../store/store-problems';
import type { RuntimeModule } from './runtime-module';

/** The configuration plane: the stores every instance sharing a database shares. */
export interface Stores {
  /** What each store found unreadable on open (and kept aside). */
  problems: StoreProblems;
  flows: FlowsStore;
  versions: FlowVersionsStore;
  settings: SettingsStore;
  secrets: SecretsStore;
  tokens: ProjectTokensStore;
}

/** Where the stores keep their data: the data folder's JSON files, or a PostgreSQL database. */
export type StoreBackend =
  { kind: 'json' } | { kind: 'postgres'; database: Database; logger: Logger };

/**
 * Opens the stores on the data folder (JSON, the default) or on an open database; the
 * secrets key is the data folder's key file's unless one is given.
 */
export async function openStores(
  dataDir: string,
  secretsKey?: Buffer,
  backend: StoreBackend = { kind: 'json' },
): Promise<Stores> {
  const problems = new StoreProblems();
  const key = secretsKey ?? (await loadOrCreateSecretsKeyFile(dataDir));
  if (backend.kind === 'postgres') {
    return {
      problems,
      ...(await openPostgresStores(backend.database, key, problems, backend.logger)),
    };
  }
  const flows = await JsonFlowsStore.open(dataDir, problems);
  const settings = await JsonSettingsStore.open(dataDir, problems);
  const secrets = await JsonSecretsStore.open(dataDir, key, problems);
  const versions = await JsonFlowVersionsStore.open(dataDir, problems);
  const tokens = await JsonProjectTokensStore.open(dataDir, problems);
  return { problems, flows, settings, secrets, versions, tokens };
}

/**
 * Only what flow functions need (FlowsContext): for the offline CLI, which has no secrets
 * key and only asks which secret ids exist.
 */
export async function openFlowStores(
  dataDir: string,
  problems: StoreProblems,
): Promise<FlowsContext> {
  return {
    flows: await JsonFlowsStore.open(dataDir, problems),
    versions: await JsonFlowVersionsStore.open(dataDir, problems),
    secrets: await JsonSecretsStore.openIds(dataDir, problems),
  };
}

export function openChannels(
  kinds: readonly ChannelKind[],
  options: ChannelOpenOptions,
): Promise<Channel[]> {
  return Promise.all(kinds.map((kind) => kind.open(options)));
}

/**
 * What may replace the engine's defaults: the clock, part by part the services, and the
 * chat channels runs are bound through when they are not the opened channels themselves
 * (the runtime passes the chat service's, which record every message in the chats).
 */
export type EngineParts = Pick<EngineOptions, 'now' | 'services' | 'channels' | 'storage'>;

/**
 * Opens the engine on the stores, which brings back runs that were waiting or running when
 * Hookflow stopped (settings are read then, so they must be in place), and attaches the
 * channels so inbound messages reach runs. Executors read secrets from the secrets store
 * unless `parts.services` replaces them.
 */
export async function openEngine(
  dataDir: string,
  stores: Stores,
  channels: readonly Channel[],
  logger: Logger,
  parts: EngineParts = {},
): Promise<Engine> {
  const { flows, settings, secrets, problems } = stores;
  const engine = await Engine.open({
    dataDir,
    flows,
    settings: () => settings.get(),
    logger,
    channels: parts.channels ?? channels,
    problems,
    services: {
      secrets: secretReader(secrets),
      // Signed with a key derived from the secrets key: they survive restarts.
      resumeKeys: new ResumeKeys(secrets.derivedKey('resume keys')),
      ...parts.services,
    },
    ...(parts.now ? { now: parts.now } : {}),
    ...(parts.storage ? { storage: parts.storage } : {}),
  });
  for (const channel of channels) channel.attach(engine);
  return engine;
}

/** The stores' part in shutdown: their pending writes, after the engine has stopped. */
export function storesSettled(stores: Stores): Promise<void> {
  const { flows, versions, settings, secrets, tokens } = stores;
  return Promise.all([
    flows.settled(),
    versions.settled(),
    settings.settled(),
    secrets.settled(),
    tokens.settled(),
  ]).then(() => undefined);
}

/**
 * A channel as a runtime module: its admin routes (given the API context), its public
 * routers, and its part in shutdown. Its `close` (pollers) runs first, with the tunnel's
 * stop: nothing new arrives while the rest shuts down.
 */
export function channelModule(channel: Channel, ctx?: ApiContext): RuntimeModule {
  return {
    name: channel.name,
    ...(ctx ? { adminRoutes: channel.adminRoutes(ctx) } : {}),
    ...(channel.publicRoutes ? { publicRouters: channel.publicRoutes() } : {}),
    ...(channel.close ? { stop: () => channel.close?.() ?? Promise.resolve() } : {}),
    closeStreams: () => channel.closeStreams(),
    settled: () => channel.settled(),
  };
}
