// Token buckets on a clock the test turns by hand: a burst, then the steady rate, the
// Retry-After a refused request is told, keys apart, and memory bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimiter } from '../../../../runtime/security/rate-limiter';

describe('RateLimiter', () => {
  it('lets a burst through, then one request per refill, and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perMinute: 6 }, () => now);
    for (let i = 0; i < 3; i += 1) assert.deepEqual(limiter.take('a'), { ok: true });
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 10 });
    now += 5_000;
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 5 });
    now += 5_000;
    assert.deepEqual(limiter.take('a'), { ok: true });
    assert.equal(limiter.take('a').ok, false);
    assert.equal(limiter.take('b').ok, true, 'another key has its own bucket');
    now += 60_000;
    for (let i = 0; i < 3; i += 1)
      assert.equal(limiter.take('a').ok, true, 'refilled to the burst');
    assert.equal(limiter.take('a').ok, false, 'never above the burst');
  });

  it('past its bound, forgets refilled keys first (forgetting them changes nothing)', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 1, perMinute: 1 }, () => now, 2);
    assert.equal(limiter.take('idle').ok, true);
    now += 120_000; // 'idle' has refilled since
    assert.equal(limiter.take('busy').ok, true);
    assert.equal(limiter.take('newcomer').ok, true); // a third key: past the bound
    assert.equal(limiter.take('busy').ok, false, 'the limited key was kept');
  });
});
