// Each step records what its node produced beside what it received: the variables it set
// and an End node's result, each value bounded; what it left alone is not repeated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  boundedValue,
  MAX_STEP_OUTPUT_VARIABLES,
  MAX_STEP_VALUE_CHARS,
  stepOutput,
  UNSHOWABLE,
} from '../../../../runtime/engine/step-output';
import { graph, openTestEngine } from '../../../helpers/engine';

describe('step output', () => {
  it('is recorded with each step: the variables it set, the End result', async () => {
    const t = await openTestEngine();
    const flow = graph(
      [
        ['s', 'start'],
        ['v', 'set-variable', { variable: 'total', source: 'path', path: 'body.total' }],
        ['w', 'set-variable', { variable: 'note', value: 'big order' }],
        ['e', 'end', { result: ['total'] }],
      ],
      [
        ['s', 'next', 'v'],
        ['v', 'next', 'w'],
        ['w', 'next', 'e'],
      ],
    );
    const started = await t.engine.startRun({
      flowId: 'f_test',
      graph: flow,
      version: 1,
      triggerNodeId: 's',
      trigger: { type: 'manual' },
      input: { body: { total: 150 } },
    });
    const run = await t.engine.waitForRun(started.id, 10_000);
    assert.equal(run?.status, 'completed');
    assert.deepEqual(
      run.steps.map((step) => [step.nodeId, step.output]),
      [
        ['s', undefined],
        ['v', { variables: { total: 150 } }],
        ['w', { variables: { note: 'big order' } }],
        ['e', { result: { total: 150 } }],
      ],
    );
    const reopened = await t.reopen();
    const stored = await reopened.engine.getRun(started.id);
    assert.deepEqual(stored?.steps[1]?.output, { variables: { total: 150 } }, 'it is on disk');
  });

  it('keeps each value bounded, and copes with values JSON cannot hold', () => {
    const long = 'x'.repeat(MAX_STEP_VALUE_CHARS + 10);
    const shown = boundedValue(long);
    assert.equal(typeof shown, 'string');
    assert.equal((shown as string).length, MAX_STEP_VALUE_CHARS);
    const big = boundedValue({ text: long });
    assert.equal(typeof big, 'string', 'a large object becomes the start of its JSON');
    assert.ok((big as string).startsWith('{"text":"xxx'));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(boundedValue(cyclic), UNSHOWABLE);
    assert.equal(boundedValue(10n), UNSHOWABLE);
    const small = { a: [1, 2] };
    const copy = boundedValue(small);
    assert.deepEqual(copy, small);
    assert.notEqual(copy, small, 'a copy: later changes do not rewrite the step');
  });

  it('lists only what changed, at most MAX_STEP_OUTPUT_VARIABLES', () => {
    const same = new Map([['a', { had: true, value: 1 }]]);
    assert.equal(stepOutput(same, { a: 1 }), undefined, 'set to what it held, no output');
    assert.equal(stepOutput(undefined, { a: 1 }), undefined, 'nothing set, no output');
    const fresh = new Map([['a', { had: false, value: undefined }]]);
    assert.deepEqual(
      stepOutput(fresh, { a: undefined })?.variables,
      { a: null },
      'new, even if undefined',
    );
    const after: Record<string, unknown> = {};
    const set = new Map<string, { had: boolean; value: unknown }>();
    for (let i = 0; i < MAX_STEP_OUTPUT_VARIABLES + 5; i += 1) {
      after[`v${i}`] = i;
      set.set(`v${i}`, { had: false, value: undefined });
    }
    const output = stepOutput(set, after);
    assert.equal(Object.keys(output?.variables ?? {}).length, MAX_STEP_OUTPUT_VARIABLES);
    const proto = stepOutput(
      new Map([['__proto__', { had: false, value: undefined }]]),
      JSON.parse('{"__proto__": 1}') as Record<string, unknown>,
    );
    assert.ok(Object.hasOwn(proto?.variables ?? {}, '__proto__'), 'a variable named __proto__');
  });
});
