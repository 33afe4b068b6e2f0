// createRuntime(): the product's core. `hookflow serve` and the desktop app both call it;
// it owns the data folder, the stores and the two listeners (DESIGN.md "Two listeners").
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ApiContext } from './api/context';
import { tunnelConfig } from './api/tunnel';
import { RuntimeEvents } from './api/runtime-events';
import type { ChannelKind } from './channels/channel';
import type { EndpointCatalog } from './ingress/endpoints';
import { shippedChannels } from './channels/registry';
import { openIngress } from './ingress/open-ingress';
import { DEFAULT_ADMIN_PORT, DEFAULT_PUBLIC_PORT } from './defaults';
import { consoleLogger, type Logger } from './logger';
import { loadOrCreateAdminToken } from './security/admin-token';
import { LoginCodes } from './security/login-codes';
import { createAdminApp } from './server/admin-app';
import { resolveDesignerDir } from './server/designer-files';
import { listen, type Listener } from './server/listen';
import { createPublicApp } from './server/public-app';
import { runsRoutes } from './server/routes/runs-routes';
import { secretsRoutes } from './server/routes/secrets-routes';
import { tunnelRoutes } from './server/routes/tunnel-routes';
import { markingViaTunnel } from './server/via-tunnel';
import {
  adminRoutesOf,
  publicRoutersOf,
  publicRoutesOf,
  shutdownModules,
  type RuntimeModule,
} from './modules/runtime-module';
import { channelModule, openChannels, openEngine, openStores, storesSettled } from './modules/core';
import { writeFileAtomic } from './store/atomic-file';
import { defaultDataDir, ensureWritableDataDir } from './store/data-dir';
import { lockDataDir, type DataDirLock } from './store/data-dir-lock';
import { OutboundHttp, type OutboundHttpOptions } from './outbound/outbound-http';
import { secretReader } from './security/secret-reader';
import { httpTestRequestRoutes } from './server/routes/http-test-request-routes';
import { CustomersStore } from './store/customers-store';
import { customersRoutes } from './server/routes/customers-routes';
import { ChatService } from './chats/chat-service';
import { chatsRoutes } from './server/routes/chats-routes';
import { channelsRoutes } from './server/routes/channels-routes';
import { ChannelInbound } from './channels/inbound';
import { ngrokConnector, type TunnelConnector } from './tunnel/tunnel-connector';
import { TunnelManager } from './tunnel/tunnel-manager';
import { Database } from './store/postgres/database';
import { postgresRunStorage } from './store/postgres/pg-run-storage';
import { readinessRoutes } from './server/routes/readiness-routes';
import { RateLimiter } from './security/rate-limit';
import { projectTokensRoutes } from './server/routes/project-tokens-routes';
import { apiV1Routes } from './server/routes/api-v1-routes';

export { DEFAULT_ADMIN_PORT, DEFAULT_PUBLIC_PORT };
const ADMIN_HOST = '127.0.0.1';

export interface RuntimeOptions {
  dataDir?: string;
  /** Admin listener port on 127.0.0.1; 0 picks a free one. */
  adminPort?: number;
  /** Public listener port; 0 picks a free one. */
  publicPort?: number;
  /** Public listener address: 127.0.0.1 by default, 0.0.0.0 to open it to the LAN. */
  publicHost?: string;
  designerDir?: string;
  logger?: Logger;
  /** The key for secrets at rest; the desktop app passes one from the OS keychain. */
  secretsKey?: Buffer;
  /** How the public tunnel connects; ngrok by default (tests pass a stand-in). */
  tunnelConnector?: TunnelConnector;
  /** Run by the desktop app (Electron): what the runtime tells users may mention its tray. */
  desktop?: boolean;
  /** Channels besides the shipped ones (tests register their own this way). */
  channels?: readonly ChannelKind[];
  /**
   * The environment channels read their overrides from; process.env by default. Tests
   * point Telegram at a local emulator this way (HOOKFLOW_TELEGRAM_API_ROOT).
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Which node types own a public URL; the shipped definitions' endpoints by default. A
   * test gives a type an endpoint no shipped type declares yet (a resume endpoint) this way.
   */
  endpoints?: EndpointCatalog;
  /** The outbound client's address check (tests narrow it to reach loopback servers). */
  outbound?: Pick<OutboundHttpOptions, 'isBlocked'>;
  /**
   * A PostgreSQL URL: the configuration plane (flows, versions, settings, secrets, project
   * tokens) and the runs with their checkpoints live there, shared with every instance given
   * the same URL and secrets key. Calls, customers, chats and logs stay in the data folder.
   */
  database?: string;
  /** How long one database query may take (runtime/store/postgres/database.ts; 15 s). */
  databaseQueryTimeoutMs?: number;
}

export interface RuntimeUrls {
  admin: string;
  public: string;
  /** The public tunnel's base URL, while it is online. */
  tunnel?: string;
}

export interface Runtime {
  readonly dataDir: string;
  start(): Promise<RuntimeUrls>;
  /** Stops accepting, finishes in-flight requests and writes, then resolves. */
  stop(): Promise<void>;
  urls(): RuntimeUrls;
  /** A fresh one-time designer sign-in URL. */
  loginUrl(): string;
  /** The admin token (for the Electron shell and tests); never logged. */
  adminToken(): string;
}

/** Written while running so `hookflow open` can find the admin listener. */
export const RUNTIME_INFO_FILE = 'runtime.json';

interface Running {
  admin: Listener;
  public: Listener;
  /** Loopback listener the tunnel forwards to; it marks requests as via-tunnel. */
  tunnelEntry: Listener;
  /** In shutdown order (see shutdownModules). */
  modules: readonly RuntimeModule[];
  ctx: ApiContext;
  token: string;
  urls: RuntimeUrls;
  lock: DataDirLock;
  /** Closed last, after every store has written out. */
  database: Database | undefined;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const logger = options.logger ?? consoleLogger;
  const loginCodes = new LoginCodes();
  let running: Running | undefined;
  let starting: Promise<RuntimeUrls> | undefined;
  let stopping: Promise<void> | undefined;

  const current = (): Running => {
    if (!running) throw new Error('The runtime is not started');
    return running;
  };
  const loginUrl = (): string => `${current().urls.admin}/login?code=${loginCodes.issue()}`;

  return {
    dataDir,
    urls: () => current().urls,
    adminToken: () => current().token,
    loginUrl,

    start() {
      if (running) return Promise.resolve(running.urls);
      starting ??= (async () => {
        await ensureWritableDataDir(dataDir);
        const lock = await lockDataDir(dataDir);
        let database: Database | undefined;
        try {
          if (options.database) {
            database = await Database.open({
              url: options.database,
              logger,
              ...(options.databaseQueryTimeoutMs === undefined
                ? {}
                : { queryTimeoutMs: options.databaseQueryTimeoutMs }),
            });
          }
          running = await open(dataDir, options, logger, loginCodes, lock, loginUrl, database);
          return running.urls;
        } catch (error) {
          await database?.close();
          await lock.release();
          throw error;
        } finally {
          starting = undefined;
        }
      })();
      return starting;
    },

    stop() {
      if (!running) return Promise.resolve();
      stopping ??= (async () => {
        const state = current();
        await shutdownModules({
          modules: state.modules,
          listeners: [state.admin, state.public, state.tunnelEntry],
          engine: state.ctx.engine,
        });
        await state.database?.close();
        await rm(join(dataDir, RUNTIME_INFO_FILE), { force: true });
        await state.lock.release();
        running = undefined;
        stopping = undefined;
      })();
      return stopping;
    },
  };
}

async function open(
  dataDir: string,
  options: RuntimeOptions,
  logger: Logger,
  loginCodes: LoginCodes,
  lock: DataDirLock,
  loginUrl: () => string,
  database: Database | undefined,
): Promise<Running> {
  const stores = await openStores(
    dataDir,
    options.secretsKey,
    database ? { kind: 'postgres', database, logger } : { kind: 'json' },
  );
  const { problems, flows, settings, secrets, versions, tokens: projectTokens } = stores;
  const defaultCountry = (): string | undefined => settings.get().customers.defaultCountry;
  // Read in the background (100k customers take ~1 s): the designer and webhooks do not
  // wait for them; bindings and the Customers view do (runtime/store/customers-store.ts).
  const customers = CustomersStore.load({
    dir: join(dataDir, 'customers'),
    problems,
    logger,
    defaultCountry,
  });
  const loadingSince = performance.now();
  customers.loaded().then(
    () => {
      // Said only when it took long enough to notice (bench:customers waits for this line).
      const ms = Math.round(performance.now() - loadingSince);
      if (ms >= 200) logger.info(`customers loaded: ${customers.size} in ${ms} ms`);
    },
    (error: unknown) =>
      logger.error('The customers could not be read: bindings and the Customers view fail', {
        error: error instanceof Error ? error.message : String(error),
      }),
  );
  const events = new RuntimeEvents((event, error) =>
    logger.error(`a ${event} listener failed`, {
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  // Where people's messages go; wired below once the chats and the engine are open.
  const inbound = new ChannelInbound();
  const channels = await openChannels([...shippedChannels, ...(options.channels ?? [])], {
    dataDir,
    problems,
    secrets,
    settings,
    logger,
    inbound,
    env: options.env ?? process.env,
  });
  // Chats bound by Webhook Triggers, over the channels just opened (test chat: connected).
  const chats = await ChatService.open({
    dir: join(dataDir, 'chats'),
    channels,
    problems,
    logger,
    defaultCountry,
  });
  // The runtime's one outbound HTTP client: runs and Test Request share its connections,
  // its private-network guard and the runtime-wide setting that can forbid opting out.
  const outbound = new OutboundHttp({
    ...options.outbound,
    forbidPrivateNetwork: () => settings.get().outbound.forbidPrivateNetwork,
  });
  const execSecrets = secretReader(secrets);
  // Project tokens (seed 004) authorise the public API; the admin token stays admin-only.
  const tokenLimiter = new RateLimiter(() => settings.get().api.requestsPerMinutePerToken);
  // Opening the engine brings back runs that were waiting or running when Hookflow stopped.
  const engine = await openEngine(dataDir, stores, channels, logger, {
    services: { secrets: execSecrets, http: outbound, customers, chats },
    channels: chats.chatChannels(),
    // With a database, runs and their checkpoints are kept there (readable by every instance).
    ...(database ? { storage: postgresRunStorage(database, dataDir) } : {}),
  });
  inbound.connect({ engine, chats, customers, flows, logger });
  // Also starts the runs of calls accepted just before a crash.
  const ingress = await openIngress({
    dataDir,
    flows,
    settings,
    secrets,
    engine,
    channels: chats.ingressChannels(),
    events,
    logger,
    problems,
    ...(options.endpoints ? { endpoints: options.endpoints } : {}),
  });
  const ctx: ApiContext = {
    dataDir,
    problems,
    flows,
    versions,
    settings,
    secrets,
    events,
    engine,
    projectTokens,
    channelLookup: { list: () => channels.map(({ name, label }) => ({ id: name, label })) },
  };
  for (const problem of problems.list()) {
    logger.warn(`${problem.reason}. The file was kept as ${problem.keptAt}.`);
  }
  const token = await loadOrCreateAdminToken(dataDir);
  // Known only once the listeners have their ports; read lazily by the admin app.
  const known: { urls?: RuntimeUrls; entryPort?: number; tunnelUrl?: string | undefined } = {};
  const tunnel = new TunnelManager({
    connector: options.tunnelConnector ?? ngrokConnector,
    config: () => tunnelConfig(ctx),
    forwardTo: () => `http://127.0.0.1:${known.entryPort ?? 0}`,
    logger,
    // Channels that take a platform's webhooks (Telegram) switch to them while it is online.
    onChange: (status) => {
      const url = status.state === 'online' ? status.url : undefined;
      if (url === known.tunnelUrl) return;
      known.tunnelUrl = url;
      for (const channel of channels) channel.onPublicUrl?.(url);
    },
  });
  const getUrls = (): RuntimeUrls => {
    if (!known.urls) throw new Error('The runtime is still starting');
    const tunnelUrl = tunnel.publicUrl();
    return tunnelUrl ? { ...known.urls, tunnel: tunnelUrl } : known.urls;
  };

  const modules: RuntimeModule[] = [
    // First: their pollers stop before the tunnel closes (which would switch their mode).
    ...channels.map((channel) => channelModule(channel, ctx)),
    { name: 'tunnel', adminRoutes: [tunnelRoutes({ ...ctx, tunnel })], stop: () => tunnel.stop() },
    {
      name: 'stores',
      adminRoutes: [runsRoutes(ctx), secretsRoutes(ctx)],
      publicRouters: [readinessRoutes(database)],
      settled: () => storesSettled(stores),
    },
    {
      name: 'channels',
      adminRoutes: [channelsRoutes(channels)],
      close: async () => inbound.close(),
    },
    {
      name: 'outbound',
      adminRoutes: [httpTestRequestRoutes({ flows, secrets: execSecrets, http: outbound })],
      // After the engine has stopped: no run or Test Request uses the sockets any more.
      close: () => outbound.close(),
    },
    {
      name: 'customers',
      adminRoutes: [customersRoutes({ customers, defaultCountry, chats })],
      close: () => customers.close(),
      settled: () => customers.settled(),
    },
    {
      name: 'chats',
      adminRoutes: [chatsRoutes({ chats })],
      // After the engine has stopped: no run sends through a chat binding any more.
      close: () => chats.close(),
      settled: () => chats.settled(),
    },
    {
      name: 'project-tokens',
      adminRoutes: [projectTokensRoutes({ tokens: projectTokens })],
      publicRouters: [
        apiV1Routes({ flows, engine, chats }, { tokens: projectTokens, limiter: tokenLimiter }),
      ],
      close: () => projectTokens.close(),
    },
    {
      name: 'ingress',
      adminRoutes: [ingress.adminRouter(getUrls)],
      publicRoutes: [ingress.publicRoute],
      closeStreams: () => ingress.closeStreams(),
      close: () => ingress.close(),
    },
  ];
  const adminApp = createAdminApp({
    ctx,
    adminToken: token,
    loginCodes,
    designerDir: options.designerDir ?? resolveDesignerDir(),
    logger,
    urls: getUrls,
    loginUrl,
    desktop: options.desktop ?? false,
    apiRouters: adminRoutesOf(modules),
  });
  const publicApp = createPublicApp({
    logger,
    direct: publicRoutesOf(modules),
    routers: publicRoutersOf(modules),
  });

  let admin: Listener | undefined;
  let publicListener: Listener | undefined;
  let tunnelEntry: Listener;
  try {
    admin = await listen(adminApp, options.adminPort ?? DEFAULT_ADMIN_PORT, ADMIN_HOST, '--port');
    publicListener = await listen(
      publicApp,
      options.publicPort ?? DEFAULT_PUBLIC_PORT,
      options.publicHost ?? '127.0.0.1',
      '--public-port',
    );
    tunnelEntry = await listen(markingViaTunnel(publicApp), 0, '127.0.0.1', 'the tunnel entry');
  } catch (error) {
    await shutdownModules({ modules, listeners: [admin, publicListener], engine });
    throw error;
  }
  known.entryPort = tunnelEntry.port;
  const urls: RuntimeUrls = {
    admin: `http://${ADMIN_HOST}:${admin.port}`,
    public: `http://${displayHost(publicListener.host)}:${publicListener.port}`,
  };
  known.urls = urls;
  await writeFileAtomic(
    join(dataDir, RUNTIME_INFO_FILE),
    JSON.stringify({ pid: process.pid, ...urls, startedAt: new Date().toISOString() }),
  );
  if (tunnel.status().autoStart) void tunnel.start();
  return {
    admin,
    public: publicListener,
    tunnelEntry,
    modules,
    ctx,
    token,
    urls,
    lock,
    database,
  };
}

/** A wildcard bind is reached locally through loopback; IPv6 literals need brackets. */
function displayHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
