import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asArrived,
  batchBuffers,
  encodeRecord,
  lineText,
  rawJsonOf,
  RawJson,
  writeLine,
} from '../../../../../runtime/store/jsonl/record-encoder';

function line(record: unknown): string {
  const encoded = encodeRecord(record);
  const bytes = Buffer.alloc(encoded.bytes);
  assert.equal(writeLine(encoded, bytes, 0), encoded.bytes, 'bytes counts the whole line');
  assert.equal(bytes.toString('utf8'), lineText(encoded));
  return bytes.toString('utf8');
}

describe('record encoder', () => {
  it('writes a RawJson as its bytes, exactly, wherever it sits in the record', () => {
    const text = '{"b": 1.50, "name":"caf\\u00e9 ☕", "list":[ 1,2 ]}';
    const raw = new RawJson(Buffer.from(text), JSON.parse(text));
    const written = line({ id: 'r_1', input: { body: raw, query: {} }, end: 'é' });
    assert.equal(written, `{"id":"r_1","input":{"body":${text},"query":{}},"end":"é"}`);
    assert.deepEqual(JSON.parse(written).input.body, JSON.parse(text), 'reads back as parsed');
  });

  it('writes several RawJson values in order', () => {
    const a = new RawJson(Buffer.from('[1, 2]'), [1, 2]);
    const b = new RawJson(Buffer.from('{"x" :true}'), { x: true });
    assert.equal(line({ a, b, c: [a] }), '{"a":[1, 2],"b":{"x" :true},"c":[[1, 2]]}');
  });

  it('stringifies plainly when a string in the record is the marker itself', () => {
    // The marker is random per process; a sender cannot know it, but test the worst case.
    let marker = '';
    const probe = new RawJson(Buffer.from('1'), 1);
    encodeRecord({ spy: { toJSON: () => ((marker ||= String(probe.toJSON())), null) } });
    assert.ok(marker.startsWith('\u0000raw-json:'), marker);
    const raw = new RawJson(Buffer.from('{"ok": 1}'), { ok: 1 });
    for (const record of [
      { body: raw, note: marker },
      { note: marker, body: raw },
    ]) {
      const written = line(record);
      assert.deepEqual(JSON.parse(written), { ...record, body: { ok: 1 } });
    }
  });

  it('outside an encoding, a RawJson serializes as its value', () => {
    const raw = new RawJson(Buffer.from('{"a":  1}'), { a: 1 });
    assert.equal(JSON.stringify({ raw }), '{"raw":{"a":1}}');
  });

  it('accepts only bytes that can sit inside one line as they are', () => {
    assert.ok(rawJsonOf(Buffer.from('{"a":1}'), { a: 1 }));
    assert.equal(rawJsonOf(Buffer.from('{\n"a":1}'), { a: 1 }), undefined, 'LF');
    assert.equal(rawJsonOf(Buffer.from('{"a":1}\r'), { a: 1 }), undefined, 'CR');
    assert.equal(rawJsonOf(Buffer.from('\uFEFF{"a":1}'), { a: 1 }), undefined, 'byte-order mark');
    assert.equal(rawJsonOf(Buffer.from([0x22, 0xff, 0x22]), 'x'), undefined, 'not UTF-8');
    assert.equal(rawJsonOf(Buffer.alloc(0), undefined), undefined);
  });

  it('remembers the bytes of a parsed body for records that hold only the body', () => {
    const body = { order: { id: 7 } };
    const raw = rawJsonOf(Buffer.from('{"order":{"id":7}}'), body);
    assert.equal(asArrived(body), raw);
    assert.deepEqual(asArrived({ other: 1 }), { other: 1 }, 'unknown values pass through');
    assert.equal(asArrived('text'), 'text');
  });
});

describe('batch buffers', () => {
  it('hold the lines with their newlines, a large raw body written from its own buffer', () => {
    const bodyText = JSON.stringify({ items: 'x'.repeat(20_000) });
    const bytes = Buffer.from(bodyText);
    const large = new RawJson(bytes, JSON.parse(bodyText));
    const smallRaw = new RawJson(Buffer.from('[1,2]'), [1, 2]);
    const lines = [
      encodeRecord({ id: 'c_1', body: large, after: 'é' }),
      encodeRecord({ id: 'c_2', body: smallRaw }),
      encodeRecord({ id: 'c_3' }),
    ];
    const buffers = batchBuffers(lines);
    assert.equal(
      Buffer.concat(buffers).toString('utf8'),
      lines.map((encoded) => `${lineText(encoded)}\n`).join(''),
    );
    assert.ok(buffers.includes(bytes), 'the 20 KB body is not copied');
    // Small parts are gathered: before the body, then the rest of all three lines.
    assert.equal(buffers.length, 3);
  });

  it('is one buffer when nothing is large', () => {
    const lines = [encodeRecord({ id: 'a' }), encodeRecord({ id: 'b' })];
    const buffers = batchBuffers(lines);
    assert.equal(buffers.length, 1);
    assert.equal(buffers[0]?.toString('utf8'), '{"id":"a"}\n{"id":"b"}\n');
  });
});
