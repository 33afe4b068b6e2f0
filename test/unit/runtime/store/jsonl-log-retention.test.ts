import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RetentionPolicy } from '../../../../runtime/store/jsonl-log';
import { droppableSegments } from '../../../../runtime/store/jsonl/retention';
import { tempDir } from '../../../helpers/temp-dir';
import { allPages, event, openLog, segmentNames, type Event } from './jsonl-log-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2025-06-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const forever: RetentionPolicy = { maxRecords: Infinity, maxAgeDays: Infinity };

/** Records of one byte length, so `maxSegmentBytes` fixes how many fit in a segment. */
function fixed(i: number, at = daysAgo(0)): Event {
  return event(`r${String(i).padStart(3, '0')}`, 'received', at);
}
const RECORD_BYTES = Buffer.byteLength(`${JSON.stringify(fixed(0))}\n`);
const FIVE_PER_SEGMENT = 5 * RECORD_BYTES;

describe('JsonlLog retention', () => {
  it('drops whole segments beyond the newest maxRecords, and keeps the index consistent', async () => {
    const dir = await tempDir();
    let policy = forever;
    const log = await openLog(dir, { maxSegmentBytes: FIVE_PER_SEGMENT, retention: () => policy });
    await log.append(event('x', 'first'));
    for (let i = 1; i < 22; i += 1) await log.append(fixed(i));
    await log.append(event('x', 'last'));
    // Segments of 5, 5, 5, 5 and 3 records; `x` has an event in the first and the last.
    assert.equal((await segmentNames(dir)).length, 5);
    assert.equal(await log.applyRetention(NOW), 0, 'unlimited keeps everything');

    // Settings are read on each pass. 12 newest: the two oldest segments hold only older ones.
    policy = { maxRecords: 12, maxAgeDays: Infinity };
    assert.equal(await log.applyRetention(NOW), 10);
    assert.deepEqual(await segmentNames(dir), [
      '00000003.jsonl',
      '00000004.jsonl',
      '00000005.jsonl',
    ]);
    assert.equal(log.latest('r001'), undefined);
    assert.equal(log.latest('r009'), undefined);
    assert.equal(log.latest('r010')?.id, 'r010');
    assert.equal(log.latest('x')?.status, 'last');
    assert.deepEqual(
      (await log.history('x')).map((e) => e.status),
      ['last'],
    );
    assert.equal((await allPages(log, 4)).length, 13, 'at least maxRecords are kept');
    assert.equal(log.stats().records, 13);
    await log.close();

    const reopened = await openLog(dir, {
      maxSegmentBytes: FIVE_PER_SEGMENT,
      retention: () => policy,
    });
    assert.equal((await allPages(reopened)).length, 13);
    assert.equal(reopened.latest('r009'), undefined);
    await reopened.close();
  });

  it('drops segments whose records are all older than maxAgeDays, keeping mixed ones', async () => {
    const dir = await tempDir();
    let policy = forever;
    const log = await openLog(dir, { maxSegmentBytes: FIVE_PER_SEGMENT, retention: () => policy });
    const ages = [40, 39, 38, 37, 36, /* mixed: */ 35, 34, 5, 4, 3, /* new: */ 2, 1];
    for (const [i, age] of ages.entries()) await log.append(fixed(i, daysAgo(age)));

    policy = { maxRecords: 1000, maxAgeDays: 30 };
    assert.equal(await log.applyRetention(NOW), 5);
    assert.deepEqual(await segmentNames(dir), ['00000002.jsonl', '00000003.jsonl']);
    // Records 5 and 6 are older than 30 days too, but share a segment with newer ones.
    assert.deepEqual(
      (await allPages(log)).map((e) => e.id),
      ['r011', 'r010', 'r009', 'r008', 'r007', 'r006', 'r005'],
    );
    await log.close();
  });

  it('expires the active segment too, and carries on in a fresh one', async () => {
    const dir = await tempDir();
    let policy = forever;
    const log = await openLog(dir, { retention: () => policy });
    await log.append(event('old', 'received', daysAgo(10)));
    policy = { maxRecords: 100, maxAgeDays: 7 };
    assert.equal(await log.applyRetention(NOW), 1);
    assert.deepEqual(await segmentNames(dir), ['00000002.jsonl']);
    assert.equal(log.latest('old'), undefined);
    assert.deepEqual(await log.history('old'), []);
    await log.append(event('new'));
    assert.deepEqual(
      (await allPages(log)).map((e) => e.id),
      ['new'],
    );
    await log.close();
  });

  it('applies retention on open', async () => {
    const dir = await tempDir();
    const log = await openLog(dir, { maxSegmentBytes: FIVE_PER_SEGMENT });
    for (let i = 0; i < 12; i += 1) await log.append(fixed(i, new Date(0).toISOString()));
    await log.close();
    const reopened = await openLog(dir, {
      maxSegmentBytes: FIVE_PER_SEGMENT,
      retention: () => ({ maxRecords: 1000, maxAgeDays: 30 }),
    });
    assert.deepEqual(await segmentNames(dir), ['00000004.jsonl']);
    assert.deepEqual(await allPages(reopened), []);
    assert.equal(reopened.latest('r000'), undefined);
    await reopened.close();
  });

  it('does nothing without a retention setting', async () => {
    const dir = join(await tempDir(), 'nested', 'log');
    const log = await openLog(dir);
    await log.append(event('a', 'received', new Date(0).toISOString()));
    assert.equal(await log.applyRetention(NOW), 0);
    assert.equal(log.latest('a')?.id, 'a');
    await log.close();
  });
});

describe('JsonlLog retention by ids', () => {
  /**
   * Segments of five: [r000–r004] [r005, x000 ×4] [x000 ×5] [x000 ×2]. The first started 5
   * ids, the second 2, the others none: 12 records but only 2 ids came after the first.
   */
  async function fill(log: Awaited<ReturnType<typeof openLog>>) {
    for (let i = 0; i < 6; i += 1) await log.append(fixed(i));
    for (let i = 0; i < 11; i += 1) await log.append(event('x000', 'received', daysAgo(0)));
  }

  it('keeps the newest maxIds ids, however many events each has', async () => {
    const dir = await tempDir();
    let policy = forever;
    const log = await openLog(dir, { maxSegmentBytes: FIVE_PER_SEGMENT, retention: () => policy });
    await fill(log);
    assert.equal((await segmentNames(dir)).length, 4);
    // 3 ids: only 2 started after the first segment, so it stays (by records it would go).
    policy = { maxIds: 3, maxAgeDays: Infinity };
    assert.equal(await log.applyRetention(NOW), 0);
    assert.equal(log.latest('r000')?.id, 'r000');
    // 2 ids: r005 and x000 are the newest two; the first segment goes.
    policy = { maxIds: 2, maxAgeDays: Infinity };
    assert.equal(await log.applyRetention(NOW), 5);
    assert.equal(log.latest('r004'), undefined);
    assert.equal(log.latest('r005')?.id, 'r005');
    assert.equal((await log.history('x000')).length, 11);
    await log.close();
  });

  it('counts the ids of each segment again when the log is reopened', async () => {
    const dir = await tempDir();
    const log = await openLog(dir, { maxSegmentBytes: FIVE_PER_SEGMENT, retention: () => forever });
    await fill(log);
    await log.close();
    // Retention runs on open.
    const reopened = await openLog(dir, {
      maxSegmentBytes: FIVE_PER_SEGMENT,
      retention: () => ({ maxIds: 3, maxAgeDays: Infinity }),
    });
    assert.equal(reopened.latest('r000')?.id, 'r000');
    assert.equal((await segmentNames(dir)).length, 4);
    await reopened.close();
    const again = await openLog(dir, {
      maxSegmentBytes: FIVE_PER_SEGMENT,
      retention: () => ({ maxIds: 2, maxAgeDays: Infinity }),
    });
    assert.equal(again.latest('r000'), undefined);
    assert.equal((await segmentNames(dir)).length, 3);
    await again.close();
  });
});

describe('droppableSegments', () => {
  const segment = (records: number, newestDaysAgo: number, ids = records) => ({
    records,
    ids,
    newestAt: NOW.getTime() - newestDaysAgo * DAY,
  });

  it('with maxIds, counts the ids each segment started, not its records', () => {
    // Three segments of 5 records each; the newer two started 2 and 3 ids (the rest are
    // later events of ids started before).
    const segments = [segment(5, 0, 5), segment(5, 0, 2), segment(5, 0, 3)];
    assert.equal(droppableSegments(segments, { maxIds: 5, maxAgeDays: Infinity }, NOW), 1);
    assert.equal(droppableSegments(segments, { maxIds: 6, maxAgeDays: Infinity }, NOW), 0);
    assert.equal(droppableSegments(segments, { maxIds: 3, maxAgeDays: Infinity }, NOW), 2);
    // Either limit drops: by records the first two go at 5.
    assert.equal(
      droppableSegments(segments, { maxRecords: 5, maxIds: 100, maxAgeDays: Infinity }, NOW),
      2,
    );
  });

  it('counts only a run of the oldest segments', () => {
    const segments = [segment(5, 1), segment(5, 100), segment(5, 0)];
    // The middle one is old, but the one before it is kept: retention stops there.
    assert.equal(droppableSegments(segments, { maxRecords: 100, maxAgeDays: 30 }, NOW), 0);
    assert.equal(droppableSegments(segments, { maxRecords: 10, maxAgeDays: Infinity }, NOW), 1);
    assert.equal(droppableSegments(segments, { maxRecords: 10, maxAgeDays: 30 }, NOW), 2);
    assert.equal(droppableSegments(segments, { maxRecords: 11, maxAgeDays: 30 }, NOW), 0);
  });

  it('never drops an empty active segment, and treats non-finite limits as none', () => {
    assert.equal(
      droppableSegments([segment(3, 50), segment(0, 50)], { maxRecords: 0, maxAgeDays: 1 }, NOW),
      1,
    );
    assert.equal(droppableSegments([segment(3, 50)], { maxRecords: 0, maxAgeDays: 1 }, NOW), 1);
    assert.equal(
      droppableSegments([segment(3, 5000)], { maxRecords: NaN, maxAgeDays: Infinity }, NOW),
      0,
    );
    assert.equal(droppableSegments([], { maxRecords: 0, maxAgeDays: 0 }, NOW), 0);
  });

  it('applies retention whenever a segment fills, so a busy log stays near its limit', async () => {
    const dir = await tempDir();
    const log = await openLog(dir, {
      maxSegmentBytes: FIVE_PER_SEGMENT,
      retention: () => ({ maxRecords: 10, maxAgeDays: Infinity }),
    });
    // Far more than the limit within a second: no waiting for the once-a-minute pass. Kept
    // at most: the segments holding the newest 10 (three of five: the active one may hold
    // one), plus one just started whose pass is still queued behind its append.
    let most = 0;
    for (let i = 0; i < 200; i += 1) {
      await log.append(fixed(i));
      most = Math.max(most, log.stats().records);
    }
    await log.close(); // a pass still queued then is skipped: the same bound holds
    assert.ok(most <= 16, `${most} records kept at most`);
    assert.ok(log.stats().records <= 16, `${log.stats().records} records kept`);
    assert.ok(log.stats().records >= 10);
    assert.ok((await segmentNames(dir)).length <= 4);
  });
});
