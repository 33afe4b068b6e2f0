import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapResponse, parseResponseBody } from '../../../../runtime/outbound/response-reading';

const bytes = (text: string) => Buffer.from(text, 'utf8');

test('seed 002 paths map JSON objects, JSON arrays and XML', () => {
  const object = parseResponseBody(bytes('{"data":{"userId":1}}'), 'application/json', 'auto');
  assert.ok(object.ok);
  assert.deepEqual(
    mapResponse(object.value, [
      { path: 'data.userId', variable: 'A' },
      { path: "data['userId']", variable: 'B' },
    ]).values,
    { A: 1, B: 1 },
  );
  const array = parseResponseBody(
    bytes('[{"userId":1,"completed":false},{"userId":2,"completed":false}]'),
    'application/json; charset=utf-8',
    'auto',
  );
  assert.ok(array.ok);
  assert.deepEqual(
    mapResponse(array.value, [
      { path: '$[0].userId', variable: 'FIRST' },
      { path: "$[1]['userId']", variable: 'SECOND' },
    ]).values,
    { FIRST: 1, SECOND: 2 },
  );
  const xml = parseResponseBody(
    bytes('<?xml version="1.0" encoding="UTF-8"?><note id="7"><to>Tove</to><body>Hi</body></note>'),
    'application/xml',
    'auto',
  );
  assert.ok(xml.ok);
  assert.equal(xml.format, 'xml');
  assert.deepEqual(
    mapResponse(xml.value, [
      { path: 'note.to', variable: 'TO' },
      { path: "note['to']", variable: 'TO2' },
      { path: "note['@_id']", variable: 'ID' },
    ]).values,
    { TO: 'Tove', TO2: 'Tove', ID: '7' },
  );
});

test('a path that finds nothing, or is not a path, is reported missing with the reason', () => {
  const mapped = mapResponse({ data: {} }, [
    { path: 'data.userId', variable: 'USER' },
    { path: 'data[', variable: 'BAD' },
  ]);
  assert.deepEqual(mapped.values, {});
  assert.deepEqual(
    mapped.missing.map((row) => [row.variable, /nothing there|not a valid path/.test(row.reason)]),
    [
      ['USER', true],
      ['BAD', true],
    ],
  );
});

test('a declared format that does not parse is an error naming the format', () => {
  const json = parseResponseBody(bytes('<html>'), 'text/html', 'json');
  assert.equal(json.ok, false);
  assert.match(json.ok ? '' : json.message, /not valid JSON/);
  const xml = parseResponseBody(bytes('{"a":1}'), 'application/json', 'xml');
  assert.equal(xml.ok, false);
  assert.match(xml.ok ? '' : xml.message, /not valid XML/);
});

test('auto reads JSON sent as text/plain, keeps other text as text, and an empty JSON body is nothing', () => {
  const plain = parseResponseBody(bytes('{"ok":true}'), 'text/plain', 'auto');
  assert.deepEqual(plain.ok && plain.value, { ok: true });
  const html = parseResponseBody(bytes('<p>hi</p>'), 'text/html', 'auto');
  assert.deepEqual(html.ok && [html.format, html.value], ['text', '<p>hi</p>']);
  const empty = parseResponseBody(bytes(''), 'application/json', 'auto');
  assert.ok(empty.ok);
  assert.equal(empty.value, undefined);
  const latin1 = parseResponseBody(
    Buffer.from([0x63, 0x61, 0x66, 0xe9]),
    'text/plain; charset=iso-8859-1',
    'text',
  );
  assert.deepEqual(latin1.ok && latin1.value, 'café');
});
