import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { delayConfigSchema } from '../../../../../runtime/nodes/delay/definition';
import { delayExecutor } from '../../../../../runtime/nodes/delay/execute';
import { FIXED_NOW, testContext, waited } from '../../../../helpers/exec-context';

describe('delay', () => {
  it('asks for a durable timer at now + the delay', async () => {
    const { ctx } = await testContext();
    const outcome = await delayExecutor.execute(
      ctx,
      delayConfigSchema.parse({ amount: 2, unit: 'hours' }),
    );
    assert.deepEqual(outcome, {
      kind: 'wait',
      wait: { kind: 'timer', until: new Date(FIXED_NOW.getTime() + 2 * 3_600_000) },
    });
  });

  it('a zero delay continues at once; the timer continues on next', async () => {
    const { ctx } = await testContext();
    assert.deepEqual(await delayExecutor.execute(ctx, { amount: 0, unit: 'seconds' }), {
      kind: 'next',
      handle: 'next',
    });
    assert.deepEqual(
      await delayExecutor.resume?.(
        ctx,
        { amount: 1, unit: 'seconds' },
        { kind: 'timer' },
        waited('timer'),
      ),
      { kind: 'next', handle: 'next' },
    );
  });

  it('waits at most 30 days', () => {
    assert.equal(delayConfigSchema.safeParse({ amount: 30, unit: 'days' }).success, true);
    const tooLong = delayConfigSchema.safeParse({ amount: 721, unit: 'hours' });
    assert.equal(tooLong.success, false);
    assert.deepEqual(tooLong.error?.issues[0]?.path, ['amount']);
    assert.equal(delayConfigSchema.safeParse({ amount: -1, unit: 'seconds' }).success, false);
  });
});
