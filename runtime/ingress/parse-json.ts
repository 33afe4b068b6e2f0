// Strict JSON for webhook bodies. A syntax error names the line, column and problem so the
// sender (or the person testing with curl) can fix it; `__proto__` keys are dropped so no
// later merge or Object.assign of the body can change an object's prototype. A body nested
// deeper than MAX_BODY_NESTING is refused (413, see nesting-limit.ts).
import { ApiError } from '../api/api-error';
import { findJsonProblem } from './json-problem';
import { jsonNestingExceeds, tooDeeplyNested } from './nesting-limit';

export function parseJson(text: string): unknown {
  return parseJsonText(text).value;
}

/** `exact`: the value is what the text says (no `__proto__` key had to be dropped). */
export function parseJsonText(text: string): { value: unknown; exact: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidJson(text, error);
  }
  if (jsonNestingExceeds(value)) throw tooDeeplyNested('arrays and objects');
  // JSON.parse stores `"__proto__"` as an own data property (the prototype is never
  // changed), but copying such an object with Object.assign or a naive deep merge would
  // be. A key can only be `__proto__` if it is spelt out or uses a \u escape.
  const exact = !(text.includes('__proto__') || text.includes('\\u')) || !dropProtoKeys(value);
  return { value, exact };
}

function invalidJson(text: string, error: unknown): ApiError {
  const found = findJsonProblem(text);
  if (!found) {
    const reason = error instanceof Error ? error.message : String(error);
    return new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${reason}`);
  }
  const { line, column } = lineAndColumn(text, found.position);
  return new ApiError(
    400,
    'invalid_json',
    `The request body is not valid JSON: ${found.problem} at line ${line}, column ${column}`,
    { line, column, position: found.position },
  );
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

/** Iterative, so a deeply nested body cannot overflow the stack. True if one was dropped. */
function dropProtoKeys(root: unknown): boolean {
  const pending: unknown[] = [root];
  let dropped = false;
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Object.hasOwn(value, '__proto__')) {
      Reflect.deleteProperty(value, '__proto__');
      dropped = true;
    }
    for (const child of Object.values(value)) pending.push(child);
  }
  return dropped;
}
