import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomText } from '../../../../runtime/security/random-pool';

test('random text: the asked number of bytes, never the same bytes twice across refills', () => {
  const seen = new Set<string>();
  // 16 bytes each: 1,000 draws go through the 4 KiB pool four times.
  for (let i = 0; i < 1000; i++) {
    const text = randomText(16, 'base64url');
    assert.match(text, /^[A-Za-z0-9_-]{22}$/);
    assert.ok(!seen.has(text), 'a repeated id');
    seen.add(text);
  }
  assert.match(randomText(6, 'hex'), /^[0-9a-f]{12}$/);
});

test('random text: more than the pool at once is refused, not silently short', () => {
  assert.throws(() => randomText(4097, 'hex'), RangeError);
});
