import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onlineTunnelUrl } from '../../../../renderer/store/tunnel-store';

const base = { hasAuthtoken: true, autoStart: false, since: '2025-01-01T00:00:00.000Z' };

describe('onlineTunnelUrl', () => {
  it('is the URL only while ngrok reports the tunnel online', () => {
    assert.equal(
      onlineTunnelUrl({ ...base, state: 'online', url: 'https://a.ngrok.app' }),
      'https://a.ngrok.app',
    );
    // Reconnecting keeps the last URL in the status, but it does not answer now.
    assert.equal(
      onlineTunnelUrl({
        ...base,
        state: 'error',
        url: 'https://a.ngrok.app',
        error: { code: 'reconnecting', message: 'dropped' },
      }),
      undefined,
    );
    assert.equal(onlineTunnelUrl({ ...base, state: 'starting' }), undefined);
    assert.equal(onlineTunnelUrl(undefined), undefined);
  });
});
