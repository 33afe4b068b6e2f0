// Runs the runtime in its own process and keeps it alive: a crash after a good start is
// restarted with backoff (a runaway flow cannot take the window or tray down with it); a
// failure to start (port in use, unwritable data folder) is reported, not retried.
import {
  fromHostSchema,
  type FromHost,
  type HostStartOptions,
  type ToHost,
} from './runtime-host-protocol';

/** The two process kinds we run under (Electron utility process, Node child) look alike. */
export interface RuntimeProcess {
  send(message: ToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface RuntimeReady {
  urls: { admin: string; public: string };
  loginUrl: string;
}

export type SupervisorEvent =
  | { type: 'ready'; ready: RuntimeReady; restarts: number }
  | { type: 'crashed'; code: number | null; restartInMs: number }
  | { type: 'gave-up'; crashes: number };

export interface SupervisorOptions {
  spawn: () => RuntimeProcess;
  options: HostStartOptions;
  secretsKey?: string;
  /** Crashes allowed within `crashWindowMs` before giving up. */
  maxCrashes?: number;
  crashWindowMs?: number;
  backoffMs?: (attempt: number) => number;
  stopTimeoutMs?: number;
  onEvent?: (event: SupervisorEvent) => void;
}

export class RuntimeStartError extends Error {
  override name = 'RuntimeStartError';
}

export class RuntimeSupervisor {
  #process: RuntimeProcess | undefined;
  #ready: RuntimeReady | undefined;
  #crashes: number[] = [];
  #restarts = 0;
  #stopping = false;
  #requestId = 0;
  readonly #pending = new Map<number, (url: string) => void>();

  constructor(private readonly opts: SupervisorOptions) {}

  get ready(): RuntimeReady | undefined {
    return this.#ready;
  }

  /** Resolves once the runtime listens; rejects if it cannot start. */
  start(): Promise<RuntimeReady> {
    return new Promise((resolve, reject) => {
      this.#launch(
        (ready) => resolve(ready),
        (error) => reject(error),
      );
    });
  }

  loginUrl(): Promise<string> {
    const child = this.#process;
    if (!child || !this.#ready) return Promise.reject(new Error('The runtime is not running'));
    const requestId = ++this.#requestId;
    return new Promise((resolve) => {
      this.#pending.set(requestId, resolve);
      child.send({ type: 'login-url', requestId });
    });
  }

  /** Asks the runtime to finish its work and exit; kills it if it takes too long. */
  stop(): Promise<void> {
    this.#stopping = true;
    const child = this.#process;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill(), this.opts.stopTimeoutMs ?? 10_000);
      child.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      child.send({ type: 'stop' });
    });
  }

  #launch(
    onFirstReady?: (ready: RuntimeReady) => void,
    onStartFailed?: (error: Error) => void,
  ): void {
    const child = this.opts.spawn();
    this.#process = child;
    let started = false;
    // Restarts keep the ports of the first start so open windows and URLs stay valid.
    const options = this.#ready
      ? { ...this.opts.options, ...portsOf(this.#ready) }
      : this.opts.options;

    child.onMessage((raw) => {
      const parsed = fromHostSchema.safeParse(raw);
      if (!parsed.success) return;
      this.#handle(
        parsed.data,
        () => {
          started = true;
          onFirstReady?.(this.#ready as RuntimeReady);
        },
        onStartFailed,
      );
    });
    child.onExit((code) => {
      if (this.#process === child) this.#process = undefined;
      if (this.#stopping) return;
      if (!started) {
        onStartFailed?.(new RuntimeStartError(`The runtime exited during start (code ${code})`));
        return;
      }
      this.#crashed(code);
    });
    child.send({
      type: 'start',
      options,
      ...(this.opts.secretsKey === undefined ? {} : { secretsKey: this.opts.secretsKey }),
    });
  }

  #handle(message: FromHost, onReady: () => void, onStartFailed?: (error: Error) => void): void {
    switch (message.type) {
      case 'ready':
        this.#ready = { urls: message.urls, loginUrl: message.loginUrl };
        this.opts.onEvent?.({ type: 'ready', ready: this.#ready, restarts: this.#restarts });
        onReady();
        return;
      case 'start-failed':
        onStartFailed?.(new RuntimeStartError(message.message));
        return;
      case 'login-url':
        this.#pending.get(message.requestId)?.(message.url);
        this.#pending.delete(message.requestId);
        return;
      case 'stopped':
        return;
    }
  }

  #crashed(code: number | null): void {
    const now = Date.now();
    const windowMs = this.opts.crashWindowMs ?? 60_000;
    this.#crashes = [...this.#crashes.filter((at) => now - at < windowMs), now];
    if (this.#crashes.length > (this.opts.maxCrashes ?? 5)) {
      this.opts.onEvent?.({ type: 'gave-up', crashes: this.#crashes.length });
      return;
    }
    const delay = (this.opts.backoffMs ?? defaultBackoff)(this.#crashes.length);
    this.opts.onEvent?.({ type: 'crashed', code, restartInMs: delay });
    setTimeout(() => {
      if (this.#stopping) return;
      this.#restarts += 1;
      this.#launch();
    }, delay);
  }
}

function defaultBackoff(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1), 15_000);
}

function portsOf(ready: RuntimeReady): Pick<HostStartOptions, 'adminPort' | 'publicPort'> {
  return {
    adminPort: Number(new URL(ready.urls.admin).port),
    publicPort: Number(new URL(ready.urls.public).port),
  };
}
