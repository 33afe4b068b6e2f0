import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buttonsConfigSchema,
  buttonsDefinition,
} from '../../../../../runtime/nodes/buttons/definition';

describe('buttons variable hooks', () => {
  it('writes the chosen label to its variable when it has one', () => {
    const written = (config: unknown) =>
      buttonsDefinition.variablesWritten?.(buttonsConfigSchema.parse(config));
    assert.deepEqual(written({ prompt: 'Which?', variable: 'department' }), ['department']);
    assert.deepEqual(written({ prompt: 'Which?' }), []);
  });
});
