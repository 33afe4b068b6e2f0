import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  conditionConfigSchema,
  conditionDefinition,
} from '../../../../../runtime/nodes/condition/definition';

describe('condition variable hooks', () => {
  it('reads each left side that is a bare path (templates are found generically)', () => {
    const config = conditionConfigSchema.parse({
      rules: [
        { left: ' email ', operator: 'contains', right: '@example.com' },
        { left: '{{total}}', operator: 'greater_than', right: '100' },
        { left: 'body.event', operator: 'equals', right: 'paid' },
        { left: 'not a path!', operator: 'equals', right: 'x' },
        { left: '', operator: 'exists' },
      ],
    });
    assert.deepEqual(conditionDefinition.variablesRead?.(config), ['email', 'body.event']);
    assert.equal(conditionDefinition.variablesWritten, undefined);
  });
});
