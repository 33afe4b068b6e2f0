import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { secretsEqual } from '../../../../runtime/security/constant-time';
import { openSecret, sealSecret } from '../../../../runtime/security/secret-box';
import {
  KeychainProtectedError,
  loadOrCreateSecretsKeyFile,
  SAFE_SECRETS_KEY_FILE,
} from '../../../../runtime/security/secrets-key';
import { JsonSecretsStore, newSecretId } from '../../../../runtime/store/secrets-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

describe('secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const sealed = sealSecret(key, 'slot', 'hunter2');
    assert.doesNotMatch(sealed, /hunter2/);
    assert.equal(openSecret(key, 'slot', sealed), 'hunter2');
  });

  it('uses a fresh IV each time', () => {
    assert.notEqual(sealSecret(key, 'slot', 'same'), sealSecret(key, 'slot', 'same'));
  });

  it('refuses a wrong key, a moved slot and a tampered ciphertext', () => {
    const sealed = sealSecret(key, 'slot', 'value');
    assert.throws(() => openSecret(randomBytes(32), 'slot', sealed));
    assert.throws(() => openSecret(key, 'other-slot', sealed));
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    assert.throws(() => openSecret(key, 'slot', `v1:${raw.toString('base64')}`));
  });
});

describe('secretsEqual', () => {
  it('compares by value, including different lengths', () => {
    assert.equal(secretsEqual('abc', 'abc'), true);
    assert.equal(secretsEqual('abc', 'abd'), false);
    assert.equal(secretsEqual('abc', 'abcd'), false);
    assert.equal(secretsEqual('', 'a'), false);
  });
});

describe('secrets key file', () => {
  it('is created once with 0600 and reused', async () => {
    const dir = await tempDir();
    const first = await loadOrCreateSecretsKeyFile(dir);
    const second = await loadOrCreateSecretsKeyFile(dir);
    assert.equal(first.length, 32);
    assert.deepEqual(first, second);
    if (process.platform !== 'win32')
      assert.equal((await stat(join(dir, 'secrets.key'))).mode & 0o777, 0o600);
  });

  it('refuses a damaged key file instead of replacing it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'secrets.key'), 'short');
    await assert.rejects(loadOrCreateSecretsKeyFile(dir), /32-byte/);
    assert.equal(await readFile(join(dir, 'secrets.key'), 'utf8'), 'short');
  });

  it('explains when the desktop keychain holds the key', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, SAFE_SECRETS_KEY_FILE), 'sealed-by-os');
    await assert.rejects(loadOrCreateSecretsKeyFile(dir), KeychainProtectedError);
  });
});

describe('SecretsStore', () => {
  it('keeps secrets encrypted on disk and reveals them with the key', async () => {
    const dir = await tempDir();
    const key = randomBytes(32);
    const store = await JsonSecretsStore.open(dir, key, new StoreProblems());
    const id = newSecretId();
    await store.set(id, 'webhook-token', 'tok_super_secret');
    assert.doesNotMatch(await readFile(join(dir, 'secrets.json'), 'utf8'), /tok_super_secret/);
    const reopened = await JsonSecretsStore.open(dir, key, new StoreProblems());
    assert.equal(reopened.reveal(id), 'tok_super_secret');
    assert.equal(reopened.info(id)?.purpose, 'webhook-token');
    assert.equal(reopened.reveal('s_unknown'), undefined);
    await reopened.delete(id);
    assert.equal(reopened.has(id), false);
  });
});
