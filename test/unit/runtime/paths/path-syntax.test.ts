import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  PathSyntaxError,
  childPath,
  parsePath,
  printPath,
  tryParsePath,
  type PathSegment,
} from '../../../../runtime/paths';

const key = (k: string): PathSegment => ({ type: 'key', key: k });
const index = (i: number): PathSegment => ({ type: 'index', index: i });

describe('parsePath', () => {
  const cases: [text: string, segments: PathSegment[]][] = [
    // Every path written in seeds 001 and 002.
    ['body.user.name', [key('body'), key('user'), key('name')]],
    ['body.order.total', [key('body'), key('order'), key('total')]],
    ['body.event', [key('body'), key('event')]],
    ['body.data[0].email', [key('body'), key('data'), index(0), key('email')]],
    ['body.data[0].name', [key('body'), key('data'), index(0), key('name')]],
    ['body.customer.address.city', [key('body'), key('customer'), key('address'), key('city')]],
    ['body.customer.phone', [key('body'), key('customer'), key('phone')]],
    ["data['userId']", [key('data'), key('userId')]],
    ['data["userId"]', [key('data'), key('userId')]],
    ['data.userId', [key('data'), key('userId')]],
    ['$[0].userId', [index(0), key('userId')]],
    ["$[0]['userId']", [index(0), key('userId')]],
    ["headers['x-event']", [key('headers'), key('x-event')]],
    ['headers.x-event', [key('headers'), key('x-event')]],
    ['note.to', [key('note'), key('to')]],
    ["note['to']", [key('note'), key('to')]],
    // The root and names that merely start with `$`.
    ['$', []],
    ['$.a', [key('a')]],
    ['$abc.$', [key('$abc'), key('$')]],
    ['$$[0]', [key('$$'), index(0)]],
    ['[2].a', [index(2), key('a')]],
    // Names: digits, unicode letters, `_`, `-`.
    ['items.0', [key('items'), key('0')]],
    ['cliente.endereço.cidade_1', [key('cliente'), key('endereço'), key('cidade_1')]],
    ['a[10][0]', [key('a'), index(10), index(0)]],
    // Quoted keys: escapes, dots, spaces, brackets, unicode, empty.
    ["$['a.b c']", [key('a.b c')]],
    ["a['it\\'s']", [key('a'), key("it's")]],
    ['a["say \\"hi\\""]', [key('a'), key('say "hi"')]],
    ["a['back\\\\slash']", [key('a'), key('back\\slash')]],
    ["a['\"']", [key('a'), key('"')]],
    ['a["\'"]', [key('a'), key("'")]],
    ["a['[0]']['']", [key('a'), key('[0]'), key('')]],
    ["a['😀 日本']", [key('a'), key('😀 日本')]],
  ];
  for (const [text, segments] of cases) {
    it(`parses ${text}`, () => {
      assert.deepEqual(parsePath(text), segments);
      assert.deepEqual(tryParsePath(text), { ok: true, segments });
    });
  }
});

describe('path syntax errors', () => {
  const cases: [text: string, message: string, position: number][] = [
    ['', 'Path is empty at position 0', 0],
    ['body.data[0', 'Unclosed [ at position 9', 9],
    ['a.', 'Expected a name after . at position 1', 1],
    ['a..b', 'Expected a name after . at position 1', 1],
    ['a.[0]', 'Expected a name after . at position 1', 1],
    ['.a', 'Unexpected character "." at position 0', 0],
    ['a[-1]', 'Index must be a whole number (0 or more) at position 2', 2],
    ['$[-1]', 'Index must be a whole number (0 or more) at position 2', 2],
    ['a[1.5]', 'Index must be a whole number (0 or more) at position 2', 2],
    ['a[]', 'Expected an index or a quoted key inside [ ] at position 2', 2],
    ['a[abc]', "Keys in [ ] need quotes, like ['abc'], at position 2", 2],
    ['a[9007199254740993]', 'Index is too large at position 2', 2],
    ["a['x", 'Unclosed quote at position 2', 2],
    ['a["x\\"', 'Unclosed quote at position 2', 2],
    ["a['x'", 'Unclosed [ at position 1', 1],
    ["a['x'b]", 'Expected ] after the quoted key at position 5', 5],
    ["a['\\n']", 'Unknown escape \\n (use \\\\, \\\' or \\") at position 3', 3],
    ['a b', 'Unexpected space at position 1', 1],
    [' a', 'Unexpected space at position 0', 0],
    ['a. b', 'Unexpected space at position 2', 2],
    ['a[ 0]', 'Unexpected space at position 2', 2],
    ['a\tb', 'Unexpected space at position 1', 1],
    ['a]', 'Unexpected character "]" at position 1', 1],
    ["a['x']b", 'Unexpected character "b" at position 6', 6],
    ['a.b!', 'Unexpected character "!" at position 3', 3],
    ['$[0]x', 'Unexpected character "x" at position 4', 4],
  ];
  for (const [text, message, position] of cases) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      assert.deepEqual(tryParsePath(text), { ok: false, message, position });
      assert.throws(
        () => parsePath(text),
        (error: unknown) =>
          error instanceof PathSyntaxError &&
          error.name === 'PathSyntaxError' &&
          error.message === message &&
          error.position === position,
      );
    });
  }
});

describe('printPath', () => {
  const cases: [segments: PathSegment[], text: string][] = [
    [[], '$'],
    [[key('body'), key('data'), index(0), key('email')], 'body.data[0].email'],
    [[index(0), key('userId')], '$[0].userId'],
    [[key('headers'), key('x-event')], 'headers.x-event'],
    [[key('my key')], "$['my key']"],
    [[key('a'), key('my key'), key('b')], "a['my key'].b"],
    [[key('a'), key('it\'s \\ "ok"')], "a['it\\'s \\\\ \"ok\"']"],
    [[key('a'), key('')], "a['']"],
    [[key('')], "$['']"],
    [[key('$')], "$['$']"],
    [[key('$'), key('$')], "$['$'].$"],
    [[key('$abc')], '$abc'],
    [[key('items'), key('0')], 'items.0'],
    [[key('a.b')], "$['a.b']"],
  ];
  for (const [segments, text] of cases) {
    it(`prints ${text}`, () => {
      assert.equal(printPath(segments), text);
      if (segments.length > 0) assert.deepEqual(parsePath(text), segments);
    });
  }

  it('is canonical: equivalent spellings print the same', () => {
    for (const text of ["data['userId']", 'data["userId"]', 'data.userId', '$.data.userId']) {
      assert.equal(printPath(parsePath(text)), 'data.userId');
    }
    assert.equal(printPath(parsePath("$[0]['userId']")), '$[0].userId');
    assert.equal(printPath(parsePath('[0].userId')), '$[0].userId');
  });

  it('refuses an index no path text can express', () => {
    assert.throws(() => printPath([index(-1)]), RangeError);
    assert.throws(() => printPath([key('a'), index(1.5)]), RangeError);
  });
});

describe('childPath', () => {
  it('builds copy-paths for a tree view: numbers are indices, strings are keys', () => {
    const body = childPath([], 'body');
    const data = childPath(body, 'data');
    const first = childPath(data, 0);
    assert.equal(printPath(childPath(first, 'name')), 'body.data[0].name');
    assert.equal(printPath(childPath(body, 'x-event')), 'body.x-event');
    assert.equal(printPath(childPath(body, 'my key')), "body['my key']");
    assert.equal(printPath(childPath([], 0)), '$[0]');
    assert.deepEqual(body, [key('body')], 'the parent is not changed');
  });

  it('turns a number that cannot be an index into a key', () => {
    assert.deepEqual(childPath([], -1), [key('-1')]);
    assert.deepEqual(childPath([], 1.5), [key('1.5')]);
  });
});
