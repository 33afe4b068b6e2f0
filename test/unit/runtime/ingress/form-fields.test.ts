import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nestFields } from '../../../../runtime/ingress/form-fields';

/** Pairs from a query string, so cases read the way senders write them. */
const nest = (query: string): Record<string, unknown> => nestFields(new URLSearchParams(query));

describe('nestFields', () => {
  it('nests brackets into objects and arrays the way PHP, Rails and qs senders expect', () => {
    assert.deepEqual(
      nest(
        'event=order.paid&customer[name]=Ann&customer[address][city]=Recife' +
          '&items[0][sku]=A1&items[0][qty]=2&items[1][sku]=B2&tags[]=x&tags[]=y',
      ),
      {
        event: 'order.paid',
        customer: { name: 'Ann', address: { city: 'Recife' } },
        items: [{ sku: 'A1', qty: '2' }, { sku: 'B2' }],
        tags: ['x', 'y'],
      },
    );
  });

  it('keeps every value of a repeated name', () => {
    assert.deepEqual(nest('a=1&a=2&a=3&b=only'), { a: ['1', '2', '3'], b: 'only' });
    assert.deepEqual(nest('c[d]=1&c[d]=2'), { c: { d: ['1', '2'] } });
  });

  it('groups Rails-style appends: a new element starts when the last one has the key', () => {
    assert.deepEqual(nest('items[][sku]=A&items[][qty]=1&items[][sku]=B&items[][qty]=2'), {
      items: [
        { sku: 'A', qty: '1' },
        { sku: 'B', qty: '2' },
      ],
    });
    assert.deepEqual(nest('rows[][a][x]=1&rows[][a][y]=2&rows[][a][x]=3'), {
      rows: [{ a: { x: '1', y: '2' } }, { a: { x: '3' } }],
    });
    assert.deepEqual(nest('t[]=1'), { t: ['1'] }, 'a single append is still an array');
  });

  it('orders indexed arrays by index and closes gaps', () => {
    assert.deepEqual(nest('x[5]=c&x[2]=b&x[0]=a'), { x: ['a', 'b', 'c'] });
    assert.deepEqual(
      nest('x[999999999999]=a'),
      { x: { '999999999999': 'a' } },
      'huge indexes are keys',
    );
  });

  it('makes a group with any non-index key an object', () => {
    assert.deepEqual(nest('y[0]=a&y[name]=b&y[]=c'), { y: { '0': 'a', name: 'b', '1': 'c' } });
  });

  it('keeps both when a name is used as a value and as a group', () => {
    assert.deepEqual(nest('a=1&a[b]=2&a[c]=3'), { a: ['1', { b: '2', c: '3' }] });
    assert.deepEqual(nest('a[b]=2&a=1'), { a: [{ b: '2' }, '1'] });
  });

  it('keeps malformed or too deep names whole', () => {
    assert.deepEqual(nest('a[b=1&[c]=2&d]=3&e[f]g=4'), {
      'a[b': '1',
      '[c]': '2',
      'd]': '3',
      'e[f]g': '4',
    });
    const twenty = `k${'[n]'.repeat(20)}`;
    const twentyOne = `k${'[n]'.repeat(21)}`;
    let value: unknown = nestFields([[twenty, 'deep']]).k;
    for (let depth = 0; depth < 20; depth += 1) value = Reflect.get(Object(value), 'n');
    assert.equal(value, 'deep');
    assert.deepEqual(nestFields([[twentyOne, 'deeper']]), { [twentyOne]: 'deeper' });
  });

  it('drops __proto__, constructor and prototype anywhere in a name', () => {
    const value = nest(
      '__proto__[polluted]=1&a[__proto__][polluted]=1&b[constructor][prototype][polluted]=1' +
        '&constructor=x&prototype=y&c[0][__proto__]=1&safe=ok',
    );
    assert.deepEqual(value, { safe: 'ok' });
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(Reflect.get({}, 'polluted'), undefined);
  });
});
