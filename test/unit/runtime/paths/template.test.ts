import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTemplate, templateReferences } from '../../../../runtime/paths';

describe('parseTemplate', () => {
  it('splits text, {{ path }} expressions and $NAME params', () => {
    const { parts, problems } = parseTemplate("Hi {{ body['user'].name }}, order $ORDER_ID!");
    assert.deepEqual(problems, []);
    assert.deepEqual(parts, [
      { type: 'text', text: 'Hi ' },
      {
        type: 'expression',
        path: 'body.user.name',
        segments: [
          { type: 'key', key: 'body' },
          { type: 'key', key: 'user' },
          { type: 'key', key: 'name' },
        ],
      },
      { type: 'text', text: ', order ' },
      { type: 'param', name: 'ORDER_ID' },
      { type: 'text', text: '!' },
    ]);
  });

  it('accepts expressions with or without spaces inside the braces', () => {
    for (const text of ['{{a.b}}', '{{ a.b }}', '{{\ta.b\n}}']) {
      assert.deepEqual(parseTemplate(text).parts, [
        {
          type: 'expression',
          path: 'a.b',
          segments: [
            { type: 'key', key: 'a' },
            { type: 'key', key: 'b' },
          ],
        },
      ]);
    }
  });

  it('treats only upper-case $NAMEs as params', () => {
    assert.deepEqual(parseTemplate('costs $5, $total, $ alone, $_X1').parts, [
      { type: 'text', text: 'costs $5, $total, $ alone, ' },
      { type: 'param', name: '_X1' },
    ]);
    assert.deepEqual(parseTemplate('$A$B').parts, [
      { type: 'param', name: 'A' },
      { type: 'param', name: 'B' },
    ]);
  });

  it('reads \\{{ and \\$ as literal text and keeps other backslashes', () => {
    const { parts, problems } = parseTemplate('\\{{ not.a.path }} \\$TOTAL C:\\temp \\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(parts, [{ type: 'text', text: '{{ not.a.path }} $TOTAL C:\\temp \\n' }]);
  });

  it('reports an unclosed {{ and keeps it as text', () => {
    const { parts, problems } = parseTemplate('Hello {{ name, $X');
    assert.deepEqual(problems, [{ message: 'Unclosed {{ at position 6', position: 6 }]);
    assert.deepEqual(parts, [
      { type: 'text', text: 'Hello {{ name, ' },
      { type: 'param', name: 'X' },
    ]);
  });

  it('reports empty expressions', () => {
    const { parts, problems } = parseTemplate('a {{}} b {{   }}');
    assert.deepEqual(problems, [
      { message: 'Empty expression at position 2', position: 2 },
      { message: 'Empty expression at position 9', position: 9 },
    ]);
    assert.deepEqual(parts, [{ type: 'text', text: 'a {{}} b {{   }}' }]);
  });

  it('reports an invalid path with its position in the whole template', () => {
    const { parts, problems } = parseTemplate('x {{  body.data[0 }} y');
    assert.deepEqual(problems, [{ message: 'Unclosed [ at position 15', position: 15 }]);
    assert.deepEqual(parts, [{ type: 'text', text: 'x {{  body.data[0 }} y' }]);
    assert.deepEqual(parseTemplate('{{a b}}').problems, [
      { message: 'Unexpected space at position 3', position: 3 },
    ]);
  });
});

describe('templateReferences', () => {
  it('lists the canonical paths read, first use first, each once', () => {
    assert.deepEqual(
      templateReferences(
        "{{ body['user'].name }} $TOTAL {{body.user.name}} {{ $[0]['userId'] }} $TOTAL {{ bad[ }}",
      ),
      ['body.user.name', 'TOTAL', '$[0].userId'],
    );
    assert.deepEqual(templateReferences('plain text, costs $5'), []);
  });
});
