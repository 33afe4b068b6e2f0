import assert from 'node:assert/strict';
import { it } from 'node:test';
import { KeyedPubSub } from '../../../../runtime/server/keyed-pub-sub';

type Event = { type: 'value'; value: number } | { type: 'closed' };

it('publishes to the subscribers of one key and tracks which keys are subscribed', () => {
  const topics = new KeyedPubSub<Event>({ type: 'closed' });
  const a: Event[] = [];
  const b: Event[] = [];
  const stopA = topics.subscribe('a', (event) => a.push(event));
  topics.subscribe('b', (event) => b.push(event));
  topics.subscribe('a', () => {
    throw new Error('one broken stream');
  });
  topics.publish('a', { type: 'value', value: 1 });
  assert.deepEqual(a, [{ type: 'value', value: 1 }]);
  assert.deepEqual(b, []);
  assert.deepEqual([...topics.keys].sort(), ['a', 'b']);
  stopA();
  assert.equal(topics.has('a'), true, 'the throwing subscriber is still on "a"');
  assert.equal(topics.has('c'), false);
});

it('close() ends every subscriber, and later subscribers hear it at once', async () => {
  const topics = new KeyedPubSub<Event>({ type: 'closed' });
  const seen: Event[] = [];
  topics.subscribe('a', (event) => seen.push(event));
  topics.close();
  assert.deepEqual(seen, [{ type: 'closed' }]);
  assert.equal(topics.closed, true);
  assert.equal(topics.keys.size, 0);
  const late = new Promise<Event>((resolve) => topics.subscribe('a', resolve));
  assert.deepEqual(await late, { type: 'closed' });
});
