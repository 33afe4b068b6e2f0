import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_JUMPS } from '../../../../runtime/engine/engine-support';
import { graph, openTestEngine } from '../../../helpers/engine';
import { draftFlow, publishedFlow } from '../../../helpers/webhook-flows';

const manual = { version: 1 as const, triggerNodeId: 's', trigger: { type: 'manual' as const } };

describe('engine: jumps', () => {
  it('jumps to a node of the same flow', async () => {
    const { engine } = await openTestEngine();
    const flow = graph(
      [
        ['s', 'start'],
        ['j', 'jump', { nodeId: 'e' }],
        ['skipped', 'set-variable', { variable: 'x', value: '1' }],
        ['e', 'end'],
      ],
      [
        ['s', 'next', 'j'],
        ['skipped', 'next', 'e'],
      ],
    );
    const run = await engine.waitForRun(
      (await engine.startRun({ flowId: 'f', graph: flow, ...manual })).id,
      10_000,
    );
    assert.equal(run?.status, 'completed');
    assert.deepEqual(
      run?.steps.map((step) => [step.nodeId, step.outputHandle]),
      [
        ['s', 'next'],
        ['j', 'jump:e'],
        ['e', undefined],
      ],
    );
  });

  it("hands over to another flow's published version with the variables; waitForRun follows", async () => {
    const t = await openTestEngine();
    await t.flows.create(
      publishedFlow(
        'f_b',
        graph(
          [
            ['s', 'start'],
            ['v', 'set-variable', { variable: 'greeting', value: 'hello {{name}}' }],
            ['e', 'end', { result: ['greeting'] }],
          ],
          [
            ['s', 'next', 'v'],
            ['v', 'next', 'e'],
          ],
        ),
      ),
    );
    const a = graph(
      [
        ['s', 'start'],
        ['v', 'set-variable', { variable: 'name', value: 'Ana' }],
        ['j', 'jump', { to: 'flow', flowId: 'f_b' }],
      ],
      [
        ['s', 'next', 'v'],
        ['v', 'next', 'j'],
      ],
    );
    const started = await t.engine.startRun({ flowId: 'f_a', graph: a, ...manual });
    const final = await t.engine.waitForRun(started.id, 10_000);
    assert.equal(final?.flowId, 'f_b');
    assert.deepEqual(final?.output, { greeting: 'hello Ana' });
    assert.equal(final?.trigger.type, 'jump');
    assert.equal(final?.trigger.parentRunId, started.id);
    const parent = await t.engine.getRun(started.id);
    assert.equal(parent?.status, 'completed');
    assert.deepEqual(parent?.jumpedTo, { flowId: 'f_b', runId: final?.id });
  });

  it('flows that jump to each other without waiting stop after the jump limit', async () => {
    const t = await openTestEngine();
    const pingPong = (other: string) =>
      graph(
        [
          ['s', 'start'],
          ['j', 'jump', { to: 'flow', flowId: other }],
        ],
        [['s', 'next', 'j']],
      );
    await t.flows.create(publishedFlow('f_ping', pingPong('f_pong')));
    await t.flows.create(publishedFlow('f_pong', pingPong('f_ping')));
    const started = await t.engine.startRun({
      flowId: 'f_ping',
      graph: pingPong('f_pong'),
      ...manual,
    });
    // waitForRun follows the chain of hand-overs to the run that stopped it.
    const last = await t.engine.waitForRun(started.id, 10_000);
    assert.equal(last?.status, 'failed');
    assert.match(
      last?.error ?? '',
      new RegExp(
        `^Stopped after ${MAX_JUMPS} jumps between flows without waiting \\(flow f_ping → f_pong → f_ping`,
      ),
    );
    assert.equal(
      (await t.engine.getRun(started.id))?.status,
      'completed',
      'the first one handed over',
    );
  });

  it('a jump to a missing or unpublished flow fails the run', async () => {
    const t = await openTestEngine();
    const draftOnly = await t.flows.create(draftFlow('f_draft', graph([['s', 'start']])));
    for (const [flowId, error] of [
      ['f_none', 'Jump: there is no flow "f_none"'],
      [draftOnly.id, `Jump: flow "${draftOnly.name}" is not published`],
    ]) {
      const flow = graph(
        [
          ['s', 'start'],
          ['j', 'jump', { to: 'flow', flowId }],
        ],
        [['s', 'next', 'j']],
      );
      const run = await t.engine.waitForRun(
        (await t.engine.startRun({ flowId: 'f', graph: flow, ...manual })).id,
        10_000,
      );
      assert.equal(run?.status, 'failed');
      assert.equal(run?.error, error);
    }
  });
});
