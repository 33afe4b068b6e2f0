// How deep a request body may nest. Everything Hookflow does with a body after the answer —
// the run record (JSON.stringify), copies for listeners (structuredClone), the designer's
// tree — recurses once per level, and on Node's default stack JSON.stringify overflows at
// ~4,100 levels and structuredClone at ~3,200 (Node 20 and 24 alike, measured). A body
// deeper than that was acknowledged and then could not be recorded, so its run was lost.
// So bodies are refused at parse time, before any 2xx, far below those depths:
//   JSON   arrays and objects nested more than MAX_BODY_NESTING levels
//   XML    elements nested more than MAX_BODY_NESTING levels (fast-xml-parser's own
//          `maxNestedTags`; its value nests at most twice as deep: arrays of repeats)
//   forms  cannot get there: field names nest at most MAX_FIELD_DEPTH (20) levels
//          (form-fields.ts), and text and binary bodies do not nest at all.
// Admin API bodies (manual runs, imports) get the same JSON limit (admin-app.ts).
import { ApiError } from '../api/api-error';

export const MAX_BODY_NESTING = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Per ASCII code: +1 opens a level, -1 closes one, 2 starts a string, 0 anything else. */
const STEP = new Int8Array(128);
STEP[0x5b] = 1; // [
STEP[0x7b] = 1; // {
STEP[0x5d] = -1; // ]
STEP[0x7d] = -1; // }
STEP[QUOTE] = 2;
/** Strings up to this long are stepped over inline; longer ones with native indexOf. */
const INLINE_STRING = 24;

/**
 * The index where a JSON text first nests deeper than `limit` arrays and objects, or -1.
 * For text JSON.parse accepted (an invalid one cannot make it fail or loop either). One
 * forward pass: short strings are stepped over inline, long ones (most of a large body's
 * bytes) with native indexOf. A text shorter than 2 × (limit + 1) cannot nest that deep
 * and is not scanned at all. Measured on a 100 KB body: ~25 % of JSON.parse's time.
 */
export function jsonNestingOverflow(text: string, limit: number = MAX_BODY_NESTING): number {
  const length = text.length;
  if (length < 2 * (limit + 1)) return -1;
  let depth = 0;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    const step = c < 128 ? (STEP[c] ?? 0) : 0;
    if (step === 0) continue;
    if (step === 2) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
      continue;
    }
    depth += step;
    if (depth > limit) return i;
  }
  return -1;
}

/** Index of the quote that closes the string opened at `open`, or -1 if it never closes. */
function stringEnd(text: string, open: number): number {
  const stop = Math.min(text.length, open + 1 + INLINE_STRING);
  for (let i = open + 1; i < stop; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i;
    if (c === BACKSLASH) break;
  }
  for (let at = text.indexOf('"', open + 1); at > 0; at = text.indexOf('"', at + 1)) {
    // Escaped when preceded by an odd number of backslashes.
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** The answer to a body nested too deep: 413, like the other limits a body can exceed. */
export function tooDeeplyNested(what: 'arrays and objects' | 'elements'): ApiError {
  return new ApiError(
    413,
    'body_too_deep',
    `The body nests ${what} more than ${MAX_BODY_NESTING} levels deep; ` +
      `Hookflow accepts at most ${MAX_BODY_NESTING}.`,
    { maxNesting: MAX_BODY_NESTING },
  );
}
