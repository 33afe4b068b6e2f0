import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuntimeEvents, type RuntimeEventName } from '../../../../runtime/api/runtime-events';

describe('RuntimeEvents', () => {
  it('delivers typed events until unsubscribed', () => {
    const events = new RuntimeEvents();
    const seen: string[] = [];
    const off = events.on('flow-published', (flowId) => void seen.push(flowId));
    events.emit('flow-published', 'f_1');
    events.emit('flow-deleted', 'f_2');
    off();
    events.emit('flow-published', 'f_3');
    assert.deepEqual(seen, ['f_1']);
  });

  it('reports a failing listener instead of throwing at the emitter', async () => {
    const failures: [RuntimeEventName, unknown][] = [];
    const events = new RuntimeEvents((event, error) => failures.push([event, error]));
    const seen: string[] = [];
    events.on('flow-unpublished', () => {
      throw new Error('sync boom');
    });
    events.on('flow-unpublished', async () => {
      throw new Error('async boom');
    });
    events.on('flow-unpublished', (flowId) => void seen.push(flowId));
    assert.doesNotThrow(() => events.emit('flow-unpublished', 'f_1'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(seen, ['f_1'], 'later listeners still run');
    assert.deepEqual(
      failures.map(([event, error]) => [event, error instanceof Error ? error.message : error]),
      [
        ['flow-unpublished', 'sync boom'],
        ['flow-unpublished', 'async boom'],
      ],
    );
  });
});
