// The call store's contract (runtime/ingress/call-store.ts), run against both backends:
// the JSON Lines call log in a data folder and the `calls` table in PostgreSQL. The same
// calls go in; what the calls API shows of them must come out identical. `reopen` is a
// restart for JSON, and for PostgreSQL another instance on the same database.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CALL_BODY_CAP_BYTES } from '../../../runtime/ingress/captured-body';
import { CallLog } from '../../../runtime/ingress/call-log';
import type { CallStore } from '../../../runtime/ingress/call-store';
import type { StoredCall } from '../../../runtime/ingress/stored-call';
import { silentLogger } from '../../../runtime/logger';
import { Database } from '../../../runtime/store/postgres/database';
import { PgCallStore } from '../../../runtime/store/postgres/pg-call-store';
import { RawJson } from '../../../runtime/store/jsonl/record-encoder';
import { createTestDatabase } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp-dir';

const retention = () => ({ retentionCount: 10_000, retentionDays: 14 });

interface OpenedCalls {
  calls: CallStore;
  reopen(): Promise<CallStore>;
}

const backends: { name: string; open(): Promise<OpenedCalls> }[] = [
  {
    name: 'json',
    async open() {
      const dir = await tempDir();
      const calls = await CallLog.open(dir, retention, silentLogger);
      return {
        calls,
        reopen: async () => {
          await calls.close();
          return CallLog.open(dir, retention, silentLogger);
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const url = await createTestDatabase();
      const instance = async () => {
        const db = await Database.open({ url, logger: silentLogger });
        after(() => db.close());
        return PgCallStore.open(db, retention, silentLogger);
      };
      const calls = await instance();
      return { calls, reopen: instance };
    },
  },
];

let counter = 0;
function call(fields: Partial<StoredCall> = {}): StoredCall {
  counter += 1;
  return {
    id: `c_contract${String(counter).padStart(6, '0')}`,
    at: new Date().toISOString(),
    seq: 0,
    flowId: 'f_a',
    nodeId: 'n_hook',
    trigger: 'webhook-trigger',
    method: 'POST',
    path: '/webhooks/flow/wh_x',
    ip: '127.0.0.1',
    headers: { 'content-type': 'application/json' },
    query: { page: '1' },
    params: {},
    size: 2,
    body: '{}',
    bodyEncoding: 'utf8',
    auth: { outcome: 'passed', scheme: 'public' },
    status: 202,
    ...fields,
  };
}

/** An accepted call with a JSON body longer than the cap, kept whole as the pipeline does. */
function bigJsonCall(): { record: StoredCall; bytes: Buffer; text: string } {
  const text = `{"note": "caf\\u00e9", "total": 1.50, "pad": "${'z'.repeat(CALL_BODY_CAP_BYTES)}"}`;
  const bytes = Buffer.from(text);
  const record = call({ size: bytes.length, runId: 'r_big000001', response: { accepted: true } });
  delete record.body;
  Object.assign(record, {
    bodyEncoding: 'json',
    jsonBytes: bytes.length,
    body: new RawJson(bytes, JSON.parse(text)),
  });
  return { record, bytes, text };
}

/** What each backend gave back, to compare them with each other at the end. */
const shown = new Map<string, unknown>();

for (const backend of backends) {
  describe(`call store contract (${backend.name})`, () => {
    it('pages one trigger’s calls newest first, each call once, in its latest state', async () => {
      const { calls, reopen } = await backend.open();
      const a = call();
      const other = call({ nodeId: 'n_other' });
      const pending = call({ status: undefined, runId: 'r_pending1' });
      await calls.append(a);
      await calls.append(other);
      await calls.append(pending);
      await calls.update(pending, { seq: 1, status: 200, response: { runId: 'r_pending1' } });

      const page = await calls.page('f_a', 'n_hook', { limit: 10 });
      assert.deepEqual(
        page.calls.map((item) => [item.id, item.status]),
        [
          [pending.id, 200],
          [a.id, 202],
        ],
      );
      assert.equal(page.next, undefined, 'the last page has no cursor');
      assert.equal('headers' in (page.calls[0] ?? {}), false, 'summaries leave out headers');
      const first = await calls.page('f_a', 'n_hook', { limit: 1 });
      assert.ok(first.next);
      const second = await calls.page('f_a', 'n_hook', { limit: 1, before: first.next });
      assert.deepEqual(
        second.calls.map((item) => item.id),
        [a.id],
      );
      assert.equal(second.next, undefined);

      const again = await reopen();
      assert.deepEqual((await again.read(pending.id))?.response, { runId: 'r_pending1' });
      assert.equal((await again.read(pending.id))?.seq, 1);
      assert.equal(await again.read('c_nosuchcall'), undefined);
      assert.equal(await again.readWhole('c_nosuchcall'), undefined);
      shown.set(`${backend.name}:page`, stripIds(page));
    });

    it('keeps an accepted JSON body whole, byte for byte, and shows it cut at the cap', async () => {
      const { calls, reopen } = await backend.open();
      const { record, bytes, text } = bigJsonCall();
      await calls.append(record);
      const page = await calls.page('f_a', 'n_hook', { limit: 1 });
      assert.equal(page.calls[0]?.bodyEncoding, 'utf8', 'a list names the encoding as the API');
      await calls.update(record, { seq: 1, status: 200, response: { done: true } });

      const found = await (await reopen()).readWhole(record.id);
      assert.ok(found);
      assert.deepEqual(found.body, bytes, 'every byte, as it arrived');
      assert.equal(found.record.status, 200, 'the latest state');
      assert.equal(found.record.bodyEncoding, 'utf8');
      assert.equal(found.record.bodyTruncated, true);
      assert.equal(found.record.bodyStored, true, 'kept whole, shown cut');
      assert.equal(found.record.body, text.slice(0, CALL_BODY_CAP_BYTES));
      assert.equal('jsonBytes' in found.record, false, 'storage detail, not API');
      shown.set(`${backend.name}:big`, stripIds(found.record));
    });

    it('keeps only the start of a refused call’s long body, and a binary body as base64', async () => {
      const { calls } = await backend.open();
      const start = 'x'.repeat(CALL_BODY_CAP_BYTES);
      const refused = call({
        status: 401,
        size: CALL_BODY_CAP_BYTES + 10,
        body: start,
        bodyTruncated: true,
        auth: { outcome: 'failed', code: 'invalid_signature' },
        response: { error: { code: 'invalid_signature', message: 'no' } },
      });
      const binary = call({ size: 3, body: Buffer.from([0xff, 0, 1]).toString('base64') });
      binary.bodyEncoding = 'base64';
      const empty = call({ size: 0 });
      delete empty.body;
      delete empty.bodyEncoding;
      for (const record of [refused, binary, empty]) await calls.append(record);

      const cut = await calls.readWhole(refused.id);
      assert.equal(cut?.body, undefined, 'not kept whole: no bytes for replay');
      assert.equal(cut?.record.body, start);
      assert.equal(cut?.record.bodyTruncated, true);
      const bin = await calls.readWhole(binary.id);
      assert.deepEqual(bin?.body, Buffer.from([0xff, 0, 1]));
      assert.equal(bin?.record.bodyEncoding, 'base64');
      const none = await calls.readWhole(empty.id);
      assert.equal(none?.body?.length, 0);
      assert.equal(none?.record.body, undefined);
      const page = await calls.page('f_a', 'n_hook', { limit: 10 });
      assert.deepEqual(
        page.calls.map((item) => [item.status, item.bodyEncoding, item.bodyTruncated]),
        [
          [202, undefined, undefined],
          [202, 'base64', undefined],
          [401, 'utf8', true],
        ],
      );
      shown.set(
        `${backend.name}:kinds`,
        [cut, bin, none].map((item) => stripIds(item?.record)),
      );
    });
  });
}

describe('call store contract: both backends', () => {
  it('show the same calls identically', () => {
    for (const what of ['page', 'big', 'kinds']) {
      assert.ok(shown.has(`json:${what}`) && shown.has(`postgres:${what}`), what);
      assert.deepEqual(shown.get(`postgres:${what}`), shown.get(`json:${what}`), what);
    }
  });
});

describe('call store retention (postgres, in SQL)', () => {
  it('keeps at most retentionCount calls and none older than retentionDays', async () => {
    const url = await createTestDatabase();
    const db = await Database.open({ url, logger: silentLogger });
    after(() => db.close());
    const settings = { retentionCount: 10, retentionDays: 14 };
    const calls = await PgCallStore.open(db, () => settings, silentLogger);
    const old = call({ at: new Date(Date.now() - 20 * 86_400_000).toISOString() });
    await calls.append(old);
    const recent: StoredCall[] = [];
    for (let index = 0; index < 12; index += 1) {
      const record = call();
      recent.push(record);
      await calls.append(record);
    }
    assert.equal(await calls.applyRetention(), 3, 'the old one and the two oldest beyond 10');
    assert.equal(await calls.read(old.id), undefined);
    const kept = await calls.page('f_a', 'n_hook', { limit: 50 });
    assert.deepEqual(
      kept.calls.map((item) => item.id),
      recent
        .slice(2)
        .map((item) => item.id)
        .reverse(),
    );
  });
});

/** Ids and times differ between the runs on the two backends; the rest must not. */
function stripIds(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (key, item: unknown) =>
      key === 'id' || key === 'at' || key === 'next' ? undefined : item,
    ),
  );
}
