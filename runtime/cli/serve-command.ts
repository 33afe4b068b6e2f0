import { applyRuntimeHeapPolicy } from '../heap-policy';
import { createRuntime } from '../index';
import { consoleLogger } from '../logger';
import { parseCommandArgs, parsePort } from './args';
import { openInBrowser } from './open-browser';
import { onStopRequest } from './stop-requests';

export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'public-port': { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean', default: false },
  });
  applyRuntimeHeapPolicy();
  const runtime = createRuntime({
    dataDir: values['data-dir'],
    adminPort: parsePort(values.port, '--port'),
    publicPort: parsePort(values['public-port'], '--public-port'),
    publicHost: values.host,
    logger: consoleLogger,
  });
  const urls = await runtime.start();
  // Listening before the URLs are printed: whoever reads them may stop us at once.
  onStopRequest({
    stop: (reason) => {
      consoleLogger.info(`${reason}: finishing in-flight work…`);
      runtime.stop().then(
        () => {
          consoleLogger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          consoleLogger.error(`could not stop cleanly: ${String(error)}`);
          process.exit(1);
        },
      );
    },
    exitNow: (reason) => {
      consoleLogger.warn(`${reason} again: exiting without waiting`);
      process.exit(1);
    },
  });
  const login = runtime.loginUrl();
  consoleLogger.info(`data folder: ${runtime.dataDir}`);
  consoleLogger.info(`webhooks (public listener): ${urls.public}`);
  consoleLogger.info(`designer: ${login}`);
  consoleLogger.info('press Ctrl+C to stop');
  if (values.open) openInBrowser(login, (message) => consoleLogger.warn(message));
}
