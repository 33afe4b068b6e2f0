// Finds where and why a text is not JSON. Only called after JSON.parse has failed: V8's
// messages sometimes carry no position ("Unexpected token 'x', "…" is not valid JSON")
// and echo the body, so the message callers see is built here instead. Iterative with an
// explicit stack: a deeply nested body cannot overflow the call stack.

export interface JsonProblem {
  /** Index into the text (UTF-16 code units) where the problem starts. */
  position: number;
  problem: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

export function findJsonProblem(text: string): JsonProblem | undefined {
  const stack: ('array' | 'object')[] = [];
  let i = 0;
  let expectValue = true;
  const skipWhitespace = (): void => {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i += 1;
  };
  const fail = (problem: string, at = i): JsonProblem => ({ position: at, problem });
  /** Reads `"key"` and the colon after it; leaves `i` where the value starts. */
  const readKey = (): JsonProblem | undefined => {
    skipWhitespace();
    if (text.charAt(i) !== '"') {
      if (text.charAt(i) === '}' && previousNonWhitespace(text, i) === ',') {
        return fail(`a trailing comma before '}'`);
      }
      return i >= text.length
        ? fail('the body ends where a property name should be')
        : fail(`expected a property name in double quotes, found ${describe(text, i)}`);
    }
    const end = stringEnd(text, i);
    if (typeof end !== 'number') return end;
    i = end;
    skipWhitespace();
    if (text.charAt(i) !== ':') return fail(`expected ':' after the property name`);
    i += 1;
    return undefined;
  };

  for (;;) {
    skipWhitespace();
    if (expectValue) {
      if (i >= text.length) return fail('the body ends where a value should be');
      const c = text.charAt(i);
      if (c === '{' || c === '[') {
        i += 1;
        skipWhitespace();
        if (text.charAt(i) === (c === '{' ? '}' : ']')) {
          i += 1;
          expectValue = false;
          continue;
        }
        stack.push(c === '{' ? 'object' : 'array');
        if (c === '{') {
          const problem = readKey();
          if (problem) return problem;
        }
        continue;
      }
      if (c === '"') {
        const end = stringEnd(text, i);
        if (typeof end !== 'number') return end;
        i = end;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail(`invalid number`);
        i = NUMBER.lastIndex;
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
      } else if (text.startsWith('false', i)) {
        i += 5;
      } else if ((c === ']' || c === '}') && previousNonWhitespace(text, i) === ',') {
        return fail(`a trailing comma before '${c}'`);
      } else {
        return fail(`unexpected ${describe(text, i)}`);
      }
      expectValue = false;
      continue;
    }
    const container = stack.at(-1);
    if (container === undefined) {
      return i < text.length ? fail('unexpected text after the JSON value') : undefined;
    }
    const close = container === 'array' ? ']' : '}';
    const c = text.charAt(i);
    if (c === close) {
      stack.pop();
      i += 1;
    } else if (c === ',') {
      i += 1;
      expectValue = true;
      if (container === 'object') {
        const problem = readKey();
        if (problem) return problem;
      }
    } else if (i >= text.length) {
      return fail(`the body ends inside an ${container} (missing '${close}')`);
    } else {
      const after = container === 'array' ? 'an array element' : 'a property value';
      return fail(`expected ',' or '${close}' after ${after}, found ${describe(text, i)}`);
    }
  }
}

/** Index just past the closing quote of the string starting at `start`, or the problem. */
function stringEnd(text: string, start: number): number | JsonProblem {
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '"') return i + 1;
    if (c === '\\') {
      const next = text.charAt(i + 1);
      if (next === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return { position: i, problem: 'invalid \\u escape in a string' };
        i += 5;
      } else if (ESCAPES.has(next)) {
        i += 1;
      } else {
        return { position: i, problem: `invalid escape '\\${next}' in a string` };
      }
    } else if (c < ' ') {
      return { position: i, problem: 'a control character (such as a raw line break) in a string' };
    }
  }
  return { position: start, problem: 'a string that is never closed' };
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'the end of the body';
  WORD.lastIndex = i;
  const word = WORD.exec(text)?.[0];
  if (word) return `"${word.slice(0, 20)}${word.length > 20 ? '…' : ''}"`;
  const c = text.charAt(i);
  if (c === "'") return `"'" (JSON strings use double quotes)`;
  return JSON.stringify(c);
}

function previousNonWhitespace(text: string, before: number): string {
  for (let i = before - 1; i >= 0; i -= 1) {
    if (!WHITESPACE.has(text.charAt(i))) return text.charAt(i);
  }
  return '';
}
