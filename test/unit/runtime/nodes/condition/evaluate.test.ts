import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asNumber, evaluateRule } from '../../../../../runtime/nodes/condition/evaluate';
import type { ConditionOperator } from '../../../../../runtime/nodes/condition/definition';

function check(left: unknown, operator: ConditionOperator, right: unknown): boolean {
  const result = evaluateRule(left, operator, right);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('condition rules', () => {
  it('numbers and numeric strings compare as numbers', () => {
    assert.equal(asNumber(' 10 '), 10);
    assert.equal(asNumber('1e3'), 1000);
    assert.equal(asNumber(''), undefined);
    assert.equal(asNumber('0x10'), undefined);
    assert.equal(check('10', 'equals', 10), true);
    assert.equal(check('10.0', 'equals', '10'), true);
    assert.equal(check('9', 'less_than', '10'), true, 'not as text, where "9" > "10"');
    assert.equal(check(100, 'greater_than', '99.5'), true);
  });

  it('equals / not_equals on text, booleans and objects', () => {
    assert.equal(check('paid', 'equals', 'paid'), true);
    assert.equal(check('Paid', 'equals', 'paid'), false);
    assert.equal(check(true, 'equals', 'true'), true);
    assert.equal(check({ a: 1 }, 'equals', '{"a":1}'), true);
    assert.equal(check(undefined, 'equals', ''), true, 'missing reads as empty text');
    assert.equal(check('a', 'not_equals', 'b'), true);
    assert.equal(check('1', 'not_equals', 1), false);
  });

  it('contains: substring of text, element of a list', () => {
    assert.equal(check('purchase.approved', 'contains', 'approved'), true);
    assert.equal(check('abc', 'contains', 'x'), false);
    assert.equal(check(['a', 2, 'c'], 'contains', '2'), true);
    assert.equal(check(['ab'], 'contains', 'a'), false, 'elements must be equal, not contain');
  });

  it('starts_with', () => {
    assert.equal(check('order_123', 'starts_with', 'order_'), true);
    assert.equal(check('my_order', 'starts_with', 'order'), false);
  });

  it('exists and is_empty', () => {
    assert.equal(check(0, 'exists', undefined), true);
    assert.equal(check('', 'exists', undefined), true);
    assert.equal(check(null, 'exists', undefined), false);
    assert.equal(check(undefined, 'exists', undefined), false);
    for (const empty of [undefined, null, '', '  ', [], {}]) {
      assert.equal(check(empty, 'is_empty', undefined), true, JSON.stringify(empty));
    }
    for (const full of [0, false, 'x', [0], { a: undefined }]) {
      assert.equal(check(full, 'is_empty', undefined), false, JSON.stringify(full));
    }
  });

  it('greater_than / less_than: text compares as text (ISO dates order), other mixes are false', () => {
    assert.equal(check('2024-05-01', 'greater_than', '2024-04-30'), true);
    assert.equal(check('b', 'less_than', 'a'), false);
    assert.equal(check('abc', 'greater_than', 5), false);
    assert.equal(check(undefined, 'less_than', 5), false);
    assert.equal(check(5, 'greater_than', 5), false);
  });

  it('regex: plain or /pattern/flags; invalid patterns are an error', () => {
    assert.equal(check('ORDER-12', 'regex', '^order-\\d+$'), false);
    assert.equal(check('ORDER-12', 'regex', '/^order-\\d+$/i'), true);
    assert.equal(check(12345, 'regex', '^\\d{5}$'), true);
    assert.deepEqual(evaluateRule('x', 'regex', '(')?.ok, false);
    const global = evaluateRule('x', 'regex', '/x/g');
    assert.equal(global.ok, false);
  });
});
