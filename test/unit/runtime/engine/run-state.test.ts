import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActiveRun } from '../../../../runtime/engine/active-run';
import { indexGraph } from '../../../../runtime/engine/graph-index';
import { emptyRunInput } from '../../../../runtime/engine/run-record';
import { RunState } from '../../../../runtime/engine/run-state';
import type { WaitSpec } from '../../../../runtime/shared/run';
import { graph } from '../../../helpers/engine';

function activeRun(id: string, waiting?: WaitSpec): ActiveRun {
  return new ActiveRun({
    run: {
      id,
      flowId: 'f',
      flowVersion: 1,
      trigger: { type: 'manual', nodeId: 's' },
      mode: 'headless',
      status: waiting ? 'waiting' : 'running',
      variables: {},
      startedAt: new Date(0).toISOString(),
      steps: [],
      ...(waiting ? { waiting } : {}),
    },
    graph: indexGraph(graph([['s', 'start']])),
    input: emptyRunInput(),
    stepsSinceWait: 0,
    jumpChain: [],
    seq: 0,
    baseSeq: 0,
    savedSteps: 0,
  });
}

const webhookWait: WaitSpec = {
  kind: 'webhook',
  key: 'k',
  nodeId: 's',
  since: new Date(0).toISOString(),
};

describe('RunState', () => {
  it('holds a run until that very run is removed', () => {
    const runs = new RunState();
    const first = activeRun('r_a');
    runs.add(first);
    assert.equal(runs.get('r_a'), first);
    assert.ok(runs.has('r_a') && runs.holds(first));
    // A second run under the same id replaces the first; removing the first leaves it.
    const second = activeRun('r_a');
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
    const older = activeRun('r_old', webhookWait);
    const newer = activeRun('r_new', webhookWait);
    for (const run of [older, newer]) {
      runs.add(run);
      runs.arm(run, () => {});
    }
    assert.deepEqual(runs.waitingFor('webhook', 'k'), [newer, older]);
    runs.remove(newer);
    assert.deepEqual(runs.waitingFor('webhook', 'k'), [older]);
    runs.disarm(older);
    assert.deepEqual(runs.waitingFor('webhook', 'k'), []);
  });

  it('stops once, and arms no wait after that', () => {
    const runs = new RunState();
    assert.equal(runs.stopping, false);
    assert.equal(runs.stop(), true);
    assert.equal(runs.stop(), false);
    assert.equal(runs.stopping, true);
    const run = activeRun('r_late', webhookWait);
    runs.add(run);
    runs.arm(run, () => {});
    assert.deepEqual(runs.waitingFor('webhook', 'k'), []);
  });
});
