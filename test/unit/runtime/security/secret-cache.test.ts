import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { SecretCache } from '../../../../runtime/security/secret-cache';
import { JsonSecretsStore } from '../../../../runtime/store/secrets-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

describe('SecretCache', () => {
  it('decrypts once, and sees a saved, replaced or deleted secret at once', async () => {
    const dir = await tempDir();
    const store = await JsonSecretsStore.open(dir, randomBytes(32), new StoreProblems());
    const cache = new SecretCache(store);
    assert.equal(cache.get('s_missing1'), '', 'unknown: empty, so auth fails closed');
    await store.set('s_token001', 'webhook-token', 'first');
    assert.equal(cache.get('s_token001'), 'first');
    await store.set('s_token001', 'webhook-token', 'second');
    assert.equal(cache.get('s_token001'), 'second');
    await store.delete('s_token001');
    assert.equal(cache.get('s_token001'), '');

    // A value sealed with another key cannot be read: empty, not a crash.
    await store.set('s_token002', 'webhook-token', 'sealed');
    const otherKey = await JsonSecretsStore.open(dir, randomBytes(32), new StoreProblems());
    assert.equal(new SecretCache(otherKey).get('s_token002'), '');
  });

  it('holds every stored secret for redaction by value, current after any change', async () => {
    const store = await JsonSecretsStore.open(
      await tempDir(),
      randomBytes(32),
      new StoreProblems(),
    );
    const cache = new SecretCache(store);
    assert.equal(cache.all().empty, true);
    await store.set('s_token003', 'webhook-token', 'first-token-value');
    await store.set('s_token004', 'ngrok-authtoken', 'tunnel-authtoken-value');
    const text = 'first-token-value and tunnel-authtoken-value';
    assert.equal(cache.all().redactText(text), '[redacted] and [redacted]');
    assert.equal(cache.all(), cache.all(), 'built once until a secret changes');
    await store.delete('s_token003');
    assert.equal(cache.all().redactText(text), 'first-token-value and [redacted]');
  });
});
