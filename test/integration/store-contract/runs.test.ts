// The run store's contract, run against both backends (the data folder's run log,
// PostgreSQL): what the engine relies on for checkpoints, recovery and the runs API.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunRecord } from '../../../runtime/engine/run-record';
import type { RunStore } from '../../../runtime/engine/run-store';
import type { RunSummary } from '../../../runtime/shared/run';
import { nextRecord, runStoreBackends, startRecord } from '../../helpers/run-store-backends';

const none = () => undefined;

async function appendAll(store: RunStore, records: RunRecord[]): Promise<void> {
  for (const record of records) await store.append(record);
}

async function allIds(store: RunStore, query: Partial<Parameters<RunStore['page']>[0]> = {}) {
  const ids: string[] = [];
  let before: string | undefined;
  for (let pages = 0; pages < 20; pages += 1) {
    const page = await store.page({ limit: 2, ...query, ...(before ? { before } : {}) }, none, []);
    ids.push(...page.runs.map((run) => run.id));
    if (page.next === undefined) return ids;
    before = page.next;
  }
  throw new Error('paging did not end');
}

for (const backend of runStoreBackends) {
  describe(`run store contract (${backend.name})`, () => {
    it('keeps each checkpoint: latest, history, the run rebuilt, after a reopen too', async () => {
      const { store, reopen } = await backend.open();
      const start = startRecord({ variables: { zero: '\u0000 and ünïcode' } });
      const waiting = nextRecord(start, {
        status: 'waiting',
        cursor: undefined,
        waiting: {
          kind: 'timer',
          nodeId: 'd',
          key: 'd',
          since: start.at,
          until: '2026-02-01T00:00:00.000Z',
        },
      });
      await appendAll(store, [start, waiting]);
      assert.equal(store.latest(start.id)?.status, 'waiting');
      assert.equal(store.latest(start.id)?.seq, 1);
      assert.equal(await store.has(start.id), true);
      assert.equal(await store.has('r_nothere'), false);
      assert.deepEqual(await store.latestRecord(start.id), JSON.parse(JSON.stringify(waiting)));
      for (const opened of [store, await reopen()]) {
        const run = await opened.read(start.id);
        assert.equal(run?.status, 'waiting');
        assert.deepEqual(run?.variables, start.variables, 'text comes back exactly');
        assert.deepEqual(
          run?.steps.map((step) => step.nodeId),
          ['n1'],
        );
        assert.deepEqual(
          (await opened.history(start.id)).map((record) => record.seq),
          [0, 1],
        );
        assert.equal(opened.latest(start.id)?.status, 'waiting', 'known again after a restart');
      }
    });

    it('refuses a second record with the same number (one checkpoint is written once)', async () => {
      const { store } = await backend.open();
      const start = startRecord();
      await store.append(start);
      const next = nextRecord(start);
      await store.append(next);
      if (backend.name === 'postgres') await assert.rejects(store.append(next));
      assert.equal(store.latest(start.id)?.seq, 1);
    });

    it('lists newest first, filters, pages without gaps or repeats', async () => {
      const { store } = await backend.open();
      const a = startRecord({ flowId: 'f_a' });
      const b = startRecord({ flowId: 'f_b', customerId: 'c_1' });
      const c = startRecord({ flowId: 'f_a', chatSkipped: 2 });
      const d = startRecord({ flowId: 'f_a' });
      await appendAll(store, [a, b, c, d]);
      await store.append(nextRecord(a, { status: 'completed', cursor: undefined, endedAt: a.at }));
      assert.deepEqual(await allIds(store), [d.id, c.id, b.id, a.id]);
      assert.deepEqual(await allIds(store, { flowId: 'f_a' }), [d.id, c.id, a.id]);
      assert.deepEqual(await allIds(store, { status: 'completed' }), [a.id]);
      assert.deepEqual(await allIds(store, { customerId: 'c_1' }), [b.id]);
      assert.deepEqual(await allIds(store, { chatSkipped: true }), [c.id]);
      assert.deepEqual(await allIds(store, { since: b.startedAt, until: c.startedAt }), [
        c.id,
        b.id,
      ]);
      const page = await store.page({ limit: 10 }, none, []);
      const first = page.runs.find((run) => run.id === a.id);
      assert.equal(first?.status, 'completed');
      assert.equal(first?.stepCount, 1);
    });

    it('shows runs in memory as they are now, unrecorded ones first', async () => {
      const { store } = await backend.open();
      const a = startRecord();
      await store.append(a);
      const {
        full: _f,
        input: _i,
        at: _at,
        seq: _s,
        baseSeq: _b,
        steps: _st,
        graphRef: _g,
        cursor: _c,
        stepsSinceWait: _w,
        jumpChain: _j,
        ...summary
      } = a;
      const live: RunSummary = { ...summary, status: 'waiting' };
      const fresh: RunSummary = {
        ...summary,
        id: 'r_freshinmemory',
        startedAt: '2027-01-01T00:00:00.000Z',
      };
      const page = await store.page({ limit: 10 }, (id) => (id === a.id ? live : undefined), [
        fresh,
      ]);
      assert.deepEqual(
        page.runs.map((run) => [run.id, run.status]),
        [
          [fresh.id, 'running'],
          [a.id, 'waiting'],
        ],
      );
    });

    it('gives back the unfinished runs at their latest records', async () => {
      const { store, reopen, elsewhere } = await backend.open();
      const running = startRecord();
      const waiting = startRecord();
      const done = startRecord();
      await appendAll(store, [running, waiting, done]);
      const parked = nextRecord(waiting, {
        status: 'waiting',
        cursor: undefined,
        waiting: { kind: 'timer', nodeId: 'd', key: 'd', since: waiting.at, until: waiting.at },
      });
      await appendAll(store, [
        parked,
        nextRecord(done, { status: 'failed', error: 'x', cursor: undefined, endedAt: done.at }),
      ]);
      const again = await reopen();
      const unfinished = await again.unfinished();
      assert.deepEqual(
        unfinished.map((record) => [record.id, record.seq]).sort(),
        [
          [running.id, 0],
          [waiting.id, 1],
        ].sort(),
      );
      if (elsewhere) {
        // Another instance reads every run, and brings back none of this one's.
        const other = await elsewhere();
        assert.equal((await other.read(running.id))?.status, 'running');
        assert.deepEqual(await other.unfinished(), []);
      }
    });

    if (backend.name === 'postgres') {
      it('deletes ended runs beyond retention, never unfinished ones', async () => {
        const { store, reopen } = await backend.open({ retentionCount: 1 });
        const old = startRecord();
        const waiting = startRecord();
        const newest = startRecord();
        await appendAll(store, [old, waiting, newest]);
        await store.append(
          nextRecord(old, { status: 'completed', cursor: undefined, endedAt: old.at }),
        );
        await store.append(
          nextRecord(newest, { status: 'completed', cursor: undefined, endedAt: newest.at }),
        );
        const again = await reopen();
        assert.equal(await again.has(old.id), false, 'beyond the newest one and ended');
        assert.equal(await again.has(waiting.id), true, 'still running: kept');
        assert.equal(await again.has(newest.id), true);
      });
    }
  });
}
