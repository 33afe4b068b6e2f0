import { applyRuntimeHeapPolicy } from '../heap-policy';
import { createRuntime } from '../index';
import { consoleLogger } from '../logger';
import { parseCommandArgs, parsePort } from './args';
import { openInBrowser } from './open-browser';
import { onStopRequest } from './stop-requests';
import { redactDatabaseUrl } from '../store/postgres/database-url';
import { serverOptions } from './server-options';

export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'public-port': { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean', default: false },
    database: { type: 'string' },
    'secrets-key-file': { type: 'string' },
    'query-timeout': { type: 'string' },
  });
  const server = await serverOptions({
    database: values.database,
    secretsKeyFile: values['secrets-key-file'],
    queryTimeout: values['query-timeout'],
  });
  applyRuntimeHeapPolicy();
  const runtime = createRuntime({
    dataDir: values['data-dir'],
    adminPort: parsePort(values.port, '--port'),
    publicPort: parsePort(values['public-port'], '--public-port'),
    publicHost: values.host,
    logger: consoleLogger,
    ...server,
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
  if (server.database) {
    consoleLogger.info(
      `database: ${redactDatabaseUrl(server.database)} (shared: flows, versions, settings, ` +
        'secrets, project tokens, runs; still in the data folder: calls, customers, chats, logs)',
    );
  }
  consoleLogger.info(`webhooks (public listener): ${urls.public}`);
  consoleLogger.info(`designer: ${login}`);
  consoleLogger.info('press Ctrl+C to stop');
  if (values.open) openInBrowser(login, (message) => consoleLogger.warn(message));
}
