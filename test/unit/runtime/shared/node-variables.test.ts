import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { findNodeDefinition } from '../../../../runtime/nodes/definitions';
import { defaultOutput, defineNode } from '../../../../runtime/shared/node-definition';
import {
  configStrings,
  nodeVariableUse,
  variableOfPath,
} from '../../../../runtime/shared/node-variables';

describe('variableOfPath', () => {
  it('names the variable a path starts at, through vars. and the $ root', () => {
    assert.equal(variableOfPath('email'), 'email');
    assert.equal(variableOfPath('order.items[0].sku'), 'order');
    assert.equal(variableOfPath("order['total']"), 'order');
    assert.equal(variableOfPath('vars.email'), 'email');
    assert.equal(variableOfPath('$.email'), 'email');
    assert.equal(variableOfPath('TOTAL'), 'TOTAL');
  });

  it('the trigger input is not a variable; nor is what no variable can be called', () => {
    for (const path of ['body.email', 'query.page', 'headers["x-id"]', 'ip', 'method', 'trigger']) {
      assert.equal(variableOfPath(path), undefined, path);
    }
    assert.equal(variableOfPath('vars'), undefined);
    assert.equal(variableOfPath('[0].x'), undefined);
    assert.equal(variableOfPath("['has space']"), undefined);
    assert.equal(variableOfPath('not a path!'), undefined);
  });
});

describe('configStrings', () => {
  it('collects every string, however deep, and nothing else', () => {
    assert.deepEqual(
      configStrings({
        a: 'x',
        n: 3,
        list: [{ b: 'y' }, 'z', null],
        flag: true,
        nested: { c: 'w' },
      }),
      ['x', 'y', 'z', 'w'],
    );
  });
});

describe('nodeVariableUse', () => {
  it('reads every template in the config and takes writes from the hook', () => {
    const use = nodeVariableUse(findNodeDefinition('collect-input'), {
      prompt: 'Hi {{ name }}, your email? (we have {{vars.old_email}} and {{body.email}})',
      variable: 'email',
      validation: 'email',
      retryMessage: 'Try again, {{name}}. $SUPPORT_PHONE helps.',
    });
    assert.deepEqual(use, { written: ['email'], read: ['name', 'old_email', 'SUPPORT_PHONE'] });
  });

  it("a secret header's {{secret}} is the secret's slot, not a variable read", () => {
    const use = nodeVariableUse(findNodeDefinition('http-request'), {
      url: 'https://crm.example.com/users/{{user_id}}',
      headers: [
        { name: 'Authorization', value: 'Bearer {{secret}}', secretId: 's_abcdefgh12' },
        { name: 'X-Trace', value: '{{trace}}' },
        { name: 'X-Plain', value: '{{secret}}' },
      ],
    });
    // Without a secret id, `{{secret}}` is an ordinary template and reads a variable.
    assert.deepEqual(use.read, ['user_id', 'trace', 'secret']);
  });

  it('adds the reads a node makes outside templates (a bare path, End results)', () => {
    const condition = nodeVariableUse(findNodeDefinition('condition'), {
      rules: [
        { left: 'email', operator: 'contains', right: '@example.com' },
        { left: '{{ total }}', operator: 'greater_than', right: '{{limit}}' },
      ],
    });
    assert.deepEqual(condition, { written: [], read: ['total', 'limit', 'email'] });
    const end = nodeVariableUse(findNodeDefinition('end'), { result: ['email', 'age'] });
    assert.deepEqual(end, { written: [], read: ['email', 'age'] });
  });

  it('a config mid-edit (invalid) still has its templates read; the hooks wait for a valid one', () => {
    const use = nodeVariableUse(findNodeDefinition('set-variable'), {
      variable: '1bad',
      value: 'Hello {{name}}',
    });
    assert.deepEqual(use, { written: [], read: ['name'] });
  });

  it('an unknown node type: only its templates', () => {
    assert.deepEqual(nodeVariableUse(undefined, { text: '{{a}} {{a}} {{b.c}}' }), {
      written: [],
      read: ['a', 'b'],
    });
  });

  it('drops hook answers that are not variable names, and repeats', () => {
    const sloppy = defineNode({
      type: 'sloppy',
      label: 'Sloppy',
      category: 'data',
      description: '',
      icon: '?',
      configSchema: z.object({}),
      outputs: () => defaultOutput,
      isTrigger: false,
      needsChat: false,
      sideEffects: 'none',
      summary: () => '',
      variablesWritten: () => ['ok', 'ok', 'not ok', ''],
      variablesRead: () => ['body.x', 'y.z', 'y'],
    });
    assert.deepEqual(nodeVariableUse(sloppy, {}), { written: ['ok'], read: ['y'] });
  });
});
