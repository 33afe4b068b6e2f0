import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { parsePath, readPath } from '../../../../runtime/paths';
import { arrayResponse, jsonResponse, webhookCall, xmlResponse } from './seed-payloads';

describe('readPath on the seed examples', () => {
  const cases: [payload: unknown, path: string, expected: unknown][] = [
    // Seed 001: variable mappings, customer/chat binding, event paths, listen-mode copy paths.
    [webhookCall, 'body.user.name', 'Ana Souza'],
    [webhookCall, 'body.order.total', 149.9],
    [webhookCall, 'body.event', 'purchase.approved'],
    [webhookCall, 'body.type', 'order'],
    [webhookCall, 'body.trigger', 'checkout'],
    [webhookCall, 'body.data[0].email', 'ana@example.com'],
    [webhookCall, 'body.data[0].name', 'Ana'],
    [webhookCall, 'body.data[1].name', 'Bruno'],
    [webhookCall, 'body.customer.address.city', 'São Paulo'],
    [webhookCall, 'body.customer.email', 'ana@example.com'],
    [webhookCall, 'body.customer.phone', '+5511999990000'],
    [webhookCall, 'body.name', 'Ana Souza'],
    [webhookCall, 'body.email', 'ana@example.com'],
    [webhookCall, 'body.phone', '+5511999990000'],
    [webhookCall, "headers['x-event']", 'order_approved'],
    [webhookCall, 'headers["x-event"]', 'order_approved'],
    [webhookCall, 'headers.x-event', 'order_approved'],
    [webhookCall, 'query.signature', 'abc123'],
    // Seed 002: JSON and array response mapping.
    [jsonResponse, 'data.userId', 1],
    [jsonResponse, "data['userId']", 1],
    [jsonResponse, 'data["userId"]', 1],
    [arrayResponse, '$[0].userId', 1],
    [arrayResponse, "$[0]['userId']", 1],
    [arrayResponse, '$[1].userId', 2],
    [arrayResponse, '$[1].completed', false],
    [arrayResponse, '$', arrayResponse],
  ];
  for (const [payload, path, expected] of cases) {
    it(`${path} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(readPath(payload, path), expected);
      assert.deepEqual(readPath(payload, parsePath(path)), expected, 'same through segments');
    });
  }

  it("reads note.to and note['to'] from the seed 002 XML parsed with fast-xml-parser", () => {
    const parsed: unknown = new XMLParser().parse(xmlResponse);
    assert.equal(readPath(parsed, 'note.to'), 'Tove');
    assert.equal(readPath(parsed, "note['to']"), 'Tove');
    assert.equal(readPath(parsed, 'note.from'), 'Jani');
    assert.equal(readPath(parsed, 'note.body'), "Don't forget me this weekend!");
  });
});

describe('readPath semantics', () => {
  it('reads missing keys, out-of-range indices and steps into primitives as undefined', () => {
    assert.equal(readPath(webhookCall, 'body.nothing.here'), undefined);
    assert.equal(readPath(webhookCall, 'body.data[2].email'), undefined);
    assert.equal(readPath(webhookCall, 'body.event.length'), undefined, 'strings have no keys');
    assert.equal(readPath(webhookCall, 'body.order.total[0]'), undefined);
    assert.equal(readPath({ a: null }, 'a.b'), undefined);
    assert.equal(readPath(null, 'a'), undefined);
    assert.equal(readPath(undefined, '$[0]'), undefined);
    assert.equal(readPath(42, 'a'), undefined);
  });

  it('returns undefined for an invalid path string instead of throwing', () => {
    assert.equal(readPath(webhookCall, 'body.data[0'), undefined);
    assert.equal(readPath(webhookCall, ''), undefined);
    assert.equal(readPath(webhookCall, 'body..event'), undefined);
  });

  it('never reads through the prototype chain', () => {
    const plain = { a: 1 };
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      assert.equal(readPath(plain, key), undefined, key);
      assert.equal(readPath(plain, `$['${key}']`), undefined, key);
      assert.equal(readPath([1], key), undefined, `${key} on an array`);
    }
    assert.equal(readPath({ a: {} }, 'a.constructor.prototype'), undefined);
    assert.equal(readPath(Object.create({ inherited: 1 }), 'inherited'), undefined);
  });

  it('reads an own "__proto__" key that JSON.parse created', () => {
    const payload: unknown = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
    assert.deepEqual(readPath(payload, "$['__proto__'].polluted"), true);
    assert.equal(readPath({}, 'polluted'), undefined);
  });

  it('reads array elements through canonical index keys like items.0', () => {
    const scope = { items: ['a', 'b', 'c'] };
    assert.equal(readPath(scope, 'items.0'), 'a');
    assert.equal(readPath(scope, 'items.2'), 'c');
    assert.equal(readPath(scope, "items['1']"), 'b');
    assert.equal(readPath(scope, 'items.01'), undefined, 'not canonical');
    assert.equal(readPath(scope, 'items.3'), undefined);
    assert.equal(readPath(scope, 'items.length'), undefined, 'JSON arrays have no named keys');
  });

  it('reads an index on an object as the key with the same digits', () => {
    assert.equal(readPath({ '0': 'zero' }, '$[0]'), 'zero');
    assert.equal(readPath({ '0': 'zero' }, '$.0'), 'zero');
  });

  it('returns the whole root for $ and for an empty segment list', () => {
    assert.equal(readPath(webhookCall, '$'), webhookCall);
    assert.equal(readPath(webhookCall, []), webhookCall);
    assert.equal(readPath(undefined, '$'), undefined);
  });

  it('reads keys with dots, spaces, quotes and unicode through brackets', () => {
    const payload = { 'a.b': 1, 'my key': 2, "it's": 3, 'say "hi"': 4, 日本: { 'ü ñ': 5 } };
    assert.equal(readPath(payload, "$['a.b']"), 1);
    assert.equal(readPath(payload, "$['my key']"), 2);
    assert.equal(readPath(payload, "$['it\\'s']"), 3);
    assert.equal(readPath(payload, '$["say \\"hi\\""]'), 4);
    assert.equal(readPath(payload, "日本['ü ñ']"), 5);
  });

  it('does not throw on a throwing getter', () => {
    const hostile = {
      get boom(): never {
        throw new Error('no');
      },
    };
    assert.equal(readPath(hostile, 'boom'), undefined);
  });
});
