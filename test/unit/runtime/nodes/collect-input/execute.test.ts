import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  collectInputConfigSchema,
  collectInputDefinition,
} from '../../../../../runtime/nodes/collect-input/definition';
import { collectInputExecutor } from '../../../../../runtime/nodes/collect-input/execute';
import { testContext, waited } from '../../../../helpers/exec-context';

const resume = collectInputExecutor.resume;
if (!resume) throw new Error('collect-input must resume');

const config = collectInputConfigSchema.parse({
  prompt: 'Your email, {{name}}?',
  variable: 'email',
  validation: 'email',
  retryMessage: 'Hmm, {{name}}, that is not an email',
  maxRetries: 1,
});

describe('collect-input', () => {
  it('asks the question and waits for a reply with no retries so far', async () => {
    const { ctx, messages } = await testContext({ chat: true, variables: { name: 'Ana' } });
    assert.deepEqual(await collectInputExecutor.execute(ctx, config), {
      kind: 'wait',
      wait: { kind: 'input', state: { retries: 0 } },
    });
    assert.equal(messages()[0]?.text, 'Your email, Ana?');
  });

  it('stores a valid reply and continues on next', async () => {
    const { ctx, variables } = await testContext({ chat: true });
    const outcome = await resume(
      ctx,
      config,
      { kind: 'input', text: ' ana@example.com' },
      waited('input', { retries: 0 }),
    );
    assert.deepEqual(outcome, { kind: 'next', handle: 'next' });
    assert.equal(variables.email, 'ana@example.com');
  });

  it('a wrong reply gets the retry message and another wait, counting retries', async () => {
    const { ctx, variables, messages } = await testContext({
      chat: true,
      variables: { name: 'Ana' },
    });
    const outcome = await resume(
      ctx,
      config,
      { kind: 'input', text: 'nope' },
      waited('input', { retries: 0 }),
    );
    assert.deepEqual(outcome, { kind: 'wait', wait: { kind: 'input', state: { retries: 1 } } });
    assert.equal(messages()[0]?.text, 'Hmm, Ana, that is not an email');
    assert.equal('email' in variables, false);
  });

  it('after maxRetries wrong replies it leaves through failure', async () => {
    const { ctx, messages } = await testContext({ chat: true });
    const outcome = await resume(
      ctx,
      config,
      { kind: 'input', text: 'nope' },
      waited('input', { retries: 1 }),
    );
    assert.deepEqual(outcome, { kind: 'next', handle: 'failure' });
    assert.equal(messages().length, 0);
  });

  it('stores numbers as numbers', async () => {
    const { ctx, variables } = await testContext({ chat: true });
    const numeric = collectInputConfigSchema.parse({
      prompt: 'Age?',
      variable: 'age',
      validation: 'number',
    });
    await resume(ctx, numeric, { kind: 'input', text: '41' }, waited('input'));
    assert.equal(variables.age, 41);
  });

  it('has next and failure outputs; publish wants a question and a variable', () => {
    assert.deepEqual(
      collectInputDefinition.outputs(config).map((output) => output.id),
      ['next', 'failure'],
    );
    const problems = collectInputDefinition.validate?.(collectInputConfigSchema.parse({}), {
      graph: { nodes: [], edges: [], variables: [] },
      nodeId: 'n',
    });
    assert.deepEqual(
      problems?.map((problem) => problem.field),
      ['prompt', 'variable'],
    );
  });
});
