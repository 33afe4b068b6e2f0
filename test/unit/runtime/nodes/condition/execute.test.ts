import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  conditionConfigSchema,
  conditionDefinition,
} from '../../../../../runtime/nodes/condition/definition';
import { conditionExecutor } from '../../../../../runtime/nodes/condition/execute';
import { testContext } from '../../../../helpers/exec-context';

const graph = { nodes: [], edges: [], variables: [] };

async function branch(config: unknown, variables: Record<string, unknown> = {}, body?: unknown) {
  const { ctx } = await testContext({ variables, input: { body } });
  return conditionExecutor.execute(ctx, conditionConfigSchema.parse(config));
}

describe('condition executor', () => {
  it('reads the left side as a path or a template, the right side as a template', async () => {
    const body = { event: 'purchase.approved', total: '150' };
    assert.deepEqual(
      await branch(
        { rules: [{ left: 'body.event', operator: 'equals', right: 'purchase.approved' }] },
        {},
        body,
      ),
      { kind: 'next', handle: 'true' },
    );
    assert.deepEqual(
      await branch(
        { rules: [{ left: '{{body.total}}', operator: 'greater_than', right: '{{limit}}' }] },
        { limit: 99 },
        body,
      ),
      { kind: 'next', handle: 'true' },
    );
    assert.deepEqual(
      await branch(
        { rules: [{ left: 'plan', operator: 'equals', right: 'pro' }] },
        { plan: 'free' },
      ),
      { kind: 'next', handle: 'else' },
    );
  });

  it('all needs every rule, any needs one', async () => {
    const rules = [
      { left: 'a', operator: 'equals', right: '1' },
      { left: 'b', operator: 'equals', right: '2' },
    ];
    const variables = { a: 1, b: 3 };
    assert.deepEqual(await branch({ match: 'all', rules }, variables), {
      kind: 'next',
      handle: 'else',
    });
    assert.deepEqual(await branch({ match: 'any', rules }, variables), {
      kind: 'next',
      handle: 'true',
    });
  });

  it('a pattern that reads a variable is checked when the run gets there', async () => {
    const outcome = await branch(
      { rules: [{ left: 'x', operator: 'regex', right: '{{pattern}}' }] },
      { x: 'a', pattern: '(' },
    );
    assert.equal(outcome.kind, 'fail');
    assert.match(
      outcome.kind === 'fail' ? outcome.error : '',
      /^Rule 1: Invalid regular expression/,
    );
  });

  it('publish: a fixed invalid pattern is a problem, a templated one is not', () => {
    const validate = conditionDefinition.validate;
    assert.ok(validate);
    const config = conditionConfigSchema.parse({
      rules: [
        { left: 'a', operator: 'regex', right: '([a-z' },
        { left: 'b', operator: 'regex', right: '{{pattern}}' },
        { left: 'c', operator: 'regex', right: '/ok/x' },
      ],
    });
    const problems = validate(config, { graph, nodeId: 'n' });
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['rules[0].right', 'rules[2].right'],
    );
    assert.deepEqual(validate(conditionConfigSchema.parse({}), { graph, nodeId: 'n' }), [
      { field: 'rules', message: 'Add at least one rule' },
    ]);
  });
});
