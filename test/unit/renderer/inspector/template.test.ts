import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  insertAt,
  templateVariables,
  variableToken,
} from '../../../../renderer/inspector/template';

describe('template helpers', () => {
  it('inserts at the caret or over the selection', () => {
    assert.deepEqual(insertAt('Hi !', 3, 3, variableToken('name')), {
      value: 'Hi {{name}}!',
      caret: 11,
    });
    assert.deepEqual(insertAt('Hi XX!', 3, 5, '{{a}}'), { value: 'Hi {{a}}!', caret: 8 });
  });

  it('clamps a caret outside the text', () => {
    assert.deepEqual(insertAt('ab', 10, 12, 'c'), { value: 'abc', caret: 3 });
    assert.deepEqual(insertAt('ab', -3, 0, 'c'), { value: 'cab', caret: 1 });
  });

  it('lists the variables a template uses, once each', () => {
    assert.deepEqual(
      templateVariables('Hi {{ name }}, order {{order.id}} for {{name}} {{items[0].sku}} {{}}'),
      ['name', 'order.id', 'items[0].sku'],
    );
  });
});
