import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { nodeDefinitions } from '../../../../runtime/nodes/definitions';
import { fieldLabel, fieldProblemText } from '../../../../runtime/shared/field-labels';

/**
 * Every config path a node type's schema can report a problem at, as a pattern (`[]` for
 * list indices). Walks the zod schema: objects, lists, unions and the wrappers around them.
 */
function configPaths(schema: z.ZodType, prefix = '', found = new Set<string>()): Set<string> {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodReadonly
  ) {
    return configPaths(schema.unwrap() as z.ZodType, prefix, found);
  }
  if (schema instanceof z.ZodPipe) return configPaths(schema.in as z.ZodType, prefix, found);
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options) configPaths(option as z.ZodType, prefix, found);
    return found;
  }
  if (prefix) found.add(prefix);
  if (schema instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(schema.shape)) {
      configPaths(field as z.ZodType, prefix ? `${prefix}.${key}` : key, found);
    }
  } else if (schema instanceof z.ZodArray) {
    configPaths(schema.element as z.ZodType, `${prefix}[]`, found);
  }
  return found;
}

describe('field labels', () => {
  it('names a field by its label, list items by position', () => {
    const labels = { text: 'Message', rules: 'Rules', 'rules[].left': 'Rule # value' };
    assert.equal(fieldLabel(labels, 'text'), 'Message');
    assert.equal(fieldLabel(labels, 'rules[1].left'), 'Rule 2 value');
    assert.equal(fieldLabel(labels, 'rules[0]'), 'Rules 1', 'an item with no label of its own');
    assert.equal(fieldLabel({ 'a[].b[].c': 'Group # item #' }, 'a[2].b[0].c'), 'Group 3 item 1');
    // No label at all: the key in words, never the path.
    assert.equal(fieldLabel(undefined, 'security.auth.retryMessage'), 'Retry message');
    assert.equal(fieldLabel({}, 'events.cases[3]'), 'Cases');
  });

  it('words a problem as "<field label>: <message>"', () => {
    assert.equal(
      fieldProblemText({ text: 'Message' }, 'text', 'Write the message'),
      'Message: Write the message',
    );
    assert.equal(fieldProblemText({}, undefined, 'Add a rule'), 'Add a rule');
  });

  it('every config field of every node type has a label (no key reaches a person)', () => {
    const trigger = nodeDefinitions.find((definition) => definition.type === 'webhook-trigger');
    const walked = configPaths(trigger?.configSchema ?? z.never());
    for (const pattern of ['events.cases[].value', 'security.auth.paramName', 'methods[]']) {
      assert.ok(walked.has(pattern), `the walk finds ${pattern} in ${[...walked].join(', ')}`);
    }
    for (const definition of nodeDefinitions) {
      const labels: Readonly<Record<string, string>> = definition.fieldLabels ?? {};
      const missing = [...configPaths(definition.configSchema)].filter((pattern) => {
        if (labels[pattern] !== undefined) return false;
        // A list item is named by its list ("Methods 2") when it has no label of its own.
        return !(pattern.endsWith('[]') && labels[pattern.slice(0, -2)] !== undefined);
      });
      assert.deepEqual(missing, [], `${definition.type} needs fieldLabels for these`);
    }
  });
});
