import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunState } from '../../../../runtime/engine/run-state';
import { bareRun, WEBHOOK_WAIT } from '../../../helpers/active-run';

describe('RunState', () => {
  it('holds a run until that very run is removed', () => {
    const runs = new RunState();
    const first = bareRun('r_a');
    runs.add(first);
    assert.equal(runs.get('r_a'), first);
    assert.ok(runs.has('r_a') && runs.holds(first));
    // A second run under the same id replaces the first; removing the first leaves it.
    const second = bareRun('r_a');
    runs.add(second);
    assert.equal(runs.holds(first), false);
    runs.remove(first);
    assert.equal(runs.get('r_a'), second);
    runs.remove(second);
    assert.equal(runs.has('r_a'), false);
    assert.deepEqual([...runs.values()], []);
  });

  it('indexes waits, and removing a run takes it out of the index', () => {
    const runs = new RunState();
    const older = bareRun('r_old', { waiting: WEBHOOK_WAIT });
    const newer = bareRun('r_new', { waiting: WEBHOOK_WAIT });
    for (const run of [older, newer]) {
      runs.add(run);
      runs.arm(run, () => {});
    }
    assert.deepEqual(runs.waitingFor({ kind: 'webhook', key: WEBHOOK_WAIT.key }), [newer, older]);
    runs.remove(newer);
    assert.deepEqual(runs.waitingFor({ kind: 'webhook', key: WEBHOOK_WAIT.key }), [older]);
    runs.disarm(older);
    assert.deepEqual(runs.waitingFor({ kind: 'webhook', key: WEBHOOK_WAIT.key }), []);
  });

  it('keeps the input waits of two channels apart, even under the same chat key', () => {
    const runs = new RunState();
    const inChannel = (channel: string, id: string) =>
      bareRun(id, {
        waiting: { kind: 'input', key: 'chat_1', nodeId: 's', since: new Date(0).toISOString() },
        chat: {
          ref: { channel, key: 'chat_1' },
          sendText: async () => undefined,
          sendButtons: async () => undefined,
        },
      });
    const telegram = inChannel('telegram', 'r_tg');
    const widget = inChannel('widget', 'r_web');
    for (const run of [telegram, widget]) {
      runs.add(run);
      runs.arm(run, () => {});
    }
    const target = (channel: string) =>
      ({ kind: 'input', chat: { channel, key: 'chat_1' } }) as const;
    assert.deepEqual(runs.waitingFor(target('telegram')), [telegram]);
    assert.deepEqual(runs.waitingFor(target('widget')), [widget]);
    assert.deepEqual(runs.waitingFor(target('test-chat')), []);
    assert.deepEqual(runs.waitingFor({ kind: 'webhook', key: 'chat_1' }), []);
  });

  it('stops once, and arms no wait after that', () => {
    const runs = new RunState();
    assert.equal(runs.stopping, false);
    assert.equal(runs.stop(), true);
    assert.equal(runs.stop(), false);
    assert.equal(runs.stopping, true);
    const run = bareRun('r_late', { waiting: WEBHOOK_WAIT });
    runs.add(run);
    runs.arm(run, () => {});
    assert.deepEqual(runs.waitingFor({ kind: 'webhook', key: WEBHOOK_WAIT.key }), []);
  });
});
