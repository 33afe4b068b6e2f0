import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { json, startTestRuntime } from '../helpers/test-runtime';

describe('public listener', () => {
  it('answers /healthz', async () => {
    const rt = await startTestRuntime();
    const response = await fetch(`${rt.public}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('serves no admin route, not even with the admin token', async () => {
    const rt = await startTestRuntime();
    const headers = { authorization: `Bearer ${rt.token}`, 'content-type': 'application/json' };
    for (const [method, path] of [
      ['GET', '/api/flows'],
      ['POST', '/api/flows'],
      ['GET', '/api/settings'],
      ['GET', '/api/status'],
      ['POST', '/api/session/login-url'],
      ['GET', '/login?code=x'],
      ['GET', '/'],
    ] as const) {
      const response = await fetch(`${rt.public}${path}`, {
        method,
        headers,
        ...(method === 'POST' ? { body: '{"name":"x"}' } : {}),
      });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.equal((await json<{ error: { code: string } }>(response)).error.code, 'not_found');
    }
    const flows = await json<{ flows: unknown[] }>(await rt.api('/api/flows'));
    assert.deepEqual(flows.flows, [], 'nothing was created through the public listener');
  });

  it('listens on loopback by default', async () => {
    const rt = await startTestRuntime();
    assert.match(rt.public, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(rt.admin, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
