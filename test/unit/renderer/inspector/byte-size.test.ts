import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeBytes, splitBytes, toBytes } from '../../../../renderer/inspector/byte-size';

describe('byte sizes', () => {
  it('turns an amount of a unit into whole bytes', () => {
    assert.equal(toBytes(1, 'MiB'), 1024 * 1024);
    assert.equal(toBytes(1.5, 'KiB'), 1536);
    assert.equal(toBytes(undefined, 'KiB'), undefined);
    assert.equal(toBytes(-1, 'KiB'), undefined);
    assert.equal(toBytes(Number.NaN, 'KiB'), undefined);
  });

  it('shows whole MiB as MiB, anything else as KiB', () => {
    assert.deepEqual(splitBytes(25 * 1024 * 1024), { amount: 25, unit: 'MiB' });
    assert.deepEqual(splitBytes(512 * 1024), { amount: 512, unit: 'KiB' });
    assert.deepEqual(splitBytes(1000), { amount: 0.98, unit: 'KiB' });
    assert.deepEqual(splitBytes(undefined), { amount: undefined, unit: 'MiB' });
    assert.equal(describeBytes(1024 * 1024), '1 MiB');
    assert.equal(describeBytes(1536), '1.5 KiB');
  });
});
