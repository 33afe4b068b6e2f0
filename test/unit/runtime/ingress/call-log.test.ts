import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CALL_BODY_CAP_BYTES, capturedBody } from '../../../../runtime/ingress/captured-body';
import { CallLog } from '../../../../runtime/ingress/call-log';
import { CallBodies } from '../../../../runtime/ingress/call-bodies';
import type { StoredCall } from '../../../../runtime/ingress/stored-call';
import { RawJson } from '../../../../runtime/store/jsonl/record-encoder';
import { Deduper } from '../../../../runtime/ingress/dedupe';
import { compileTrigger } from '../../../../runtime/ingress/compile-trigger';
import { shippedEndpoints } from '../../../../runtime/ingress/endpoints';
import { silentLogger } from '../../../../runtime/logger';
import type { CallRecord } from '../../../../runtime/shared/calls';
import { tempDir } from '../../../helpers/temp-dir';
import { webhookTriggerNode } from '../../../helpers/webhook-flows';

const retention = () => ({ retentionCount: 10_000, retentionDays: 14 });

let counter = 0;
function call(fields: Partial<CallRecord> = {}): CallRecord {
  counter += 1;
  return {
    id: `c_test${String(counter).padStart(6, '0')}`,
    at: new Date().toISOString(),
    seq: 0,
    flowId: 'f_a',
    nodeId: 'n_hook',
    trigger: 'webhook-trigger',
    method: 'POST',
    path: '/webhooks/flow/wh_x',
    ip: '127.0.0.1',
    headers: { 'content-type': 'application/json' },
    query: {},
    params: {},
    size: 2,
    body: '{}',
    bodyEncoding: 'utf8',
    auth: { outcome: 'passed', scheme: 'public' },
    status: 202,
    ...fields,
  };
}

describe('CallLog', () => {
  it('pages one trigger’s calls newest first, each call once (its latest event)', async () => {
    const dir = await tempDir();
    const log = await CallLog.open(dir, retention, silentLogger);
    const a = call();
    const other = call({ nodeId: 'n_other' });
    const pending = call({ status: undefined, runId: 'r_pending1' });
    await log.append(a);
    await log.append(other);
    await log.append(pending);
    await log.append({ ...pending, seq: 1, status: 200, response: { runId: 'r_pending1' } });

    const page = await log.page('f_a', 'n_hook', { limit: 10 });
    assert.deepEqual(
      page.calls.map((item) => [item.id, item.status]),
      [
        [pending.id, 200],
        [a.id, 202],
      ],
    );
    assert.equal('headers' in (page.calls[0] ?? {}), false, 'summaries leave out headers/body');
    const first = await log.page('f_a', 'n_hook', { limit: 1 });
    assert.ok(first.next);
    const second = await log.page('f_a', 'n_hook', { limit: 1, before: first.next });
    assert.deepEqual(
      second.calls.map((item) => item.id),
      [a.id],
    );
    assert.deepEqual((await log.read(pending.id))?.response, { runId: 'r_pending1' });
    assert.equal(log.latest(pending.id)?.status, 200);
    await log.close();
  });

  it('cuts a long body at a character boundary, and keeps binary bodies as base64', () => {
    const big = Buffer.from('é'.repeat(CALL_BODY_CAP_BYTES));
    const kept = capturedBody(big);
    assert.equal(kept.bodyTruncated, true);
    assert.equal(kept.bodyEncoding, 'utf8', 'the cut steps back to a character boundary');
    assert.ok(Buffer.byteLength(kept.body ?? '') <= CALL_BODY_CAP_BYTES);
    assert.equal(capturedBody(Buffer.from([0xff, 0x00, 0x01])).bodyEncoding, 'base64');
    assert.equal(capturedBody(big, Infinity).bodyTruncated, undefined, 'no cap: kept whole');
  });

  it('keeps an accepted JSON body inline, byte for byte, and shows it cut at the cap', async () => {
    // Spaces, a trailing zero and a \u escape: what a re-serialization would change.
    const text = `{"note": "caf\\u00e9", "total": 1.50, "pad": "${'z'.repeat(CALL_BODY_CAP_BYTES)}"}`;
    const bytes = Buffer.from(text);
    const record: StoredCall = { ...call({ size: bytes.length }) };
    delete record.body;
    Object.assign(record, {
      bodyEncoding: 'json',
      jsonBytes: bytes.length,
      body: new RawJson(bytes, JSON.parse(text)),
    });
    const dir = await tempDir();
    const log = await CallLog.open(dir, retention, silentLogger);
    await log.append(record);
    const page = await log.page('f_a', 'n_hook', { limit: 1 });
    assert.equal(page.calls[0]?.bodyEncoding, 'utf8', 'a list names the encoding as the API does');
    // A later event of the same call (its run's answer) carries no body of its own.
    await log.update(record, { seq: 1, status: 200, response: { done: true } });
    await log.close();

    const reopened = await CallLog.open(dir, retention, silentLogger);
    const found = await reopened.readWhole(record.id);
    assert.ok(found);
    assert.deepEqual(found.body, bytes, 'every byte, as it arrived');
    assert.equal(found.record.status, 200, 'the latest event');
    assert.equal(found.record.bodyEncoding, 'utf8');
    assert.equal(found.record.bodyTruncated, true);
    assert.equal(found.record.bodyStored, true, 'kept whole, shown cut');
    assert.equal(found.record.body, text.slice(0, CALL_BODY_CAP_BYTES));
    assert.equal('jsonBytes' in found.record, false, 'storage detail, not API');
    const segments = await readdir(join(dir, 'calls'));
    const lines = (
      await Promise.all(segments.map((name) => readFile(join(dir, 'calls', name), 'utf8')))
    ).join('');
    assert.equal(lines.split(text).length, 2, 'the body is in the log once, unescaped');
    await reopened.close();
  });

  it('keeps a body that is not spliceable JSON whole as text or base64', async () => {
    const dir = await tempDir();
    const log = await CallLog.open(dir, retention, silentLogger);
    const pretty = Buffer.from('{\n  "a": 1\n}');
    const binary = Buffer.from([0xff, 0x00, 0x0a]);
    const a = call({ size: pretty.length, ...capturedBody(pretty, Infinity) });
    const b = call({ size: binary.length, ...capturedBody(binary, Infinity) });
    await log.append(a);
    await log.append(b);
    assert.deepEqual((await log.readWhole(a.id))?.body, pretty);
    assert.deepEqual((await log.readWhole(b.id))?.body, binary);
    const cut = call({ ...capturedBody(Buffer.alloc(CALL_BODY_CAP_BYTES + 1, 0x61)) });
    await log.append(cut);
    assert.equal((await log.readWhole(cut.id))?.body, undefined, 'a cut body is not replayable');
    await log.close();
  });

  it('still reads a body an earlier version kept beside the log', async () => {
    const dir = await tempDir();
    const whole = Buffer.alloc(CALL_BODY_CAP_BYTES + 10, 0x62);
    const old = call({ ...capturedBody(whole), size: whole.length, bodyStored: true });
    await mkdir(join(dir, 'call-bodies'), { recursive: true });
    await writeFile(join(dir, 'call-bodies', `${old.id}.bin`), whole);
    const log = await CallLog.open(dir, retention, silentLogger);
    await log.append(old);
    const found = await log.readWhole(old.id);
    assert.deepEqual(found?.body, whole);
    assert.equal(found?.record.bodyStored, true);
    await log.close();
  });

  it('prunes earlier versions’ bodies whose calls are gone, then their folder', async () => {
    const dir = await tempDir();
    const folder = join(dir, 'call-bodies');
    await mkdir(folder);
    const hour = (Date.now() - 3600_000) / 1000;
    for (const id of ['c_kept00000', 'c_gone00000']) {
      await writeFile(join(folder, `${id}.bin`), 'x');
      await utimes(join(folder, `${id}.bin`), hour, hour);
    }
    const bodies = CallBodies.open(dir);
    await bodies.prune((id) => id === 'c_kept00000');
    assert.deepEqual(await readdir(folder), ['c_kept00000.bin']);
    await bodies.prune(() => false);
    assert.ok(!(await readdir(dir)).includes('call-bodies'), 'the empty folder is removed');
    await bodies.prune(() => false); // and a missing folder is fine
  });

  it('rebuilds the dedupe index from the log: a repeat gets the first response', async () => {
    const dir = await tempDir();
    const node = webhookTriggerNode({ idempotency: { source: 'header', name: 'webhook-id' } });
    const trigger = compileTrigger('f_a', node, shippedEndpoints.of(node));
    assert.ok(trigger);
    const log = await CallLog.open(dir, retention, silentLogger);
    const first = call({
      idempotencyKey: 'msg_1',
      runId: 'r_first00',
      response: { accepted: true, runId: 'r_first00' },
    });
    const refused = call({ idempotencyKey: 'msg_2', status: 401 });
    await log.append(first);
    await log.append(refused);
    await log.close();

    const reopened = await CallLog.open(dir, retention, silentLogger);
    const dedupe = new Deduper(reopened);
    assert.equal(dedupe.keyOf(trigger, { 'webhook-id': 'msg_1' }, undefined), 'msg_1');
    assert.deepEqual(await dedupe.previous(trigger.key, 'msg_1'), {
      callId: first.id,
      status: 202,
      response: { accepted: true, runId: 'r_first00' },
    });
    assert.equal(await dedupe.previous(trigger.key, 'msg_2'), undefined, 'refused: retry allowed');

    // A delivery in flight makes its repeat wait for its answer.
    const settle = dedupe.claim(trigger.key, 'msg_3', 'c_inflight1');
    const repeat = dedupe.previous(trigger.key, 'msg_3');
    settle({ callId: 'c_inflight1', status: 202, response: { accepted: true } });
    assert.equal((await repeat)?.callId, 'c_inflight1');
    await reopened.close();
  });

  it('reads an idempotency key from a body path', async () => {
    const node = webhookTriggerNode({ idempotency: { source: 'body-path', name: 'body.id' } });
    const trigger = compileTrigger('f_a', node, shippedEndpoints.of(node));
    assert.ok(trigger);
    const log = await CallLog.open(await tempDir(), retention, silentLogger);
    const dedupe = new Deduper(log);
    assert.equal(dedupe.keyOf(trigger, {}, { id: 'evt_1' }), 'evt_1');
    assert.equal(dedupe.keyOf(trigger, {}, { id: 42 }), '42');
    assert.equal(dedupe.keyOf(trigger, {}, { other: 1 }), undefined);
    assert.match(dedupe.keyOf(trigger, {}, { id: 'x'.repeat(500) }) ?? '', /^sha256:/);
    await log.close();
  });
});
