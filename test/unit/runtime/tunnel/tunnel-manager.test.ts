import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { silentLogger } from '../../../../runtime/logger';
import type { TunnelStatus } from '../../../../runtime/shared/tunnel';
import type {
  ConnectOptions,
  TunnelConnector,
  TunnelSession,
} from '../../../../runtime/tunnel/tunnel-connector';
import { describeTunnelError } from '../../../../runtime/tunnel/tunnel-errors';
import { TunnelManager, type TunnelConfig } from '../../../../runtime/tunnel/tunnel-manager';

// Connectors written for these tests: the ngrok service cannot be reached from here, and
// these let each test decide when and how the connection settles.
function controlledConnector() {
  const pending: {
    options: ConnectOptions;
    resolve: (s: TunnelSession) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const closed: string[] = [];
  const connector: TunnelConnector = {
    connect: (options) =>
      new Promise((resolve, reject) => pending.push({ options, resolve, reject })),
  };
  const session = (url: string): TunnelSession => ({
    url,
    close: async () => void closed.push(url),
  });
  return { connector, pending, closed, session };
}

function manager(
  connector: TunnelConnector,
  config: Partial<TunnelConfig> = {},
  changes: TunnelStatus[] = [],
) {
  return new TunnelManager({
    connector,
    config: () => ({ authtoken: 'tok', domain: undefined, autoStart: false, ...config }),
    forwardTo: () => 'http://127.0.0.1:1',
    logger: silentLogger,
    connectTimeoutMs: 200,
    onChange: (status) => changes.push(status),
  });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TunnelManager', () => {
  it('goes starting → online with the URL the connector reported, and off on stop', async () => {
    const c = controlledConnector();
    const changes: TunnelStatus[] = [];
    const tunnel = manager(c.connector, { domain: 'bot.ngrok.app' }, changes);
    const started = tunnel.start();
    await tick();
    assert.equal(tunnel.status().state, 'starting');
    assert.equal(c.pending[0]?.options.domain, 'bot.ngrok.app');
    c.pending[0]?.resolve(c.session('https://bot.ngrok.app'));
    assert.equal((await started).url, 'https://bot.ngrok.app');
    assert.equal(tunnel.publicUrl(), 'https://bot.ngrok.app');
    await tunnel.stop();
    assert.equal(tunnel.status().state, 'off');
    assert.equal(tunnel.publicUrl(), undefined);
    assert.deepEqual(c.closed, ['https://bot.ngrok.app']);
    assert.deepEqual(
      changes.map((s) => s.state),
      ['starting', 'online', 'off'],
    );
  });

  it('joins concurrent starts into one attempt', async () => {
    const c = controlledConnector();
    const tunnel = manager(c.connector);
    const a = tunnel.start();
    const b = tunnel.start();
    await tick();
    assert.equal(c.pending.length, 1);
    c.pending[0]?.resolve(c.session('https://x.ngrok.app'));
    assert.equal((await a).state, 'online');
    assert.equal((await b).state, 'online');
  });

  it('asks for an authtoken instead of connecting without one', async () => {
    const c = controlledConnector();
    const status = await manager(c.connector, { authtoken: undefined }).start();
    assert.equal(status.state, 'error');
    assert.equal(status.error?.code, 'missing_authtoken');
    assert.equal(c.pending.length, 0);
    assert.equal(status.url, undefined);
  });

  it('times out a connect that never answers, and closes the session if it opens later', async () => {
    const c = controlledConnector();
    const tunnel = manager(c.connector);
    const status = await tunnel.start();
    assert.equal(status.state, 'error');
    assert.equal(status.error?.code, 'timeout');
    c.pending[0]?.resolve(c.session('https://late.ngrok.app'));
    await tick();
    assert.deepEqual(c.closed, ['https://late.ngrok.app']);
    assert.equal(tunnel.publicUrl(), undefined);
  });

  it('closes a session that opens after stop()', async () => {
    const c = controlledConnector();
    const tunnel = manager(c.connector);
    const started = tunnel.start();
    await tick();
    await tunnel.stop();
    c.pending[0]?.resolve(c.session('https://after-stop.ngrok.app'));
    assert.equal((await started).state, 'off');
    assert.deepEqual(c.closed, ['https://after-stop.ngrok.app']);
  });

  it('shows a dropped session as reconnecting and recovers', async () => {
    const c = controlledConnector();
    const tunnel = manager(c.connector);
    const started = tunnel.start();
    await tick();
    c.pending[0]?.resolve(c.session('https://x.ngrok.app'));
    await started;
    c.pending[0]?.options.onStatus('closed');
    assert.equal(tunnel.status().error?.code, 'reconnecting');
    assert.equal(tunnel.publicUrl(), undefined);
    c.pending[0]?.options.onStatus('connected');
    assert.equal(tunnel.publicUrl(), 'https://x.ngrok.app');
  });
});

describe('describeTunnelError', () => {
  it('explains ngrok error codes and network failures', () => {
    assert.equal(describeTunnelError({ errorCode: 'ERR_NGROK_105' }).code, 'invalid_authtoken');
    assert.equal(describeTunnelError({ errorCode: 'ERR_NGROK_107' }).code, 'invalid_authtoken');
    assert.equal(describeTunnelError({ errorCode: 'ERR_NGROK_4018' }).code, 'missing_authtoken');
    assert.equal(describeTunnelError({ errorCode: 'ERR_NGROK_108' }).code, 'session_limit');
    const offline = describeTunnelError(
      new Error('failed to connect session: failed to establish tcp connection'),
    );
    assert.equal(offline.code, 'unreachable');
    assert.match(offline.message, /internet connection/);
    const other = describeTunnelError({ errorCode: 'ERR_NGROK_9999', message: 'something odd' });
    assert.equal(other.code, 'ngrok_error');
    assert.match(other.message, /ERR_NGROK_9999.*something odd/);
  });
});
