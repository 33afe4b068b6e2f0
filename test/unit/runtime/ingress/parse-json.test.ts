import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../../runtime/api/api-error';
import { MAX_BODY_NESTING } from '../../../../runtime/ingress/nesting-limit';
import { parseJson } from '../../../../runtime/ingress/parse-json';

function problemOf(text: string): { message: string; details: unknown } {
  try {
    parseJson(text);
  } catch (error) {
    assert.ok(error instanceof ApiError, 'an ApiError');
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_json');
    return { message: error.message, details: error.details };
  }
  assert.fail(`expected ${JSON.stringify(text)} to be refused`);
}

describe('parseJson', () => {
  it('parses objects, arrays and top-level scalars', () => {
    assert.deepEqual(parseJson('{"user":{"name":"Ann"},"data":[{"email":"a@x.io"}]}'), {
      user: { name: 'Ann' },
      data: [{ email: 'a@x.io' }],
    });
    assert.equal(parseJson('42'), 42);
    assert.equal(parseJson(' "hi" '), 'hi');
    assert.equal(parseJson('true'), true);
    assert.equal(parseJson('null'), null);
  });

  it('names the problem, line and column of malformed JSON', () => {
    const cases: [string, RegExp, { line: number; column: number }][] = [
      ['{"a":1,}', /a trailing comma before '}'/, { line: 1, column: 8 }],
      ['[1,2,]', /a trailing comma before ']'/, { line: 1, column: 6 }],
      ['{\n  "a": tru\n}', /unexpected "tru"/, { line: 2, column: 8 }],
      [
        "{'a':1}",
        /property name in double quotes.*JSON strings use double quotes/,
        { line: 1, column: 2 },
      ],
      ['{a:1}', /property name in double quotes, found "a"/, { line: 1, column: 2 }],
      ['{"a" 1}', /expected ':' after the property name/, { line: 1, column: 6 }],
      ['{"a":1 "b":2}', /expected ',' or '}' after a property value/, { line: 1, column: 8 }],
      ['[1 2]', /expected ',' or ']' after an array element/, { line: 1, column: 4 }],
      ['[1,2', /the body ends inside an array \(missing '\]'\)/, { line: 1, column: 5 }],
      ['{"a":', /the body ends where a value should be/, { line: 1, column: 6 }],
      ['"abc', /a string that is never closed/, { line: 1, column: 1 }],
      ['"a\nb"', /control character/, { line: 1, column: 3 }],
      ['"\\x"', /invalid escape '\\x'/, { line: 1, column: 2 }],
      ['"\\u12"', /invalid \\u escape/, { line: 1, column: 2 }],
      ['-', /invalid number/, { line: 1, column: 1 }],
      ['{}\n x', /unexpected text after the JSON value/, { line: 2, column: 2 }],
      [' \n\t', /the body ends where a value should be/, { line: 2, column: 2 }],
    ];
    for (const [text, problem, where] of cases) {
      const { message, details } = problemOf(text);
      assert.match(message, /^The request body is not valid JSON: /, text);
      assert.match(message, problem, text);
      assert.match(message, new RegExp(`at line ${where.line}, column ${where.column}$`), text);
      assert.deepEqual(
        {
          line: Reflect.get(Object(details), 'line'),
          column: Reflect.get(Object(details), 'column'),
        },
        where,
        text,
      );
    }
  });

  it('never echoes a long body back in the message', () => {
    const { message } = problemOf(`{"secret":"${'s'.repeat(5000)}" oops}`);
    assert.ok(message.length < 200, message);
  });

  it('drops __proto__ keys, spelt out or escaped, at any depth; the prototype never changes', () => {
    const value = parseJson(
      '{"__proto__":{"polluted":1},"list":[{"\\u005f_proto__":{"polluted":2},"keep":3}],"b":{"__proto__":null}}',
    );
    assert.deepEqual(value, { list: [{ keep: 3 }], b: {} });
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(Reflect.get({}, 'polluted'), undefined);
  });

  it('keeps constructor and prototype as plain own data', () => {
    const value = parseJson('{"constructor":{"name":"Acme Builders"},"prototype":"v2"}');
    assert.deepEqual(Object.keys(Object(value)), ['constructor', 'prototype']);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  it('drops __proto__ keys at the deepest level it accepts', () => {
    const depth = MAX_BODY_NESTING - 1;
    const nested = `${'['.repeat(depth)}{"__proto__":1}${']'.repeat(depth)}`;
    let value: unknown = parseJson(nested);
    for (let i = 0; i < depth; i += 1) value = Array.isArray(value) ? value[0] : undefined;
    assert.deepEqual(value, {});
  });

  it('refuses very deep nesting (413) without overflowing the stack', () => {
    const depth = 100_000;
    const nested = `${'['.repeat(depth)}{"__proto__":1}${']'.repeat(depth)}`;
    assert.throws(
      () => parseJson(nested),
      (error: unknown) => error instanceof ApiError && error.code === 'body_too_deep',
    );
    assert.match(problemOf('['.repeat(depth)).message, /ends where a value should be/);
  });
});
