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

/**
 * Whether a parsed JSON value nests deeper than `limit` arrays and objects. Checked on the
 * value, after the parse (V8's JSON.parse is iterative, so any depth parses), with an
 * explicit stack so no depth can overflow this walk either. Only arrays and objects are
 * visited: on a 100 KB order body this costs ~0.04 ms against ~0.3 ms for a scan of the
 * text and ~0.4 ms for the parse itself (`npm run bench:webhook`, case (c)).
 */
export function jsonNestingExceeds(root: unknown, limit: number = MAX_BODY_NESTING): boolean {
  if (typeof root !== 'object' || root === null) return false;
  const values: object[] = [root];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth > limit) return true;
    if (Array.isArray(value)) {
      for (const child of value as unknown[]) {
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    // JSON.parse makes plain objects: own enumerable keys only (a `__proto__` key too).
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
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
