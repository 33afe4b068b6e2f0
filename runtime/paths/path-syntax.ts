// The path language used wherever a user points into a payload or a variable:
// `body.data[0].email`, `$[0]['userId']`, `headers['x-event']`. One hand-written,
// single-pass scanner (linear time on any input, no regex backtracking) so the designer
// and the runtime agree on every path and users get a position with every error.

export type PathSegment = { type: 'key'; key: string } | { type: 'index'; index: number };

export class PathSyntaxError extends Error {
  override readonly name = 'PathSyntaxError';

  constructor(
    message: string,
    /** 0-based offset into the path text. */
    readonly position: number,
  ) {
    super(message);
  }
}

/** A failure before it is phrased, so templates can restate the position in their own text. */
export interface PathProblem {
  reason: string;
  position: number;
}

export type PathScan = { ok: true; segments: PathSegment[] } | ({ ok: false } & PathProblem);

/** Characters allowed after a dot; anything else needs brackets and quotes. */
const NAME = /[\p{L}\p{M}\p{N}_$-]+/uy;
const WHOLE_NAME = /^[\p{L}\p{M}\p{N}_$-]+$/u;
const SPACE = /\s/;
const DIGITS = /^[0-9]+$/;
// Shaped so it cannot backtrack quadratically on long digit runs.
const NUMBER_LIKE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?$/i;

export function formatPathProblem(problem: PathProblem): string {
  return `${problem.reason} at position ${problem.position}`;
}

export function parsePath(text: string): PathSegment[] {
  const result = scanPath(text);
  if (!result.ok) throw new PathSyntaxError(formatPathProblem(result), result.position);
  return result.segments;
}

export function tryParsePath(
  text: string,
): { ok: true; segments: PathSegment[] } | { ok: false; message: string; position: number } {
  const result = scanPath(text);
  if (result.ok) return result;
  return { ok: false, message: formatPathProblem(result), position: result.position };
}

/** Scans the whole text in one pass and reports the first problem with its position. */
export function scanPath(text: string): PathScan {
  if (text.length === 0) return { ok: false, reason: 'Path is empty', position: 0 };
  const segments: PathSegment[] = [];
  let step: Step;
  // A leading `$` is the root itself; `$abc` is an ordinary name that starts with `$`.
  if (text[0] === '$' && (text.length === 1 || text[1] === '.' || text[1] === '[')) {
    step = text[1] === '.' ? readDotted(text, 1, segments) : 1;
  } else if (text[0] === '[') {
    step = 0;
  } else {
    const end = matchName(text, 0);
    if (end === 0) return unexpected(text, 0);
    segments.push({ type: 'key', key: text.slice(0, end) });
    step = end;
  }
  while (typeof step === 'number' && step < text.length) {
    const char = text[step];
    if (char === '.') step = readDotted(text, step, segments);
    else if (char === '[') step = readBracket(text, step, segments);
    else return unexpected(text, step);
  }
  return typeof step === 'number' ? { ok: true, segments } : { ok: false, ...step };
}

/** Each reader consumes one segment and returns the next offset, or the problem it found. */
type Step = number | PathProblem;

function readDotted(text: string, dot: number, segments: PathSegment[]): Step {
  const end = matchName(text, dot + 1);
  if (end === dot + 1) {
    const next = text[dot + 1];
    if (next !== undefined && SPACE.test(next)) {
      return { reason: 'Unexpected space', position: dot + 1 };
    }
    return { reason: 'Expected a name after .', position: dot };
  }
  segments.push({ type: 'key', key: text.slice(dot + 1, end) });
  return end;
}

function readBracket(text: string, open: number, segments: PathSegment[]): Step {
  const quote = text[open + 1];
  if (quote === "'" || quote === '"') return readQuoted(text, open, quote, segments);
  const close = text.indexOf(']', open + 1);
  if (close < 0) return { reason: 'Unclosed [', position: open };
  const content = text.slice(open + 1, close);
  const space = content.search(SPACE);
  if (space >= 0) return { reason: 'Unexpected space', position: open + 1 + space };
  const position = open + 1;
  if (DIGITS.test(content)) {
    const index = Number(content);
    if (!Number.isSafeInteger(index)) return { reason: 'Index is too large', position };
    segments.push({ type: 'index', index });
    return close + 1;
  }
  if (NUMBER_LIKE.test(content)) {
    return { reason: 'Index must be a whole number (0 or more)', position };
  }
  if (isPathName(content) && content.length <= 40) {
    return { reason: `Keys in [ ] need quotes, like ['${content}'],`, position };
  }
  return { reason: 'Expected an index or a quoted key inside [ ]', position };
}

function readQuoted(text: string, open: number, quote: string, segments: PathSegment[]): Step {
  const chunks: string[] = [];
  let start = open + 2;
  let j = start;
  for (;;) {
    const char = text[j];
    if (char === undefined) return { reason: 'Unclosed quote', position: open + 1 };
    if (char === quote) break;
    if (char !== '\\') {
      j += 1;
      continue;
    }
    const escaped = text[j + 1];
    if (escaped === undefined) return { reason: 'Unclosed quote', position: open + 1 };
    if (escaped !== '\\' && escaped !== "'" && escaped !== '"') {
      const shown = String.fromCodePoint(text.codePointAt(j + 1) ?? 0);
      return { reason: `Unknown escape \\${shown} (use \\\\, \\' or \\")`, position: j };
    }
    chunks.push(text.slice(start, j), escaped);
    j += 2;
    start = j;
  }
  chunks.push(text.slice(start, j));
  const after = j + 1;
  if (after >= text.length) return { reason: 'Unclosed [', position: open };
  if (text[after] !== ']') return { reason: 'Expected ] after the quoted key', position: after };
  segments.push({ type: 'key', key: chunks.join('') });
  return after + 1;
}

function matchName(text: string, from: number): number {
  NAME.lastIndex = from;
  return NAME.test(text) ? NAME.lastIndex : from;
}

function unexpected(text: string, position: number): PathScan {
  const char = String.fromCodePoint(text.codePointAt(position) ?? 0);
  if (SPACE.test(char)) return { ok: false, reason: 'Unexpected space', position };
  return { ok: false, reason: `Unexpected character ${JSON.stringify(char)}`, position };
}

/** True when `key` can be written after a dot and parses back to the same key. */
export function isPathName(key: string): boolean {
  return WHOLE_NAME.test(key);
}

/**
 * The canonical text of a path: `a.b`, `['my key']`, `[0]`; a leading index or a leading
 * key that needs brackets gets `$` (`$[0].userId`, `$['my key']`). Throws a RangeError for
 * an index that is not a non-negative safe integer, since no path text could mean it.
 */
export function printPath(segments: readonly PathSegment[]): string {
  if (segments.length === 0) return '$';
  let out = '';
  segments.forEach((segment, position) => {
    const first = position === 0;
    if (segment.type === 'index') {
      if (!Number.isSafeInteger(segment.index) || segment.index < 0) {
        throw new RangeError(`Path index must be a whole number, 0 or more: ${segment.index}`);
      }
      out += `${first ? '$' : ''}[${segment.index}]`;
    } else if (isPathName(segment.key) && !(first && segment.key === '$')) {
      out += first ? segment.key : `.${segment.key}`;
    } else {
      out += `${first ? '$' : ''}['${segment.key.replace(/[\\']/g, (c) => `\\${c}`)}']`;
    }
  });
  return out;
}

/** The path one step below `parent`: numbers are array indices, strings are keys. */
export function childPath(parent: readonly PathSegment[], step: string | number): PathSegment[] {
  const segment: PathSegment =
    typeof step === 'number' && Number.isSafeInteger(step) && step >= 0
      ? { type: 'index', index: step }
      : { type: 'key', key: String(step) };
  return [...parent, segment];
}
