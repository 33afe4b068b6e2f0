import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buttonsConfigSchema,
  buttonsDefinition,
} from '../../../../../runtime/nodes/buttons/definition';
import { buttonsExecutor } from '../../../../../runtime/nodes/buttons/execute';
import { testContext, waited } from '../../../../helpers/exec-context';

const resume = buttonsExecutor.resume;
if (!resume) throw new Error('buttons must resume');

const config = buttonsConfigSchema.parse({
  prompt: 'Pick one, {{name}}',
  buttons: [
    { id: 'sales', label: 'Sales' },
    { id: 'support', label: 'Support' },
  ],
  variable: 'department',
});

describe('buttons', () => {
  it('has one output per button, in order', () => {
    assert.deepEqual(
      buttonsDefinition.outputs(config).map((output) => [output.id, output.label]),
      [
        ['sales', 'Sales'],
        ['support', 'Support'],
      ],
    );
  });

  it('sends the prompt with its buttons and waits', async () => {
    const { ctx, messages } = await testContext({ chat: true, variables: { name: 'Ana' } });
    assert.deepEqual(await buttonsExecutor.execute(ctx, config), {
      kind: 'wait',
      wait: { kind: 'input' },
    });
    assert.deepEqual(messages()[0]?.buttons, config.buttons);
    assert.equal(messages()[0]?.text, 'Pick one, Ana');
  });

  it('a click continues on that button and stores its label', async () => {
    const { ctx, variables } = await testContext({ chat: true });
    const outcome = await resume(
      ctx,
      config,
      { kind: 'input', text: 'Support', buttonId: 'support' },
      waited('input'),
    );
    assert.deepEqual(outcome, { kind: 'next', handle: 'support' });
    assert.equal(variables.department, 'Support');
  });

  it('a typed label counts, whatever its case', async () => {
    const { ctx } = await testContext({ chat: true });
    const outcome = await resume(ctx, config, { kind: 'input', text: ' sales ' }, waited('input'));
    assert.deepEqual(outcome, { kind: 'next', handle: 'sales' });
  });

  it('anything else asks again', async () => {
    const { ctx, messages, variables } = await testContext({ chat: true });
    const outcome = await resume(ctx, config, { kind: 'input', text: 'maybe' }, waited('input'));
    assert.deepEqual(outcome, { kind: 'wait', wait: { kind: 'input' } });
    assert.deepEqual(messages()[0]?.buttons, config.buttons);
    assert.equal('department' in variables, false);
  });

  it('refuses two buttons with one id', () => {
    const parsed = buttonsConfigSchema.safeParse({
      buttons: [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
      ],
    });
    assert.equal(parsed.success, false);
  });
});
