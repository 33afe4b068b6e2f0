import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endConfigSchema, endDefinition } from '../../../../../runtime/nodes/end/definition';

describe('end variable hooks', () => {
  it('reads the variables it returns as the result, and writes none', () => {
    const config = endConfigSchema.parse({ result: ['email', 'age'] });
    assert.deepEqual(endDefinition.variablesRead?.(config), ['email', 'age']);
    assert.deepEqual(endDefinition.variablesRead?.(endConfigSchema.parse({})), []);
    assert.equal(endDefinition.variablesWritten, undefined);
  });
});
