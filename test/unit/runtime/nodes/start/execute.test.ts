import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startExecutor } from '../../../../../runtime/nodes/start/execute';
import { startConfigSchema } from '../../../../../runtime/nodes/start/definition';
import { testContext } from '../../../../helpers/exec-context';

describe('start executor', () => {
  it('continues on next', async () => {
    const { ctx } = await testContext();
    assert.deepEqual(await startExecutor.execute(ctx, startConfigSchema.parse({})), {
      kind: 'next',
      handle: 'next',
    });
  });
});
