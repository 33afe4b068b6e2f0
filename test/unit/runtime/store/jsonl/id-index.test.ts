import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdIndex } from '../../../../../runtime/store/jsonl/id-index';

const at = (segment: number, offset: number, length = 10) => ({ segment, offset, length });

describe('IdIndex', () => {
  it('keeps the latest value and every position, oldest first', () => {
    const index = new IdIndex<string>();
    index.add('a', 'a0', at(1, 0));
    index.add('b', 'b0', at(1, 11));
    index.add('a', 'a1', at(1, 22));
    index.add('a', 'a2', at(2, 0, 7));
    assert.equal(index.latest('a'), 'a2');
    assert.equal(index.latest('b'), 'b0');
    assert.equal(index.latest('nope'), undefined);
    assert.deepEqual(index.locations('a'), [at(1, 0), at(1, 22), at(2, 0, 7)]);
    assert.deepEqual(index.newest('a'), at(2, 0, 7));
    assert.deepEqual(index.locations('b'), [at(1, 11)]);
    assert.deepEqual(index.locations('nope'), []);
    assert.equal(index.newest('nope'), undefined);
    assert.deepEqual([...index.values()], ['a2', 'b0']);
    assert.equal(index.size, 2);
  });

  it('drops whole ids whose newest event is gone, and older positions of the rest', () => {
    const index = new IdIndex<string>();
    index.add('old', 'o', at(1, 0));
    index.add('spans', 's0', at(1, 11));
    index.add('spans', 's1', at(2, 0));
    index.add('spans', 's2', at(3, 0));
    index.add('new', 'n', at(3, 11));
    index.dropThrough(1);
    assert.equal(index.latest('old'), undefined);
    assert.deepEqual(index.locations('spans'), [at(2, 0), at(3, 0)]);
    index.dropThrough(2);
    assert.deepEqual(index.locations('spans'), [at(3, 0)]);
    // Adding after a trim keeps the order.
    index.add('spans', 's3', at(4, 0));
    assert.deepEqual(index.locations('spans'), [at(3, 0), at(4, 0)]);
    index.dropThrough(3);
    assert.deepEqual(index.locations('spans'), [at(4, 0)]);
    assert.equal(index.latest('new'), undefined);
    assert.deepEqual([...index.values()], ['s3']);
  });
});
