import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jumpConfigSchema, jumpDefinition } from '../../../../../runtime/nodes/jump/definition';
import { jumpExecutor } from '../../../../../runtime/nodes/jump/execute';
import { validateGraph } from '../../../../../runtime/engine/validate-graph';
import { graph as flowGraph } from '../../../../helpers/engine';
import { testContext } from '../../../../helpers/exec-context';

const graph = {
  nodes: [
    { id: 'a', type: 'start', data: { config: {} } },
    { id: 'j', type: 'jump', data: { config: {} } },
  ],
  edges: [],
  variables: [],
};

describe('jump', () => {
  it('goes to a node of this flow, or starts another flow', async () => {
    const { ctx } = await testContext();
    assert.deepEqual(await jumpExecutor.execute(ctx, jumpConfigSchema.parse({ nodeId: 'a' })), {
      kind: 'goto',
      nodeId: 'a',
    });
    assert.deepEqual(
      await jumpExecutor.execute(ctx, jumpConfigSchema.parse({ to: 'flow', flowId: 'f_x' })),
      { kind: 'start-flow', flowId: 'f_x' },
    );
  });

  it('publish: the target must exist and not be the jump itself', () => {
    const validate = jumpDefinition.validate;
    assert.ok(validate);
    const check = (config: unknown) =>
      validate(jumpConfigSchema.parse(config), { graph, nodeId: 'j' }).map((p) => p.message);
    assert.deepEqual(check({ nodeId: 'a' }), []);
    assert.deepEqual(check({ nodeId: 'zz' }), ['There is no node "zz" in this flow']);
    assert.deepEqual(check({ nodeId: 'j' }), ['A jump to itself would loop forever']);
    assert.deepEqual(check({}), ['Choose the node to jump to']);
    assert.deepEqual(check({ to: 'flow' }), ['Choose a flow']);
  });

  it('a node reached only through a Jump counts as reachable on publish', () => {
    const problems = validateGraph(
      flowGraph(
        [
          ['s', 'start'],
          ['j', 'jump', { nodeId: 'e' }],
          ['e', 'end'],
        ],
        [['s', 'next', 'j']],
      ),
    );
    assert.deepEqual(
      problems.filter((problem) => problem.severity === 'error'),
      [],
    );
  });
});
