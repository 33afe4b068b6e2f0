import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardedLookup, PrivateAddressError } from '../../../../runtime/outbound/guarded-lookup';
import { isPrivateAddress } from '../../../../runtime/outbound/private-address';

test('private, loopback, link-local, metadata and reserved addresses are private', () => {
  for (const address of [
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '[::1]',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::5',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    'not-an-ip',
  ]) {
    assert.equal(isPrivateAddress(address), true, address);
  }
});

test('public addresses are not private', () => {
  for (const address of [
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '192.169.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
  ]) {
    assert.equal(isPrivateAddress(address), false, address);
  }
});

test('the guarded lookup refuses a name that resolves to loopback, in both callback shapes', async () => {
  const lookup = guardedLookup();
  for (const all of [false, true]) {
    const error = await new Promise<Error | null>((resolve) => {
      lookup('localhost', { all }, (failure) => resolve(failure));
    });
    assert.ok(error instanceof PrivateAddressError, String(error));
    assert.match(error.message, /localhost is a private network address/);
    assert.match(error.message, /Allow private network/);
  }
});

test('the guarded lookup answers in the shape asked for when the address is allowed', async () => {
  const lookup = guardedLookup(() => false);
  const one = await new Promise<unknown[]>((resolve) => {
    lookup('localhost', { all: false, family: 4 }, (...args) => resolve(args));
  });
  assert.deepEqual(one, [null, '127.0.0.1', 4]);
  const all = await new Promise<unknown[]>((resolve) => {
    lookup('localhost', { all: true, family: 4 }, (...args) => resolve(args));
  });
  assert.deepEqual(all, [null, [{ address: '127.0.0.1', family: 4 }]]);
});
