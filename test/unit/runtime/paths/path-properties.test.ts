// Property-based checks across the module: printing round-trips, nothing throws on any
// input, and pathological inputs finish (run, not timed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  interpolate,
  interpolateText,
  parsePath,
  parseTemplate,
  printPath,
  readPath,
  templateReferences,
  tryParsePath,
  type PathSegment,
} from '../../../../runtime/paths';

/** Characters the syntax cares about, so generated strings hit the interesting cases. */
const syntaxChar = fc.constantFrom(
  ...['.', '[', ']', "'", '"', '\\', '$', '{', '}', ' ', '-', '_', '0', '7', 'a', 'Z', 'é', '😀'],
);
/** Any text: full unicode, lone surrogates, and syntax-heavy strings. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.string({ unit: syntaxChar, maxLength: 40 }),
);

const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  anyText.map((key) => ({ type: 'key' as const, key })),
  fc.constantFrom('$', '', '0', '01', 'a.b', "it's", 'x-event', '__proto__').map((key) => ({
    type: 'key' as const,
    key,
  })),
  fc.nat().map((index) => ({ type: 'index' as const, index })),
);

describe('path properties', () => {
  it('parsePath(printPath(s)) deep-equals s for any non-empty segments', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 8 }), (segments) => {
        assert.deepEqual(parsePath(printPath(segments)), segments);
      }),
      { numRuns: 2000 },
    );
  });

  it('printing is canonical: a parsed path prints to text that prints the same again', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = tryParsePath(text);
        if (!parsed.ok) return;
        const printed = printPath(parsed.segments);
        assert.equal(printPath(parsePath(printed)), printed);
      }),
      { numRuns: 2000 },
    );
  });

  it('tryParsePath, readPath, parseTemplate and interpolate never throw', () => {
    fc.assert(
      fc.property(anyText, fc.jsonValue(), (text, value) => {
        const parsed = tryParsePath(text);
        if (!parsed.ok) {
          assert.ok(parsed.position >= 0 && parsed.position <= text.length);
          assert.ok(parsed.message.length > 0);
        }
        readPath(value, text);
        parseTemplate(text);
        templateReferences(text);
        const scope = { value, TOTAL: value };
        interpolate(text, scope);
        assert.equal(typeof interpolateText(text, scope), 'string');
        if (parsed.ok) readPath(value, parsed.segments);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every leaf of a JSON value through its printed path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const [segments, leaf] of leaves(value, [])) {
          const path = printPath(segments);
          assert.deepEqual(readPath(value, path), leaf, path);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finishes on 10k-character pathological inputs', () => {
    const inputs = [
      '['.repeat(10_000),
      "['".repeat(5_000),
      "a['" + '\\\\'.repeat(5_000),
      'a' + '[0]'.repeat(3_333) + '[',
      'a.'.repeat(5_000),
      'a' + '1'.repeat(10_000) + 'x',
      '$[' + '1'.repeat(10_000) + '.5]',
      '{{'.repeat(5_000),
      '{{ a'.repeat(2_500),
      '{{a}}'.repeat(2_000),
      '\\{{'.repeat(3_333),
      '$A'.repeat(5_000),
      '$'.repeat(10_000),
      '{{ ' + 'a.'.repeat(5_000) + ' }}',
    ];
    for (const input of inputs) {
      tryParsePath(input);
      readPath({ a: [] }, input);
      const { parts } = parseTemplate(input);
      assert.ok(Array.isArray(parts));
      interpolateText(input, { A: 1 });
    }
  });
});

/** Every non-container value in a JSON value with the segments that lead to it. */
function leaves(value: unknown, at: PathSegment[]): [PathSegment[], unknown][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => leaves(item, [...at, { type: 'index', index }]));
  }
  if (typeof value === 'object' && value !== null && at.length < 6) {
    return Object.entries(value).flatMap(([key, item]) =>
      leaves(item, [...at, { type: 'key', key }]),
    );
  }
  return at.length === 0 ? [] : [[at, value]];
}
