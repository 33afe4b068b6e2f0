import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoreWrites } from '../../../../runtime/store/store-writes';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

test('a compaction runs after the appends in flight, and new writes wait behind it', async () => {
  const writes = new StoreWrites();
  const order: string[] = [];
  const append = deferred();
  const recorded = writes.record('c1', append.promise).then(() => void order.push('append'));
  assert.equal(writes.latest('c1') !== undefined, true, 'the in-flight append is the latest');
  const work = deferred();
  const compaction = writes.exclusive(async () => {
    order.push('compact');
    await work.promise;
  });
  assert.equal(writes.compacting, true);
  const opened = writes.open().then(() => void order.push('open'));
  append.resolve();
  await recorded;
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(order, ['append', 'compact'], 'open waits while compacting');
  work.resolve();
  await compaction;
  await opened;
  assert.deepEqual(order, ['append', 'compact', 'open']);
  assert.equal(writes.compacting, false);
  assert.equal(writes.latest('c1'), undefined, 'a settled append is forgotten');
  await writes.settled();
});

test('a failed append is forgotten too and does not break settled()', async () => {
  const writes = new StoreWrites();
  const failed = writes.record('c1', Promise.reject(new Error('disk full')));
  await assert.rejects(failed, /disk full/);
  await writes.settled();
  assert.equal(writes.latest('c1'), undefined);
});
