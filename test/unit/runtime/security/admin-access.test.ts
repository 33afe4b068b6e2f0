import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { adminTokenPath, loadOrCreateAdminToken } from '../../../../runtime/security/admin-token';
import { LoginCodes } from '../../../../runtime/security/login-codes';
import { hostnameOf, isLoopbackHost } from '../../../../runtime/server/host-guard';
import { tempDir } from '../../../helpers/temp-dir';

describe('admin token', () => {
  it('is generated once, 256 bits, stored 0600', async () => {
    const dir = await tempDir();
    const token = await loadOrCreateAdminToken(dir);
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    assert.equal(await loadOrCreateAdminToken(dir), token);
    if (process.platform !== 'win32')
      assert.equal((await stat(adminTokenPath(dir))).mode & 0o777, 0o600);
  });
});

describe('login codes', () => {
  it('redeem once, and not after expiry', () => {
    const codes = new LoginCodes();
    const code = codes.issue(1000);
    assert.equal(codes.redeem(code, 2000), true);
    assert.equal(codes.redeem(code, 2000), false);
    const old = codes.issue(0);
    assert.equal(codes.redeem(old, 25 * 60 * 60 * 1000), false);
    assert.equal(codes.redeem('made-up'), false);
  });

  it('keep at most 20 outstanding codes', () => {
    const codes = new LoginCodes();
    const first = codes.issue();
    for (let i = 0; i < 20; i += 1) codes.issue();
    assert.equal(codes.redeem(first), false);
  });
});

describe('loopback host guard', () => {
  it('accepts loopback names with or without port', () => {
    for (const host of ['localhost', 'localhost:4810', '127.0.0.1:1', '[::1]:4810', 'LOCALHOST']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
  });

  it('refuses everything else, including look-alikes', () => {
    for (const host of [
      undefined,
      '',
      'evil.com',
      'localhost.evil.com',
      '127.0.0.1.nip.io',
      '127.0.0.2',
      '0.0.0.0',
      '[::2]',
    ]) {
      assert.equal(isLoopbackHost(host), false, String(host));
    }
    assert.equal(hostnameOf('example.com:80'), 'example.com');
  });
});
