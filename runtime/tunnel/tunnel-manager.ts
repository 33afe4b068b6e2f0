// Opens and closes the public tunnel and keeps its status. One attempt at a time; a
// start while starting joins that attempt. The SDK has no timeout of its own (it can
// hang on a stalled network), so every connect is raced against one.
import type { Logger } from '../logger';
import type { TunnelState, TunnelStatus } from '../shared/tunnel';
import type { TunnelConnector, TunnelSession } from './tunnel-connector';
import { describeTunnelError, TIMEOUT_ERROR, type TunnelError } from './tunnel-errors';

export interface TunnelConfig {
  authtoken: string | undefined;
  domain: string | undefined;
  autoStart: boolean;
}

export interface TunnelManagerOptions {
  connector: TunnelConnector;
  /** Read at each start, so settings changes apply to the next start. */
  config: () => TunnelConfig;
  /** The tunnel entry listener's address, e.g. http://127.0.0.1:41234. */
  forwardTo: () => string;
  logger: Logger;
  connectTimeoutMs?: number;
  onChange?: (status: TunnelStatus) => void;
}

class ConnectTimeout extends Error {}

export class TunnelManager {
  #state: TunnelState = 'off';
  #url: string | undefined;
  #error: TunnelError | undefined;
  #since = new Date().toISOString();
  #session: TunnelSession | undefined;
  #starting: Promise<TunnelStatus> | undefined;
  /** Bumped by stop(), so a connect that finishes after a stop is closed at once. */
  #generation = 0;

  constructor(private readonly options: TunnelManagerOptions) {}

  status(): TunnelStatus {
    const config = this.options.config();
    return {
      state: this.#state,
      ...(this.#url ? { url: this.#url } : {}),
      ...(this.#error ? { error: this.#error } : {}),
      hasAuthtoken: config.authtoken !== undefined,
      autoStart: config.autoStart,
      ...(config.domain ? { domain: config.domain } : {}),
      since: this.#since,
    };
  }

  /** The public URL while online, else undefined. */
  publicUrl(): string | undefined {
    return this.#state === 'online' ? this.#url : undefined;
  }

  start(): Promise<TunnelStatus> {
    if (this.#state === 'online') return Promise.resolve(this.status());
    this.#starting ??= this.#connect().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async stop(): Promise<TunnelStatus> {
    this.#generation += 1;
    const session = this.#session;
    this.#session = undefined;
    this.#set('off');
    if (session)
      await session
        .close()
        .catch((error: unknown) =>
          this.options.logger.warn(`closing the tunnel: ${String(error)}`),
        );
    return this.status();
  }

  async #connect(): Promise<TunnelStatus> {
    const { authtoken, domain } = this.options.config();
    if (!authtoken) {
      this.#set('error', undefined, describeTunnelError({ errorCode: 'ERR_NGROK_4018' }));
      return this.status();
    }
    const generation = this.#generation;
    this.#set('starting');
    let timer: NodeJS.Timeout | undefined;
    // Set when we stop waiting (timeout, stop()): a session that opens later is closed.
    let abandoned = false;
    const connecting = this.options.connector.connect({
      forwardTo: this.options.forwardTo(),
      authtoken,
      ...(domain ? { domain } : {}),
      onStatus: (status) => this.#onSessionStatus(generation, status),
    });
    connecting.then(
      (late) => {
        if (abandoned) void late.close().catch(() => undefined);
      },
      () => undefined,
    );
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ConnectTimeout()),
          this.options.connectTimeoutMs ?? 20_000,
        );
      });
      const session = await Promise.race([connecting, timeout]);
      if (generation !== this.#generation) {
        await session.close().catch(() => undefined);
        return this.status();
      }
      this.#session = session;
      this.#set('online', session.url);
      this.options.logger.info(`public tunnel open: ${session.url}`);
    } catch (error) {
      abandoned = true;
      if (generation !== this.#generation) return this.status();
      const described =
        error instanceof ConnectTimeout ? TIMEOUT_ERROR : describeTunnelError(error);
      this.options.logger.warn(`public tunnel failed: ${described.message}`);
      this.#set('error', undefined, described);
    } finally {
      clearTimeout(timer);
    }
    return this.status();
  }

  /** ngrok reconnects a dropped session by itself; show the gap meanwhile. */
  #onSessionStatus(generation: number, status: string): void {
    if (generation !== this.#generation || !this.#session) return;
    if (status === 'connected') this.#set('online', this.#session.url);
    else if (status === 'closed') {
      this.#set('error', this.#session.url, {
        code: 'reconnecting',
        message: 'The connection to ngrok dropped; reconnecting. Webhooks still work locally.',
      });
    }
  }

  #set(state: TunnelState, url?: string, error?: TunnelError): void {
    this.#state = state;
    this.#url = url;
    this.#error = error;
    this.#since = new Date().toISOString();
    this.options.onChange?.(this.status());
  }
}
