// The secrets store's contract, run against both backends (JSON files, PostgreSQL): values
// sealed with the runtime's key, never stored in plaintext.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newSecretId } from '../../../runtime/store/secrets-store';
import { storeBackends } from '../../helpers/store-backends';

for (const backend of storeBackends) {
  describe(`secrets store contract (${backend.name})`, () => {
    it('seals values, reveals them after a reopen with the same key, stores no plaintext', async () => {
      const { stores, reopen, rawText } = await backend.open();
      const id = newSecretId();
      const value = `plaintext-${newSecretId()}`;
      const before = stores.secrets.revision;
      assert.equal(await stores.secrets.set(id, 'webhook-token', value, 'Shop'), id);
      assert.notEqual(stores.secrets.revision, before, 'a set changes the revision');
      assert.equal(stores.secrets.reveal(id), value);
      assert.equal(stores.secrets.has(id), true);
      assert.deepEqual(stores.secrets.ids(), [id]);
      const info = stores.secrets.info(id);
      assert.equal(info?.purpose, 'webhook-token');
      assert.equal(info?.label, 'Shop');
      assert.equal(stores.secrets.reveal('s_missing'), undefined);
      assert.equal(stores.secrets.info('s_missing'), undefined);

      const raw = await rawText();
      assert.ok(!raw.includes(value), 'the plaintext is not stored');
      assert.ok(raw.includes(id));

      const again = await reopen();
      assert.equal(again.secrets.reveal(id), value);
      assert.deepEqual(again.secrets.info(id), info);
    });

    it('keeps the label and creation time when a value is replaced; lists by purpose, newest first', async () => {
      const { stores } = await backend.open();
      const first = await stores.secrets.set(newSecretId(), 'webhook-token', 'one', 'First');
      const created = stores.secrets.info(first)?.createdAt;
      await stores.secrets.set(newSecretId(), 'hmac', 'two');
      const third = await stores.secrets.set(newSecretId(), 'webhook-token', 'three');
      await stores.secrets.set(first, 'webhook-token', 'one again');
      assert.equal(stores.secrets.reveal(first), 'one again');
      assert.equal(stores.secrets.info(first)?.label, 'First');
      assert.equal(stores.secrets.info(first)?.createdAt, created);
      assert.deepEqual(
        stores.secrets.list('webhook-token').map((item) => item.id),
        [first, third],
      );
      assert.equal(stores.secrets.list().length, 3);
    });

    it('deletes', async () => {
      const { stores, reopen } = await backend.open();
      const id = await stores.secrets.set(newSecretId(), 'hmac', 'gone soon');
      const before = stores.secrets.revision;
      await stores.secrets.delete(id);
      assert.notEqual(stores.secrets.revision, before);
      assert.equal(stores.secrets.has(id), false);
      assert.equal(stores.secrets.reveal(id), undefined);
      assert.equal((await reopen()).secrets.has(id), false);
      await stores.secrets.settled();
    });

    it('derives the same purpose keys on a reopen', async () => {
      const { stores, reopen } = await backend.open();
      const key = stores.secrets.derivedKey('resume keys');
      assert.equal(key.length, 32);
      assert.deepEqual((await reopen()).secrets.derivedKey('resume keys'), key);
      assert.notDeepEqual(stores.secrets.derivedKey('other'), key);
    });
  });
}
