import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  mappingMisses,
  mappingMissesInCall,
  mappingMissText,
} from '../../../../runtime/shared/webhook-mappings';

const call = {
  body: {
    event: 'order.paid',
    customer: { phone: '+5581999990000', Email: 'ana@example.com' },
    items: [{ sku: 'A1' }],
    empty: null,
  },
  query: { ref: 'ad' },
  headers: { 'x-shop': 'demo' },
  params: {},
  ip: '127.0.0.1',
  method: 'POST',
};

describe('mappings that find nothing', () => {
  it('finds the mappings whose path reads no value, with the row and a typo fixed', () => {
    const misses = mappingMissesInCall(
      [
        { path: 'body.customer.phone', variable: 'phone' },
        { path: 'body.custmer.phone', variable: 'phone2' },
        { path: ' body.customer.email ', variable: 'email' },
        { path: 'body.items[1].sku', variable: 'second' },
        { path: 'body.nothing.like.this', variable: 'x' },
        { path: 'query.ref', variable: 'ref' },
        { path: 'body.empty', variable: 'empty' },
        { path: 'headers["x-shop"]', variable: 'shop' },
      ],
      call,
    );
    assert.deepEqual(misses, [
      {
        index: 1,
        path: 'body.custmer.phone',
        variable: 'phone2',
        suggestion: 'body.customer.phone',
      },
      {
        index: 2,
        path: 'body.customer.email',
        variable: 'email',
        suggestion: 'body.customer.Email',
      },
      { index: 3, path: 'body.items[1].sku', variable: 'second' },
      { index: 4, path: 'body.nothing.like.this', variable: 'x' },
    ]);
  });

  it('a path that does not parse is left to the publish check; trigger.… is not the call', () => {
    assert.deepEqual(mappingMissesInCall([{ path: 'body..x', variable: 'x' }], call), []);
    assert.deepEqual(mappingMissesInCall([{ path: 'trigger.callId', variable: 'id' }], call), []);
    // In a run's scope the same path is checked like any other.
    assert.equal(mappingMisses([{ path: 'trigger.callId', variable: 'id' }], {}).length, 1);
  });

  it('says which mapping found nothing and what that leaves empty', () => {
    assert.equal(
      mappingMissText({ path: 'body.custmer.phone', variable: 'phone' }),
      'Mapping body.custmer.phone → phone found nothing in the call: phone is empty',
    );
  });
});
