import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  setVariableConfigSchema,
  setVariableDefinition,
} from '../../../../../runtime/nodes/set-variable/definition';

const hooks = (config: unknown) => {
  const parsed = setVariableConfigSchema.parse(config);
  return {
    written: setVariableDefinition.variablesWritten?.(parsed),
    read: setVariableDefinition.variablesRead?.(parsed),
  };
};

describe('set-variable variable hooks', () => {
  it('writes its variable; reads its path when the value comes from one', () => {
    assert.deepEqual(hooks({ variable: 'total', source: 'path', path: 'order.total' }), {
      written: ['total'],
      read: ['order.total'],
    });
  });

  it('a template value is read generically, not by the hook; no variable yet writes nothing', () => {
    assert.deepEqual(hooks({ variable: 'greeting', value: 'Hi {{name}}', path: 'stale.path' }), {
      written: ['greeting'],
      read: [],
    });
    assert.deepEqual(hooks({ source: 'path', path: 'not a path!' }), { written: [], read: [] });
  });
});
