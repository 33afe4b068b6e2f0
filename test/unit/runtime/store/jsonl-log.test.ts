import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ApiError } from '../../../../runtime/api/api-error';
import { tempDir } from '../../../helpers/temp-dir';
import { allPages, event, openLog, segmentNames, type Event } from './jsonl-log-fixtures';

describe('JsonlLog', () => {
  it('appends, pages newest first, and answers latest and history', async () => {
    const dir = join(await tempDir(), 'calls');
    const log = await openLog(dir);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    await log.append(event('a', 'received'));
    await log.append(event('b', 'received'));
    await log.append(event('a', 'done'));
    await log.appendMany([event('c', 'received'), event('b', 'failed')]);

    assert.equal(log.latest('a')?.status, 'done');
    assert.equal(log.latest('b')?.status, 'failed');
    assert.equal(log.latest('nope'), undefined);
    assert.deepEqual(
      (await log.history('a')).map((e) => e.status),
      ['received', 'done'],
    );
    assert.deepEqual(await log.history('nope'), []);

    const first = await log.page({ limit: 2 });
    assert.deepEqual(
      first.items.map((e) => `${e.id}:${e.status}`),
      ['b:failed', 'c:received'],
    );
    assert.ok(first.next);
    const second = await log.page({ limit: 2, before: first.next });
    assert.deepEqual(
      second.items.map((e) => `${e.id}:${e.status}`),
      ['a:done', 'b:received'],
    );
    const third = await log.page({ limit: 2, before: second.next });
    assert.deepEqual(
      third.items.map((e) => e.id),
      ['a'],
    );
    assert.equal(third.next, undefined, 'the last page has no cursor');

    const failed = await log.page({ limit: 10, filter: (e) => e.status !== 'received' });
    assert.deepEqual(
      failed.items.map((e) => e.id),
      ['b', 'a'],
    );

    const lines = (await readFile(join(dir, '00000001.jsonl'), 'utf8')).split('\n');
    assert.equal(lines.length, 6, 'five lines, each ending in a newline');
    assert.equal(lines.at(-1), '');
    await log.close();
  });

  it('reads everything back after reopening', async () => {
    const dir = await tempDir();
    const log = await openLog(dir);
    const written = Array.from({ length: 50 }, (_, i) => event(`id-${i % 20}`, `s${i}`));
    for (const record of written) await log.append(record);
    const before = await allPages(log, 7);
    await log.close();

    const reopened = await openLog(dir);
    assert.deepEqual(await allPages(reopened, 7), before);
    assert.deepEqual(before, [...written].reverse());
    assert.equal(reopened.latest('id-3')?.status, 's43');
    assert.deepEqual(
      (await reopened.history('id-3')).map((e) => e.status),
      ['s3', 's23', 's43'],
    );
    await reopened.append(event('id-3', 'after'));
    assert.equal((await reopened.history('id-3')).length, 4);
    await reopened.close();
  });

  it('lands 1,000 concurrent appends in order with far fewer fsyncs', async () => {
    const dir = await tempDir();
    const log = await openLog(dir);
    const ids = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    await Promise.all(ids.map((id) => log.append(event(id))));
    const stats = log.stats();
    assert.equal(stats.appends, 1000);
    assert.ok(stats.fsyncs < 1000, `${stats.fsyncs} fsyncs for 1000 appends`);
    assert.ok(stats.fsyncs >= 1);
    await log.close();

    const reopened = await openLog(dir);
    assert.deepEqual((await allPages(reopened)).map((e) => e.id).reverse(), ids);
    await reopened.close();
  });

  it('settles each append only after its own group commit, in submission order', async () => {
    const log = await openLog(await tempDir());
    const settled: string[] = [];
    const appends = Array.from({ length: 200 }, (_, i) =>
      log.append(event(`o${i}`)).then(() => {
        settled.push(`o${i}`);
        // Resolved means indexed: latest() already sees it.
        assert.equal(log.latest(`o${i}`)?.id, `o${i}`);
      }),
    );
    await Promise.all(appends);
    assert.deepEqual(
      settled,
      Array.from({ length: 200 }, (_, i) => `o${i}`),
    );
    await log.close();
  });

  it('rotates to a new segment when the next write would exceed maxSegmentBytes', async () => {
    const dir = await tempDir();
    const maxSegmentBytes = 1024;
    const log = await openLog(dir, { maxSegmentBytes });
    const written: Event[] = [];
    for (let i = 0; i < 40; i += 1) {
      const record = { ...event(`r${i}`), payload: 'x'.repeat(100) };
      written.push(record);
      await log.append(record);
    }
    const names = await segmentNames(dir);
    assert.ok(names.length >= 6, `${names.length} segments`);
    assert.equal(names[0], '00000001.jsonl');
    for (const name of names) {
      const text = await readFile(join(dir, name), 'utf8');
      assert.ok(Buffer.byteLength(text) <= maxSegmentBytes, `${name} within the limit`);
      assert.ok(text.endsWith('\n'));
    }
    assert.equal(log.stats().segments, names.length);
    // Paging crosses segment boundaries without gaps or repeats.
    assert.deepEqual(await allPages(log, 3), [...written].reverse());
    await log.close();
    const reopened = await openLog(dir, { maxSegmentBytes });
    assert.deepEqual(await allPages(reopened, 3), [...written].reverse());
    assert.equal(reopened.latest('r0')?.payload, 'x'.repeat(100));
    await reopened.close();
  });

  it('rotates by record count too, counting the open segment after a reopen', async () => {
    const dir = await tempDir();
    const limits = { maxSegmentRecords: 5 };
    const log = await openLog(dir, limits);
    const written: Event[] = [];
    for (let i = 0; i < 7; i += 1) written.push(event(`s${i}`));
    await log.appendMany(written.slice(0, 3));
    for (const record of written.slice(3)) await log.append(record);
    await log.close();
    // Reopened with 2 records in the open segment: 3 more fit, the 4th starts a new one.
    const reopened = await openLog(dir, limits);
    const more = Array.from({ length: 4 }, (_, i) => event(`t${i}`));
    await reopened.appendMany(more.slice(0, 2));
    await reopened.append(more[2]!);
    await reopened.append(more[3]!);
    const lineCounts = await Promise.all(
      (await segmentNames(dir)).map(async (name) => {
        const text = await readFile(join(dir, name), 'utf8');
        return text.split('\n').filter(Boolean).length;
      }),
    );
    assert.deepEqual(lineCounts, [5, 5, 1]);
    assert.deepEqual(await allPages(reopened, 4), [...written, ...more].reverse());
    await reopened.close();
  });

  it('refuses a record that does not match the schema, and writes nothing', async () => {
    const log = await openLog(await tempDir());
    // An empty status is valid TypeScript but fails the schema.
    const bad = event('bad', '');
    await assert.rejects(log.append(bad));
    await assert.rejects(log.appendMany([event('ok'), bad]));
    assert.equal(log.latest('ok'), undefined, 'appendMany validates all before writing');
    assert.deepEqual(await allPages(log), []);
    await log.appendMany([]);
    await log.close();
  });

  it('rejects a malformed cursor as a 400', async () => {
    const log = await openLog(await tempDir());
    await log.append(event('a'));
    await assert.rejects(
      log.page({ limit: 1, before: '../etc' }),
      (error) => error instanceof ApiError && error.status === 400,
    );
    await assert.rejects(log.page({ limit: 0 }), RangeError);
    await log.close();
  });

  it('finishes pending appends on close, then refuses new ones', async () => {
    const dir = await tempDir();
    const log = await openLog(dir);
    const pending = Array.from({ length: 20 }, (_, i) => log.append(event(`p${i}`)));
    await log.close();
    await Promise.all(pending);
    await assert.rejects(log.append(event('late')), /closed/);
    const reopened = await openLog(dir);
    assert.equal((await allPages(reopened)).length, 20);
    await reopened.close();
  });
});
