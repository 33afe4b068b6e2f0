import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../../runtime/api/api-error';
import { jsonNestingExceeds, MAX_BODY_NESTING } from '../../../../runtime/ingress/nesting-limit';
import { parseBody } from '../../../../runtime/ingress/parse-body';

const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const objects = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
const elements = (depth: number) => '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth);

async function refusal(body: string, contentType: string): Promise<ApiError> {
  const error: unknown = await parseBody(Buffer.from(body), contentType).then(
    () => assert.fail('the body was accepted'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ApiError, String(error));
  return error;
}

describe('the body nesting limit', () => {
  it('is far below the depths where serialising a record overflows the stack', () => {
    // JSON.stringify overflows at ~4,100 levels and structuredClone at ~3,200 on Node 20
    // and 24 with the default stack; an XML value nests at most twice its elements.
    assert.ok(MAX_BODY_NESTING * 2 + 10 < 3000);
    let value: unknown = 'leaf';
    for (let i = 0; i < MAX_BODY_NESTING * 2 + 10; i += 1) value = { value: [value] };
    assert.doesNotThrow(() => JSON.stringify({ record: { input: { body: value } } }));
    assert.doesNotThrow(() => structuredClone(value));
  });

  it('tells a parsed JSON value nested too deep from one that is not', () => {
    const exceeds = (text: string, limit?: number) => jsonNestingExceeds(JSON.parse(text), limit);
    assert.equal(exceeds(arrays(3), 2), true);
    assert.equal(exceeds(arrays(2), 2), false);
    assert.equal(exceeds(objects(MAX_BODY_NESTING)), false);
    assert.equal(exceeds(objects(MAX_BODY_NESTING + 1)), true);
    assert.equal(exceeds(arrays(MAX_BODY_NESTING)), false);
    assert.equal(exceeds(arrays(MAX_BODY_NESTING + 1)), true);
    assert.equal(exceeds('"text"', 0), false);
    // Depth is the deepest path, not the number of containers: siblings do not add up.
    assert.equal(exceeds(JSON.stringify([[[1]], [[2]], { a: [3] }]), 3), false);
    assert.equal(exceeds(JSON.stringify([[[1]], [[2]], { a: [[3]] }]), 3), true);
    // A `__proto__` key is an own property after JSON.parse: its value is walked too.
    assert.equal(exceeds('{"__proto__":[[[[1]]]]}', 4), true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const exceeds = (text: string, limit?: number) => jsonNestingExceeds(JSON.parse(text), limit);
    const inString = JSON.stringify({ text: '[{'.repeat(1000), quoted: '"[[[\\"' });
    assert.equal(exceeds(inString, 3), false);
    // The object and four arrays: five levels; the brackets in the long string are not.
    const long = JSON.stringify({ long: `${'x'.repeat(100)}\\"[[[[`, after: [[[[1]]]] });
    assert.equal(exceeds(long, 5), false);
    assert.equal(exceeds(long, 4), true, 'the arrays after the long string are counted');
  });

  it('refuses a JSON body nested deeper than the limit with 413 naming it', async () => {
    for (const body of [arrays(MAX_BODY_NESTING + 1), objects(5000), arrays(100_000)]) {
      const error = await refusal(body, 'application/json');
      assert.equal(error.status, 413);
      assert.equal(error.code, 'body_too_deep');
      assert.match(error.message, new RegExp(`at most ${MAX_BODY_NESTING}`));
      assert.deepEqual(error.details, { maxNesting: MAX_BODY_NESTING });
    }
    const atLimit = await parseBody(Buffer.from(arrays(MAX_BODY_NESTING)), 'application/json');
    assert.equal(atLimit.kind, 'json');
  });

  it('still names the syntax error of invalid JSON, however deep', async () => {
    const error = await refusal(`${'['.repeat(10_000)}}`, 'application/json');
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_json');
  });

  it('refuses XML whose elements nest deeper than the limit with the same 413', async () => {
    const error = await refusal(elements(MAX_BODY_NESTING + 1), 'application/xml');
    assert.equal(error.status, 413);
    assert.equal(error.code, 'body_too_deep');
    assert.match(error.message, /elements more than 256 levels/);
    const atLimit = await parseBody(Buffer.from(elements(MAX_BODY_NESTING)), 'application/xml');
    assert.equal(atLimit.kind, 'xml');
  });

  it('keeps form fields at most 20 levels deep, so a form never reaches the limit', async () => {
    const name = `a${'[b]'.repeat(5000)}`;
    const parsed = await parseBody(
      Buffer.from(`${name}=1&c[d]=2`),
      'application/x-www-form-urlencoded',
    );
    assert.deepEqual(parsed.value, { [name]: '1', c: { d: '2' } });
    assert.doesNotThrow(() => JSON.stringify(parsed.value));
  });
});
