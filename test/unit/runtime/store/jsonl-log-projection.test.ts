// The `project` option: a log of large records keeps only a small projection per id in
// memory (what inbound calls need to stay bounded at 10k calls), and reads the whole
// record from disk on demand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonlLog } from '../../../../runtime/store/jsonl-log';
import { tempDir } from '../../../helpers/temp-dir';
import { eventSchema, type Event } from './jsonl-log-fixtures';

const big = (id: string, status: string): Event => ({
  id,
  at: new Date().toISOString(),
  status,
  payload: 'x'.repeat(10_000),
});

function openProjected(dir: string) {
  return JsonlLog.open({
    dir,
    schema: eventSchema,
    project: (record: Event) => ({ id: record.id, status: record.status }),
  });
}

describe('JsonlLog with a projection', () => {
  it('keeps the projection in memory and reads whole records from disk', async () => {
    const dir = await tempDir();
    const log = await openProjected(dir);
    await log.append(big('a', 'received'));
    await log.appendMany([big('b', 'received'), big('a', 'done')]);

    assert.deepEqual(log.latest('a'), { id: 'a', status: 'done' });
    assert.equal(Object.hasOwn(log.latest('a') ?? {}, 'payload'), false);
    assert.deepEqual(
      [...log.latestAll()].map((entry) => `${entry.id}:${entry.status}`),
      ['a:done', 'b:received'],
    );
    const whole = await log.readLatest('a');
    assert.equal(whole?.status, 'done');
    assert.equal(whole?.payload?.length, 10_000);
    assert.equal(await log.readLatest('missing'), undefined);
    await log.close();

    const reopened = await openProjected(dir);
    assert.deepEqual(reopened.latest('b'), { id: 'b', status: 'received' });
    assert.equal((await reopened.readLatest('b'))?.payload?.length, 10_000);
    assert.equal([...reopened.latestAll()].length, 2);
    await reopened.close();
  });

  it('holds far less memory than the records for 10k ids', async () => {
    const dir = await tempDir();
    const log = await openProjected(dir);
    for (let batch = 0; batch < 10; batch += 1) {
      await log.appendMany(
        Array.from({ length: 1000 }, (_, i) => big(`c${batch * 1000 + i}`, 'ok')),
      );
    }
    // Every retained id is there, but only as its projection: the 100 MB of payloads stay on disk.
    const entries = [...log.latestAll()];
    assert.equal(entries.length, 10_000);
    assert.ok(entries.every((entry) => Object.keys(entry).length === 2));
    assert.equal((await log.readLatest('c9999'))?.payload?.length, 10_000);
    await log.close();
  });
});
