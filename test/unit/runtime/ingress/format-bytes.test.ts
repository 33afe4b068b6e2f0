import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes } from '../../../../runtime/ingress/format-bytes';

describe('formatBytes', () => {
  it('names sizes the way the 413 message shows them', () => {
    assert.equal(formatBytes(100), '100 bytes');
    assert.equal(formatBytes(1024), '1 KiB');
    assert.equal(formatBytes(256 * 1024), '256 KiB');
    assert.equal(formatBytes(1024 * 1024), '1 MiB');
    assert.equal(formatBytes(1.5 * 1024 * 1024), '1.5 MiB');
    assert.equal(formatBytes(25 * 1024 * 1024), '25 MiB');
  });
});
