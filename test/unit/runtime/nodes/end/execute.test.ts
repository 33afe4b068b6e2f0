import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endConfigSchema } from '../../../../../runtime/nodes/end/definition';
import { endExecutor } from '../../../../../runtime/nodes/end/execute';
import { testContext } from '../../../../helpers/exec-context';

describe('end executor', () => {
  it('ends without output when no result variables are chosen', async () => {
    const { ctx } = await testContext({ variables: { a: 1 } });
    assert.deepEqual(await endExecutor.execute(ctx, endConfigSchema.parse({})), {
      kind: 'end',
      output: undefined,
    });
  });

  it('outputs the chosen variables, null for unset ones, typed as stored', async () => {
    const { ctx } = await testContext({ variables: { total: 42, email: 'a@b.co', extra: 'x' } });
    const config = endConfigSchema.parse({ result: ['total', 'email', 'missing'] });
    assert.deepEqual(await endExecutor.execute(ctx, config), {
      kind: 'end',
      output: { total: 42, email: 'a@b.co', missing: null },
    });
  });

  it('refuses a variable listed twice', () => {
    assert.equal(endConfigSchema.safeParse({ result: ['a', 'a'] }).success, false);
  });
});
