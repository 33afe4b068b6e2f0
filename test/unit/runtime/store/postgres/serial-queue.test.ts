import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoOf, SerialQueue } from '../../../../../runtime/store/postgres/serial-queue';

describe('SerialQueue', () => {
  it('runs work one at a time in order; a failure is its caller’s and the queue goes on', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run(async () => {
      order.push('first started');
      await gate;
      order.push('first done');
      return 1;
    });
    const failing = queue.run(async () => {
      order.push('second started');
      throw new Error('refused');
    });
    const third = queue.run(async () => {
      order.push('third started');
      return 3;
    });
    const settled = queue.settled().then(() => order.push('settled'));
    await Promise.resolve();
    assert.deepEqual(order, ['first started'], 'nothing else starts while the first runs');
    release();
    assert.equal(await first, 1);
    await assert.rejects(failing, /refused/);
    assert.equal(await third, 3);
    await settled;
    assert.deepEqual(order, [
      'first started',
      'first done',
      'second started',
      'third started',
      'settled',
    ]);
  });

  it('settles after work queued while it waited', async () => {
    const queue = new SerialQueue();
    let late = false;
    void queue.run(async () => {
      void queue.run(async () => {
        late = true;
      });
    });
    await queue.settled();
    assert.equal(late, true);
  });

  it('reads timestamps as the ISO strings the JSON stores keep', () => {
    const at = '2026-12-07T20:00:00.123Z';
    assert.equal(isoOf(new Date(at)), at);
    assert.equal(isoOf(at), at);
  });
});
