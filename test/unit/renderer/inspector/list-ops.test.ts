import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  moveItem,
  removeItem,
  replaceItem,
  resizeKeys,
} from '../../../../renderer/inspector/list-ops';
import { parseNumber, rangeProblem, shownNumber } from '../../../../renderer/inspector/number-text';

describe('list operations', () => {
  it('moves an item up and down, clamped to the list', () => {
    assert.deepEqual(moveItem(['a', 'b', 'c'], 2, 1), ['a', 'c', 'b']);
    assert.deepEqual(moveItem(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
    assert.deepEqual(moveItem(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
    assert.deepEqual(moveItem(['a', 'b', 'c'], 2, 3), ['a', 'b', 'c']);
  });

  it('removes and replaces by index without mutating', () => {
    const list = ['a', 'b', 'c'];
    assert.deepEqual(removeItem(list, 1), ['a', 'c']);
    assert.deepEqual(replaceItem(list, 1, 'B'), ['a', 'B', 'c']);
    assert.deepEqual(list, ['a', 'b', 'c']);
  });

  it('keeps row keys in step with a list changed from outside', () => {
    let n = 0;
    const make = () => `k${(n += 1)}`;
    assert.deepEqual(resizeKeys(['x', 'y'], 4, make), ['x', 'y', 'k1', 'k2']);
    assert.deepEqual(resizeKeys(['x', 'y', 'z'], 1, make), ['x']);
  });
});

describe('number input text', () => {
  it('parses what was typed, undefined while empty or not a number', () => {
    assert.equal(parseNumber(' 42 '), 42);
    assert.equal(parseNumber('1.'), 1);
    assert.equal(parseNumber(''), undefined);
    assert.equal(parseNumber('-'), undefined);
    assert.equal(parseNumber('abc'), undefined);
  });

  it('keeps the typed text while it means the value, else shows the value', () => {
    assert.equal(shownNumber('1.', 1), '1.');
    assert.equal(shownNumber('1.', 5), '5', 'changed elsewhere (undo)');
    assert.equal(shownNumber('', undefined), '');
    assert.equal(shownNumber('7', undefined), '');
  });

  it('reports a value outside min/max', () => {
    assert.equal(rangeProblem(5, 1, 300), undefined);
    assert.equal(rangeProblem(0, 1, 300), 'Use a value from 1 to 300');
    assert.equal(rangeProblem(0, 1, undefined), 'Use at least 1');
    assert.equal(rangeProblem(9, undefined, 3), 'Use at most 3');
    assert.equal(rangeProblem(undefined, 1, 3), undefined);
  });
});
