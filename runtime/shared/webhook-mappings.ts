// Mappings that find nothing (seed 001 "Variable Mappings"): a path with a typo such as
// `body.custmer.phone` reads nothing from the call, and its variable is left empty. The
// run's step says which did (the executor), and the inspector warns against the newest
// logged call before a run ever does. Browser-safe: both sides use these functions.
import { printPath, readPath, tryParsePath, type PathSegment } from '../paths';

export interface MappingLike {
  path: string;
  variable: string;
}

export interface MappingMiss {
  /** The mapping's row. */
  index: number;
  path: string;
  variable: string;
  /** A path of the same shape that does find a value (a typo fixed), if there is one. */
  suggestion?: string;
}

/** What of a call mapping paths read: the run's scope at the trigger, variables aside. */
export interface CallParts {
  body?: unknown;
  query?: unknown;
  headers?: unknown;
  params?: unknown;
  ip?: unknown;
  method?: unknown;
}

/** The line a run's step shows for a mapping that found nothing. */
export function mappingMissText(miss: Pick<MappingMiss, 'path' | 'variable'>): string {
  return `Mapping ${miss.path} → ${miss.variable} found nothing in the call: ${miss.variable} is empty`;
}

/**
 * The mappings whose path finds no value in `scope` (a call, or a run's scope). A path
 * that does not parse is left out: it is a publish problem of its own.
 */
export function mappingMisses(
  mappings: readonly MappingLike[],
  scope: Readonly<Record<string, unknown>>,
): MappingMiss[] {
  const misses: MappingMiss[] = [];
  mappings.forEach((mapping, index) => {
    const parsed = tryParsePath(mapping.path.trim());
    if (!parsed.ok || readPath(scope, parsed.segments) !== undefined) return;
    const suggestion = suggestPath(scope, parsed.segments);
    misses.push({
      index,
      path: mapping.path.trim(),
      variable: mapping.variable,
      ...(suggestion ? { suggestion } : {}),
    });
  });
  return misses;
}

/** mappingMisses against a logged call, as the trigger's run would read it. */
export function mappingMissesInCall(
  mappings: readonly MappingLike[],
  call: CallParts,
): MappingMiss[] {
  const scope = {
    body: call.body,
    query: call.query,
    headers: call.headers,
    params: call.params,
    ip: call.ip,
    method: call.method,
  };
  // `trigger.…` reads the run's own details, which no logged call has.
  return mappingMisses(mappings, scope).filter((miss) => !/^trigger\b/.test(miss.path));
}

/**
 * The path with each key that finds nothing replaced by the closest key present at that
 * level (a letter or two off, or another case), if the result finds a value.
 */
function suggestPath(
  root: Readonly<Record<string, unknown>>,
  segments: readonly PathSegment[],
): string | undefined {
  const fixed: PathSegment[] = [];
  let current: unknown = root;
  for (const segment of segments) {
    let next = readPath(current, [segment]);
    let step = segment;
    if (next === undefined && segment.type === 'key') {
      const key = closestKey(current, segment.key);
      if (key === undefined) return undefined;
      step = { type: 'key', key };
      next = readPath(current, [step]);
    }
    if (next === undefined) return undefined;
    fixed.push(step);
    current = next;
  }
  return printPath(fixed);
}

function closestKey(value: unknown, wanted: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const lower = wanted.toLowerCase();
  const allowed = wanted.length >= 5 ? 2 : 1;
  let best: { key: string; distance: number } | undefined;
  for (const key of Object.keys(value).slice(0, 500)) {
    const distance = key.toLowerCase() === lower ? 0 : editDistance(key.toLowerCase(), lower);
    if (distance <= allowed && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** Levenshtein distance, for short keys only (bounded by the callers' key lengths). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(
        Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 3;
}
