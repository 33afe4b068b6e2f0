import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  collectInputConfigSchema,
  collectInputDefinition,
} from '../../../../../runtime/nodes/collect-input/definition';

describe('collect-input variable hooks', () => {
  it('writes the variable that stores the answer, once one is chosen', () => {
    const written = (config: unknown) =>
      collectInputDefinition.variablesWritten?.(collectInputConfigSchema.parse(config));
    assert.deepEqual(written({ prompt: 'Email?', variable: 'email' }), ['email']);
    assert.deepEqual(written({ prompt: 'Email?' }), []);
    assert.equal(collectInputDefinition.variablesRead, undefined, 'its prompt is a template');
  });
});
