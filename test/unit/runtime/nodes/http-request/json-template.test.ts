import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillJsonTemplate } from '../../../../../runtime/nodes/http-request/json-template';

const scope = {
  order: { total: 197.5, id: 'ord_1', items: [{ sku: 'A' }], paid: true, none: null },
  name: 'Ana "the ace" \\ Souza\n',
  EMAIL: 'ana@example.com',
  body: { event: 'x' },
};

function filled(template: string): unknown {
  const result = fillJsonTemplate(template, scope);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return JSON.parse(result.text);
}

test('a whole-value expression keeps its type', () => {
  assert.deepEqual(
    filled(
      '{"total": {{order.total}}, "paid": {{ order.paid }}, "items": {{order.items}}, "n": {{order.none}}}',
    ),
    { total: 197.5, paid: true, items: [{ sku: 'A' }], n: null },
  );
});

test('inside a string a value is escaped text, so quotes and backslashes cannot break out', () => {
  assert.deepEqual(filled('{"greeting": "Hi {{name}}!", "id": "{{order.total}}"}'), {
    greeting: 'Hi Ana "the ace" \\ Souza\n!',
    id: '197.5',
  });
  assert.deepEqual(filled('{"injected": "{{name}}", "safe": 1}'), {
    injected: scope.name,
    safe: 1,
  });
});

test('$NAME reads the variable; a $ that names none stays as typed', () => {
  assert.deepEqual(filled('{"email": "$EMAIL", "price": "$5", "raw": $EMAIL}'), {
    email: 'ana@example.com',
    price: '$5',
    raw: 'ana@example.com',
  });
});

test('a missing value is null as a value and empty inside a string', () => {
  assert.deepEqual(filled('{"a": {{order.missing}}, "b": "x{{order.missing}}y"}'), {
    a: null,
    b: 'xy',
  });
});

test('escaped quotes in the template do not confuse where strings are', () => {
  assert.deepEqual(filled('{"q": "say \\"{{order.id}}\\"", "t": {{order.total}}}'), {
    q: 'say "ord_1"',
    t: 197.5,
  });
});

test('a body that is not JSON once filled in is refused with the reason', () => {
  const result = fillJsonTemplate('{"a": {{order.total}}', scope);
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.message, /not valid JSON once filled in/);
});
