import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimiter } from '../../../../runtime/security/rate-limit';

describe('RateLimiter', () => {
  it('allows a burst of perMinute, then refills evenly, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(
      () => 60,
      () => now,
    );
    for (let i = 0; i < 60; i += 1) assert.deepEqual(limiter.take('a'), { ok: true });
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 1 });
    assert.deepEqual(limiter.take('b'), { ok: true });
    now += 1000;
    assert.deepEqual(limiter.take('a'), { ok: true });
    assert.equal(limiter.take('a').ok, false);
  });

  it('says how long until the next request with a slow limit, and forgets a key', () => {
    let now = 0;
    const limiter = new RateLimiter(
      () => 2,
      () => now,
    );
    assert.equal(limiter.take('a').ok, true);
    assert.equal(limiter.take('a').ok, true);
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 30 });
    now += 30_000;
    assert.equal(limiter.take('a').ok, true);
    limiter.forget('a');
    assert.equal(limiter.take('a').ok, true);
  });
});
