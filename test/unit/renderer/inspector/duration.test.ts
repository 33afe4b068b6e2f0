import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeDuration,
  splitDuration,
  toSeconds,
} from '../../../../renderer/inspector/duration';

describe('duration', () => {
  it('converts an amount of a unit to whole seconds', () => {
    assert.equal(toSeconds(90, 'seconds'), 90);
    assert.equal(toSeconds(5, 'minutes'), 300);
    assert.equal(toSeconds(1.5, 'hours'), 5400);
    assert.equal(toSeconds(2, 'days'), 172_800);
    assert.equal(toSeconds(0.0004, 'minutes'), 0, 'rounded to whole seconds');
    assert.equal(toSeconds(undefined, 'minutes'), undefined);
    assert.equal(toSeconds(-1, 'seconds'), undefined);
    assert.equal(toSeconds(Number.NaN, 'seconds'), undefined);
  });

  it('splits seconds into the largest unit that shows a whole amount', () => {
    assert.deepEqual(splitDuration(300), { amount: 5, unit: 'minutes' });
    assert.deepEqual(splitDuration(5400), { amount: 90, unit: 'minutes' });
    assert.deepEqual(splitDuration(7200), { amount: 2, unit: 'hours' });
    assert.deepEqual(splitDuration(86_400), { amount: 1, unit: 'days' });
    assert.deepEqual(splitDuration(45), { amount: 45, unit: 'seconds' });
    assert.deepEqual(splitDuration(0), { amount: 0, unit: 'seconds' });
    assert.deepEqual(splitDuration(undefined), { amount: undefined, unit: 'seconds' });
  });

  it('only uses the units offered', () => {
    assert.deepEqual(splitDuration(7200, ['seconds', 'minutes']), { amount: 120, unit: 'minutes' });
    assert.deepEqual(splitDuration(90, ['minutes', 'hours']), { amount: 1.5, unit: 'minutes' });
  });

  it('round-trips every split back to the same seconds', () => {
    for (const seconds of [1, 59, 60, 61, 300, 3599, 3600, 5400, 86_399, 86_400, 90_000]) {
      const { amount, unit } = splitDuration(seconds);
      assert.equal(toSeconds(amount, unit), seconds);
    }
  });

  it('describes a duration in at most two parts', () => {
    assert.equal(describeDuration(1), '1 second');
    assert.equal(describeDuration(300), '5 minutes');
    assert.equal(describeDuration(5400), '1 hour 30 minutes');
    assert.equal(describeDuration(90_061), '1 day 1 hour');
    assert.equal(describeDuration(0), '0 seconds');
  });
});
