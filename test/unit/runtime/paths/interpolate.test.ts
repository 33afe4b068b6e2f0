import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolate, interpolateText, stringifyValue } from '../../../../runtime/paths';
import { webhookCall } from './seed-payloads';

const scope = {
  ...webhookCall,
  order: { total: 149.9, paid: true, items: [{ sku: 'A1' }], note: null },
  TOTAL: 42,
  PARAM_NAME: 'value-1',
  EMPTY: '',
};

describe('interpolate', () => {
  it('returns the typed value for a template that is exactly one expression', () => {
    assert.equal(interpolate('{{order.total}}', scope), 149.9);
    assert.equal(interpolate('{{ order.paid }}', scope), true);
    assert.deepEqual(interpolate('{{order.items}}', scope), [{ sku: 'A1' }]);
    assert.equal(interpolate('{{order}}', scope), scope.order, 'the same object, not a copy');
    assert.equal(interpolate('{{order.note}}', scope), null);
    assert.equal(interpolate('{{order.missing}}', scope), undefined);
    assert.equal(interpolate('$TOTAL', scope), 42);
    assert.equal(interpolate('{{ $ }}', scope), scope);
  });

  it('returns text as soon as anything surrounds the expression', () => {
    assert.equal(interpolate(' {{order.total}}', scope), ' 149.9');
    assert.equal(interpolate('{{order.total}} ', scope), '149.9 ');
    assert.equal(interpolate('$TOTAL.', scope), '42.');
    assert.equal(interpolate('{{order.total}}{{order.paid}}', scope), '149.9true');
    assert.equal(interpolate('', scope), '');
  });

  it('mixes text and values: numbers, booleans, empty for missing and null', () => {
    assert.equal(
      interpolate(
        'Total {{order.total}} paid={{order.paid}} note=[{{order.note}}] x=[{{nope.x}}]',
        scope,
      ),
      'Total 149.9 paid=true note=[] x=[]',
    );
    assert.equal(
      interpolate('{{ body.user.name }} from {{body.customer.address.city}}', scope),
      'Ana Souza from São Paulo',
    );
    assert.equal(interpolate("event {{ headers['x-event'] }}", scope), 'event order_approved');
  });

  it('stringifies nested objects and arrays as JSON inside text', () => {
    assert.equal(interpolate('items: {{order.items}}', scope), 'items: [{"sku":"A1"}]');
    assert.equal(
      interpolate('address: {{ body.customer.address }}', scope),
      'address: {"city":"São Paulo"}',
    );
  });

  it('substitutes $NAME only when the scope has it, and leaves other dollars alone', () => {
    assert.equal(interpolate('?p=$PARAM_NAME&x=1', scope), '?p=value-1&x=1');
    assert.equal(interpolate('[$EMPTY]', scope), '[]');
    assert.equal(interpolate('costs $5 in USD $AMOUNT', scope), 'costs $5 in USD $AMOUNT');
    assert.equal(interpolate('$AMOUNT', scope), '$AMOUNT', 'absent alone is still text');
    assert.equal(interpolate('$toString $CONSTRUCTOR', {}), '$toString $CONSTRUCTOR');
    assert.equal(interpolate('$__proto__', {}), '$__proto__');
    assert.equal(interpolate('$TOTALS', scope), '$TOTALS', 'the longest name is the name');
  });

  it('reads escapes literally', () => {
    assert.equal(
      interpolate('\\{{order.total}} is {{order.total}}', scope),
      '{{order.total}} is 149.9',
    );
    assert.equal(interpolate('\\$TOTAL is $TOTAL', scope), '$TOTAL is 42');
    assert.equal(interpolate('C:\\temp\\$TOTAL', scope), 'C:\\temp$TOTAL');
  });

  it('leaves broken expressions exactly as typed and never throws', () => {
    assert.equal(interpolate('Hi {{ body.name', scope), 'Hi {{ body.name');
    assert.equal(
      interpolate('Hi {{}} {{ body..name }} $TOTAL', scope),
      'Hi {{}} {{ body..name }} 42',
    );
    assert.equal(interpolate('{{ body.data[0 }}', scope), '{{ body.data[0 }}');
  });
});

describe('interpolateText', () => {
  it('always returns a string', () => {
    assert.equal(interpolateText('{{order.total}}', scope), '149.9');
    assert.equal(interpolateText('{{order.missing}}', scope), '');
    assert.equal(interpolateText('{{order.items}}', scope), '[{"sku":"A1"}]');
    assert.equal(interpolateText('$TOTAL', scope), '42');
    assert.equal(interpolateText('$NOPE', scope), '$NOPE');
  });
});

describe('stringifyValue', () => {
  it('shows values the way text needs them', () => {
    assert.equal(stringifyValue('text'), 'text');
    assert.equal(stringifyValue(0), '0');
    assert.equal(stringifyValue(-1.5), '-1.5');
    assert.equal(stringifyValue(false), 'false');
    assert.equal(stringifyValue(null), '');
    assert.equal(stringifyValue(undefined), '');
    assert.equal(stringifyValue({ a: [1, 'x'] }), '{"a":[1,"x"]}');
    assert.equal(stringifyValue([]), '[]');
  });

  it('does not throw on values JSON cannot hold', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(stringifyValue(cycle), '');
    assert.equal(stringifyValue({ big: 1n }), '');
    assert.equal(stringifyValue(1n), '1');
    assert.equal(stringifyValue(Symbol('s')), 'Symbol(s)');
  });
});
