import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CustomersStore } from '../../../../runtime/store/customers-store';
import { tempDir } from '../../../helpers/temp-dir';

const email = (value: string) => ({ field: 'email' as const, value, search: true });

describe('CustomersStore', () => {
  it('ids made in the same millisecond sort in the order they were made', () => {
    const ids = Array.from({ length: 500 }, () => CustomersStore.newId(1_765_000_000_000));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
    // A later millisecond still sorts after every id of an earlier one.
    assert.ok(CustomersStore.newId(1_765_000_000_001) > ids.at(-1)!);
  });

  it('creates, then finds by another flagged field and applies the update rules', async () => {
    const dir = join(await tempDir(), 'customers');
    const store = await CustomersStore.open({ dir, defaultCountry: () => 'BR' });
    const created = await store.bind([
      email('Ana@Example.com'),
      { field: 'name', value: 'Ana', search: false },
      { field: 'phone', value: '(11) 99999-8888', search: false },
    ]);
    assert.equal(created.status, 'created');
    const found = await store.bind([
      { field: 'whatsapp', value: '+55 11 99999-8888', search: true },
      { field: 'name', value: 'Ana Lima', search: false },
    ]);
    assert.equal(found.status, 'updated');
    assert.equal(found.customer?.id, created.customer?.id);
    assert.equal(found.customer?.name, 'Ana Lima');
    assert.deepEqual(found.customer?.contacts, [{ type: 'whatsapp', value: '+5511999998888' }]);
    const again = await store.bind([{ field: 'phone', value: '11999998888', search: true }]);
    assert.equal(again.status, 'unchanged');
    assert.equal(store.size, 1);
    await store.close();
  });

  it('does not bind when no flagged row has a value', async () => {
    const store = await CustomersStore.open({ dir: join(await tempDir(), 'customers') });
    const result = await store.bind([
      { field: 'email', value: undefined, search: true },
      { field: 'name', value: 'Ana', search: false },
    ]);
    assert.equal(result.status, 'unbound');
    assert.equal(store.size, 0);
    await store.close();
  });

  it('50 concurrent binds for the same person make one customer', async () => {
    const dir = join(await tempDir(), 'customers');
    const store = await CustomersStore.open({ dir, defaultCountry: () => 'BR' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.bind([
          // Alternating fields: half find by email, half by phone, in different spellings.
          i % 2 === 0 ? email(' same@EXAMPLE.com') : email('Same@example.COM'),
          { field: 'phone', value: i % 3 === 0 ? '+5511988887777' : '11 98888-7777', search: true },
          { field: 'name', value: `Caller ${i}`, search: false },
        ]),
      ),
    );
    const ids = new Set(results.map((result) => result.customer?.id));
    assert.equal(ids.size, 1);
    assert.equal(results.filter((result) => result.status === 'created').length, 1);
    assert.equal(store.size, 1);
    await store.close();
    const reopened = await CustomersStore.open({ dir });
    assert.equal(reopened.size, 1);
    assert.equal(reopened.all()[0]?.name, 'Caller 49');
    await reopened.close();
  });

  it('reports the other matches; the oldest wins', async () => {
    const store = await CustomersStore.open({ dir: join(await tempDir(), 'customers') });
    const a = await store.bind([email('a@x.com')], new Date('2026-01-01T00:00:00Z'));
    const b = await store.bind([email('b@x.com')], new Date('2026-01-02T00:00:00Z'));
    const both = await store.bind([email('b@x.com'), email('a@x.com')]);
    assert.equal(both.customer?.id, a.customer?.id);
    assert.deepEqual(both.otherMatches, [b.customer?.id]);
    // The winner gets the other email by the update rules; the other customer stays.
    assert.deepEqual(both.customer?.contacts, [{ type: 'email', value: 'b@x.com' }]);
    assert.deepEqual(store.get(b.customer!.id), b.customer, 'no silent merge');
    await store.close();
  });

  it('keeps edits and deletions across a reopen', async () => {
    const dir = join(await tempDir(), 'customers');
    const store = await CustomersStore.open({ dir });
    const a = (await store.bind([email('a@x.com')])).customer!;
    const b = (await store.bind([email('b@x.com')])).customer!;
    await store.replace(a.id, (current) => ({ ...current, name: 'Edited' }));
    assert.equal(await store.delete(b.id), true);
    assert.equal(await store.delete(b.id), false);
    assert.equal(store.byKey('email:b@x.com').length, 0);
    await store.close();
    const reopened = await CustomersStore.open({ dir });
    assert.deepEqual(
      reopened.all().map((c) => [c.id, c.name]),
      [[a.id, 'Edited']],
    );
    assert.equal(reopened.byKey('email:a@x.com')[0]?.id, a.id);
    await reopened.close();
  });

  it('compacts superseded states into a new generation and reads it back', async () => {
    const dir = join(await tempDir(), 'customers');
    const store = await CustomersStore.open({ dir });
    const a = (await store.bind([email('a@x.com')])).customer!;
    for (let i = 0; i < 20; i += 1) {
      await store.bind([email('a@x.com'), { field: 'name', value: `n${i}`, search: false }]);
    }
    assert.equal(store.stats().records, 21);
    await store.compact();
    assert.deepEqual({ ...store.stats() }, { customers: 1, records: 1, generation: 2 });
    assert.deepEqual((await readdir(dir)).sort(), ['current.json', 'log-2']);
    await store.bind([email('a@x.com'), { field: 'name', value: 'after', search: false }]);
    await store.close();
    const reopened = await CustomersStore.open({ dir });
    assert.equal(reopened.get(a.id)?.name, 'after');
    assert.equal(reopened.stats().generation, 2);
    await reopened.close();
  });

  it('loses no acknowledged bind when the process is killed in a burst', async () => {
    const dir = join(await tempDir(), 'customers');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../../../fixtures/customers-burst.ts'), dir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acknowledged: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.includes('@')) acknowledged.push(line);
        if (acknowledged.length >= 300) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const store = await CustomersStore.open({ dir });
    const missing = acknowledged.filter((value) => store.byKey(`email:${value}`).length !== 1);
    assert.deepEqual(missing, []);
    await store.close();
  });
  it('loads in the background: binds made before the load ends find the stored customers', async () => {
    const dir = join(await tempDir(), 'customers');
    const first = await CustomersStore.open({ dir });
    const stored = await Promise.all(
      Array.from({ length: 200 }, (_, i) => first.bind([email(`p${i}@example.com`)])),
    );
    await first.close();
    const store = CustomersStore.load({ dir });
    // Issued at once, before the log is read: each must find its stored customer.
    const again = await Promise.all(
      Array.from({ length: 200 }, (_, i) => store.bind([email(`P${i}@Example.com`)])),
    );
    assert.deepEqual(
      again.map((result) => result.status),
      again.map(() => 'unchanged'),
    );
    assert.deepEqual(
      again.map((result) => result.customer?.id),
      stored.map((result) => result.customer?.id),
    );
    assert.equal(store.size, 200);
    await store.close();
  });

  it('a synchronous read before the load ends is refused, not answered empty', async () => {
    const store = CustomersStore.load({ dir: join(await tempDir(), 'customers') });
    assert.throws(() => store.all(), /still loading/);
    await store.loaded();
    assert.deepEqual(store.all(), []);
    await store.close();
  });

  it('a load that fails makes loaded() and every write fail with its reason', async () => {
    const dir = join(await tempDir(), 'customers');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'current.json'), 'not json');
    const store = CustomersStore.load({ dir });
    await assert.rejects(store.loaded(), /current\.json is damaged/);
    await assert.rejects(store.bind([email('a@example.com')]), /current\.json is damaged/);
    await store.close();
  });
});
