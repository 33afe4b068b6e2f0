import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RuntimeStatus } from '../../runtime/shared/runtime-status';
import type { TunnelStatus } from '../../runtime/shared/tunnel';
import { localTunnel } from '../helpers/local-tunnel';
import { tempDir } from '../helpers/temp-dir';
import { pollUntil } from '../helpers/poll';
import { json, startTestRuntime } from '../helpers/test-runtime';

const AUTHTOKEN = '2abcDEFghiJKLmnoPQRstuVWX_0123456789abcdefGHIJ';

describe('public tunnel', () => {
  it('reports a real ngrok failure with what to do, and never a URL', async () => {
    // The real ngrok SDK: this machine cannot reach ngrok, so connecting fails for real
    // (offline: "unreachable"; with internet, ngrok itself rejects this made-up token).
    const rt = await startTestRuntime();
    const saved = await rt.api('/api/tunnel/settings', {
      method: 'PUT',
      json: { authtoken: AUTHTOKEN },
    });
    assert.equal(saved.status, 200);
    const status = await json<TunnelStatus>(await rt.api('/api/tunnel/start', { method: 'POST' }));
    assert.equal(status.state, 'error');
    assert.ok(
      ['unreachable', 'invalid_authtoken'].includes(status.error?.code ?? ''),
      JSON.stringify(status),
    );
    assert.equal(status.url, undefined);
    const runtimeStatus = await json<RuntimeStatus>(await rt.api('/api/status'));
    assert.equal(runtimeStatus.urls.tunnel, undefined);
  });

  it('asks for an authtoken before connecting', async () => {
    const rt = await startTestRuntime();
    const status = await json<TunnelStatus>(await rt.api('/api/tunnel/start', { method: 'POST' }));
    assert.equal(status.error?.code, 'missing_authtoken');
    assert.match(status.error?.message ?? '', /dashboard\.ngrok\.com/);
  });

  it('forwards public calls through the tunnel to the public app, and stops', async () => {
    const tunnel = localTunnel();
    const rt = await startTestRuntime({ tunnelConnector: tunnel });
    await rt.api('/api/tunnel/settings', {
      method: 'PUT',
      json: { authtoken: AUTHTOKEN, domain: 'My-Bot.ngrok.app' },
    });
    const status = await json<TunnelStatus>(await rt.api('/api/tunnel/start', { method: 'POST' }));
    assert.equal(status.state, 'online');
    assert.equal(tunnel.connects[0]?.authtoken, AUTHTOKEN);
    assert.equal(tunnel.connects[0]?.domain, 'my-bot.ngrok.app');
    assert.notEqual(
      new URL(tunnel.connects[0]?.forwardTo ?? '').port,
      new URL(rt.public).port,
      'forwards to the tunnel entry, not the public listener',
    );
    const url = status.url ?? '';
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal(
      (await fetch(`${url}/api/flows`, { headers: { authorization: `Bearer ${rt.token}` } }))
        .status,
      404,
      'no admin API through the tunnel',
    );
    assert.equal((await json<RuntimeStatus>(await rt.api('/api/status'))).urls.tunnel, url);

    const stopped = await json<TunnelStatus>(await rt.api('/api/tunnel/stop', { method: 'POST' }));
    assert.equal(stopped.state, 'off');
    assert.equal(tunnel.open.size, 0);
  });

  it('keeps the authtoken encrypted and never returns it; reopens on start when asked', async () => {
    const dataDir = await tempDir();
    const tunnel = localTunnel();
    const first = await startTestRuntime({ dataDir, tunnelConnector: tunnel });
    const saved = await first.api('/api/tunnel/settings', {
      method: 'PUT',
      json: { authtoken: AUTHTOKEN, autoStart: true },
    });
    const body = await saved.text();
    assert.doesNotMatch(body, new RegExp(AUTHTOKEN));
    assert.equal(JSON.parse(body).hasAuthtoken, true);
    for (const path of ['/api/tunnel', '/api/settings', '/api/status']) {
      assert.doesNotMatch(await (await first.api(path)).text(), new RegExp(AUTHTOKEN), path);
    }
    assert.doesNotMatch(
      await readFile(join(dataDir, 'secrets.json'), 'utf8'),
      new RegExp(AUTHTOKEN),
    );
    await first.stop();

    const second = await startTestRuntime({ dataDir, tunnelConnector: tunnel });
    const status = await pollUntil(
      async () => json<TunnelStatus>(await second.api('/api/tunnel')),
      (found) => found.state === 'online',
      'the tunnel auto-starting',
    );
    assert.equal(status.state, 'online', 'auto-started');
    await second.api('/api/tunnel/settings', { method: 'PUT', json: { authtoken: '' } });
    assert.equal((await json<TunnelStatus>(await second.api('/api/tunnel'))).hasAuthtoken, false);
  });

  it('refuses bad settings with clear errors', async () => {
    const rt = await startTestRuntime();
    for (const body of [{}, { domain: 'https://bot.ngrok.app/x' }, { autoStart: 'yes' }]) {
      const response = await rt.api('/api/tunnel/settings', { method: 'PUT', json: body });
      assert.equal(response.status, 400, JSON.stringify(body));
    }
  });
});
