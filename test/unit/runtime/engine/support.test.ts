import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jumpRunId } from '../../../../runtime/engine/durability';
import { manualTriggerNode } from '../../../../runtime/engine/engine-support';
import { indexGraph } from '../../../../runtime/engine/graph-index';
import { loopMessage } from '../../../../runtime/engine/loop-message';
import { runFromRecords, type RunRecord } from '../../../../runtime/engine/run-record';
import { WaitTimers } from '../../../../runtime/engine/timers';
import { graph } from '../../../helpers/engine';

describe('engine support', () => {
  it('names the loop that hit the step limit, by the names it is given', () => {
    assert.equal(
      loopMessage(50, ['s', 'a', 'b', 'c', 'a', 'b', 'c', 'a']),
      'Stopped after 50 steps: the flow loops without waiting (a → b → c → a …)',
    );
    assert.equal(
      loopMessage(50, ['s', 'a', 'b', 'a'], (id) => `Node ${id.toUpperCase()}`),
      'Stopped after 50 steps: the flow loops without waiting (Node A → Node B → Node A …)',
    );
    assert.equal(loopMessage(10, []), 'Stopped after 10 steps: the flow loops without waiting');
  });

  it('a manual run starts at the manual Start node, else at the only trigger', () => {
    assert.equal(
      manualTriggerNode(
        graph([
          ['w', 'start', { triggerType: 'webhook' }],
          ['m', 'start', { triggerType: 'manual' }],
        ]),
      ),
      'm',
    );
    assert.equal(manualTriggerNode(graph([['w', 'start', { triggerType: 'webhook' }]])), 'w');
    assert.equal(
      manualTriggerNode(
        graph([
          ['w1', 'start', { triggerType: 'webhook' }],
          ['w2', 'start', { triggerType: 'webhook' }],
        ]),
      ),
      undefined,
    );
    assert.equal(manualTriggerNode(graph([['e', 'end']])), undefined);
  });

  it('a replayed jump gets the same run id; another step another', () => {
    assert.equal(jumpRunId('r_parent', 4), jumpRunId('r_parent', 4));
    assert.notEqual(jumpRunId('r_parent', 4), jumpRunId('r_parent', 5));
    assert.match(jumpRunId('r_parent', 4), /^r_[A-Za-z0-9_-]{22}$/);
  });

  it('indexes a graph once per snapshot, with outputs of the parsed config', () => {
    const flow = graph(
      [
        ['s', 'start'],
        ['b', 'buttons', { buttons: [{ id: 'x', label: 'X' }] }],
        ['bad', 'delay', { unit: 'weeks' }],
      ],
      [['s', 'next', 'b']],
    );
    const index = indexGraph(flow);
    assert.equal(indexGraph(flow), index);
    assert.equal(index.target('s', 'next'), 'b');
    assert.equal(index.target('b', 'x'), undefined);
    const buttons = index.config(index.node('b') ?? flow.nodes[0]!);
    assert.ok(buttons.ok);
    assert.deepEqual([...buttons.handles], ['x']);
    const bad = index.config(index.node('bad') ?? flow.nodes[0]!);
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.message, /^Unit: /);
    assert.notEqual(indexGraph(structuredClone(flow)), index, 'a new object is a new snapshot');
    assert.equal(indexGraph(structuredClone(flow)).ref, index.ref, 'with the same content hash');
  });

  it('names nodes for people and knows which outputs are a branch taken', () => {
    const flow = graph([
      ['s', 'start'],
      ['v1', 'set-variable', { variable: 'a' }],
      ['v2', 'set-variable', { variable: 'b' }],
      ['c', 'condition', { rules: [{ left: 'a', operator: 'exists' }] }],
      ['q', 'collect-input', { prompt: 'Email?', variable: 'email' }],
    ]);
    const index = indexGraph(flow);
    assert.deepEqual(
      ['s', 'v1', 'v2', 'c'].map((id) => index.name(id)),
      ['Start', 'Set variable 1', 'Set variable 2', 'Condition'],
    );
    const branches = (id: string) => {
      const parsed = index.config(index.node(id) ?? flow.nodes[0]!);
      return parsed.ok && parsed.branches ? [...parsed.branches] : undefined;
    };
    assert.equal(branches('v1'), undefined, 'one way on is no branch');
    assert.deepEqual(branches('c'), [
      ['true', 'True'],
      ['else', 'Else'],
    ]);
    // "Answered" is Collect input's way on; running out of retries is the branch.
    assert.deepEqual(branches('q'), [['failure', 'Too many retries']]);
  });

  it('rebuilds a run from its records, starting at the last full record', () => {
    const step = (nodeId: string) => ({ nodeId, nodeType: 'start', startedAt: 't', endedAt: 't' });
    const base: RunRecord = {
      id: 'r_1',
      at: '2030-01-01T00:00:00.000Z',
      seq: 0,
      flowId: 'f',
      flowVersion: 1,
      trigger: { type: 'manual', nodeId: 's' },
      mode: 'headless',
      status: 'running',
      variables: {},
      startedAt: '2030-01-01T00:00:00.000Z',
      steps: [],
      full: true,
      stepCount: 0,
      graphRef: 'g',
      baseSeq: 0,
      stepsSinceWait: 0,
      jumpChain: [],
    };
    const records: RunRecord[] = [
      base,
      { ...base, seq: 1, full: undefined, steps: [step('a')], stepCount: 1, status: 'waiting' },
      {
        ...base,
        seq: 2,
        full: true,
        steps: [step('a'), step('b')],
        stepCount: 2,
        status: 'waiting',
      },
      { ...base, seq: 3, full: undefined, steps: [step('c')], stepCount: 3, status: 'completed' },
    ];
    assert.deepEqual(
      runFromRecords(records)?.steps.map((item) => item.nodeId),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      runFromRecords(records.slice(2))?.steps.map((item) => item.nodeId),
      ['a', 'b', 'c'],
      'records before the full one may be gone (retention)',
    );
    assert.equal(runFromRecords(records)?.status, 'completed');
    assert.equal(runFromRecords([]), undefined);
  });

  it('timers fire on a later tick, even when overdue, and can be cleared or replaced', async () => {
    const timers = new WaitTimers();
    const fired: string[] = [];
    let lastFired: () => void = () => undefined;
    const last = new Promise<void>((resolve) => (lastFired = resolve));
    timers.set('a', new Date(0), () => fired.push('a'));
    timers.set('b', new Date(0), () => fired.push('b'));
    timers.clear('b');
    timers.set('c', new Date(0), () => fired.push('c-old'));
    timers.set('c', new Date(0), () => {
      fired.push('c');
      lastFired();
    });
    assert.equal(fired.length, 0, 'never inside the caller');
    // Set last, so it fires last: any timer set before it that was not cleared has fired.
    await last;
    assert.deepEqual(fired.sort(), ['a', 'c']);
    assert.equal(timers.size, 0);
    timers.set('later', new Date(Date.now() + 60_000), () => fired.push('later'));
    timers.clearAll();
    assert.equal(timers.size, 0);
  });
});
