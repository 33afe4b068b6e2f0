// Reading a path out of untrusted data (webhook payloads, API responses, variables).
// Only own properties are read, so `__proto__`, `constructor` or `toString` can never
// reach the prototype chain, and nothing here throws: a path that does not fit the data
// simply reads as undefined.
import { scanPath, type PathSegment } from './path-syntax';

/** `0`, `1`, `42` — not `01`, `-1`, `1.0`: the only keys that name an array element. */
const CANONICAL_INDEX = /^(?:0|[1-9][0-9]*)$/;

export function readPath(root: unknown, path: string | readonly PathSegment[]): unknown {
  let segments: readonly PathSegment[];
  if (typeof path === 'string') {
    const scanned = scanPath(path);
    if (!scanned.ok) return undefined;
    segments = scanned.segments;
  } else {
    segments = path;
  }
  let current = root;
  try {
    for (const segment of segments) {
      current = readStep(current, segment);
      if (current === undefined) return undefined;
    }
  } catch {
    // Only caller-built objects can throw here (a throwing getter); payload data never does.
    return undefined;
  }
  return current;
}

/**
 * One step down. Arrays answer indices (and index-shaped keys, so `items.0` works) but no
 * named keys — not even `length` — because payloads are JSON and JSON arrays have none.
 * Objects answer own keys, and an index reads the key of the same digits (`{ "0": … }`).
 */
function readStep(value: unknown, segment: PathSegment): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    const index =
      segment.type === 'index'
        ? segment.index
        : CANONICAL_INDEX.test(segment.key)
          ? Number(segment.key)
          : -1;
    return Number.isSafeInteger(index) && index >= 0 ? readOwn(value, String(index)) : undefined;
  }
  return readOwn(value, segment.type === 'index' ? String(segment.index) : segment.key);
}

function readOwn(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
}
