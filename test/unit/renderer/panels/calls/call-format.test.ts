import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  authText,
  callMarkers,
  callTime,
  formatBytes,
  refusalText,
  statusKind,
} from '../../../../../renderer/panels/calls/call-format';

describe('statusKind', () => {
  it('2xx ok, 4xx refused, 5xx failed, none yet pending', () => {
    assert.equal(statusKind(202), 'ok');
    assert.equal(statusKind(401), 'refused');
    assert.equal(statusKind(503), 'failed');
    assert.equal(statusKind(undefined), 'pending');
  });
});

describe('refusalText', () => {
  it('says why a call was refused: the failed authentication, else the refusal code', () => {
    assert.equal(
      refusalText({ status: 401, auth: { outcome: 'failed', code: 'invalid_token' } }),
      '401, auth failed: wrong token',
    );
    assert.equal(
      refusalText({
        status: 403,
        auth: { outcome: 'not-checked' },
        response: { error: { code: 'ip_not_allowed', message: '…' } },
      }),
      '403, ip not allowed',
    );
    assert.equal(refusalText({ status: 403, auth: { outcome: 'not-checked' } }), '403');
  });
});

describe('authText', () => {
  it('says the outcome in words', () => {
    assert.equal(authText({ outcome: 'passed', scheme: 'bearer' }), 'Auth passed (bearer)');
    assert.equal(authText({ outcome: 'passed', scheme: 'public' }), 'Public: no auth');
    assert.equal(
      authText({ outcome: 'failed', code: 'invalid_token' }),
      'Auth failed: wrong token',
    );
    assert.equal(
      authText({ outcome: 'failed', code: 'some_new_code' }),
      'Auth failed: some new code',
    );
    assert.equal(authText({ outcome: 'failed' }), 'Auth failed');
    assert.equal(authText({ outcome: 'not-checked' }), 'Auth not checked');
  });
});

describe('formatBytes', () => {
  it('uses B, KiB and MiB', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(64 * 1024), '64 KiB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MiB');
    assert.equal(formatBytes(25 * 1024 * 1024), '25 MiB');
  });
});

describe('callTime', () => {
  it('shows seconds for today and the date for another day', () => {
    const now = new Date(2026, 0, 2, 12, 0, 0);
    const today = callTime(new Date(2026, 0, 2, 10, 11, 12).toISOString(), now);
    const earlier = callTime(new Date(2026, 0, 1, 10, 11, 12).toISOString(), now);
    assert.match(today, /11.*12/);
    assert.doesNotMatch(earlier, /:12/);
    assert.match(earlier, /1/);
    assert.notEqual(today, earlier);
  });

  it('gives back text that is not a time as it is', () => {
    assert.equal(callTime('not a time'), 'not a time');
  });
});

describe('callMarkers', () => {
  it('tags captured, duplicate and replayed calls', () => {
    assert.deepEqual(callMarkers({}), []);
    assert.deepEqual(callMarkers({ captured: true, duplicateOf: 'c_1', replayOf: 'c_2' }), [
      'captured — not run',
      'duplicate',
      'replay',
    ]);
  });
});
