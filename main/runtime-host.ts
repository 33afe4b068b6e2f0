// The runtime's process when run by the desktop app (an Electron utility process) or by
// the supervisor tests (a Node child process). It only speaks the host protocol; all the
// work is createRuntime(), exactly as `hookflow serve` does it.
import { applyRuntimeHeapPolicy } from '../runtime/heap-policy';
import { createRuntime, type Runtime } from '../runtime/index';
import { consoleLogger } from '../runtime/logger';
import { fromHostSchema, toHostSchema, type FromHost } from './runtime-host-protocol';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

// Electron's utility process exposes process.parentPort; a Node child uses process.send.
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

function send(message: FromHost): void {
  const checked = fromHostSchema.parse(message);
  if (parentPort) parentPort.postMessage(checked);
  else process.send?.(checked);
}

function onMessage(handler: (message: unknown) => void): void {
  if (parentPort) parentPort.on('message', (event) => handler(event.data));
  else process.on('message', handler);
}

let runtime: Runtime | undefined;

async function stop(): Promise<void> {
  await runtime?.stop();
  send({ type: 'stopped' });
  process.exit(0);
}

onMessage((raw) => {
  const parsed = toHostSchema.safeParse(raw);
  if (!parsed.success) {
    consoleLogger.warn('runtime host ignored an unexpected message');
    return;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'start': {
      if (runtime) return;
      applyRuntimeHeapPolicy();
      runtime = createRuntime({
        ...message.options,
        // In Electron's utility process the desktop app (and its tray) is around.
        desktop: parentPort !== undefined,
        secretsKey:
          message.secretsKey === undefined ? undefined : Buffer.from(message.secretsKey, 'base64'),
      });
      runtime.start().then(
        (urls) => send({ type: 'ready', urls, loginUrl: runtime?.loginUrl() ?? urls.admin }),
        (error: unknown) => {
          send({
            type: 'start-failed',
            message: error instanceof Error ? error.message : String(error),
          });
          process.exit(1);
        },
      );
      return;
    }
    case 'login-url':
      if (runtime)
        send({ type: 'login-url', requestId: message.requestId, url: runtime.loginUrl() });
      return;
    case 'stop':
      void stop();
      return;
  }
});

process.on('SIGTERM', () => void stop());
