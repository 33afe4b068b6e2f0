import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  setVariableConfigSchema,
  setVariableDefinition,
} from '../../../../../runtime/nodes/set-variable/definition';
import { setVariableExecutor } from '../../../../../runtime/nodes/set-variable/execute';
import { testContext } from '../../../../helpers/exec-context';

async function set(config: unknown, variables: Record<string, unknown> = {}, body?: unknown) {
  const context = await testContext({ variables, input: { body } });
  const outcome = await setVariableExecutor.execute(
    context.ctx,
    setVariableConfigSchema.parse(config),
  );
  return { outcome, variables: context.variables };
}

describe('set-variable', () => {
  it('a single expression keeps its type; other templates give text', async () => {
    const body = { order: { total: 150.5, items: [{ sku: 'A' }] } };
    const typed = await set({ variable: 'total', value: '{{body.order.total}}' }, {}, body);
    assert.deepEqual(typed.outcome, { kind: 'next', handle: 'next' });
    assert.equal(typed.variables.total, 150.5);
    const object = await set({ variable: 'items', value: '{{ body.order.items }}' }, {}, body);
    assert.deepEqual(object.variables.items, [{ sku: 'A' }]);
    const text = await set({ variable: 'label', value: 'Total: {{body.order.total}}' }, {}, body);
    assert.equal(text.variables.label, 'Total: 150.5');
    const literal = await set({ variable: 'n', value: '42' });
    assert.equal(literal.variables.n, '42', 'a literal is text');
  });

  it('reads a path from the run scope; the trigger wins over a same-named variable', async () => {
    const body = { customer: { email: 'a@b.co' } };
    const { variables } = await set(
      { variable: 'email', source: 'path', path: 'body.customer.email' },
      { body: 'shadowed' },
      body,
    );
    assert.equal(variables.email, 'a@b.co');
    const viaVars = await set(
      { variable: 'copy', source: 'path', path: 'vars.body' },
      { body: 'mine' },
    );
    assert.equal(viaVars.variables.copy, 'mine');
  });

  it('a variable named __proto__ is an ordinary variable', async () => {
    const { variables } = await set({ variable: '__proto__', value: 'x' });
    assert.equal(Object.getPrototypeOf(variables), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(variables, '__proto__')?.value, 'x');
  });

  it('publish: needs a variable and a path that parses', () => {
    const validate = setVariableDefinition.validate;
    assert.ok(validate);
    const problems = validate(setVariableConfigSchema.parse({ source: 'path', path: 'a..b' }), {
      graph: { nodes: [], edges: [], variables: [] },
      nodeId: 'n',
    });
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['variable', 'path'],
    );
  });
});
