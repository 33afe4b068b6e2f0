// Where known secrets occur in a text or a buffer: the search behind redact-values.ts.
// With a few patterns, one native indexOf each (V8's Boyer-Moore-Horspool skips most of a
// body); with many, one rolling-hash pass whatever their number: a window of WINDOW units
// hashed as it slides, a 64 KiB bitmap filter, then an exact compare on a hit.

/** Every pattern is at least this long: the rolling hash's window. */
export const WINDOW = 8;
/**
 * Up to this many patterns, one native search each beats the hash pass. Measured on a
 * 2-core Xeon with a 100 KB JSON body: native ~10 µs for 1 pattern, ~35 µs for 8, ~100 µs
 * for 16, ~190 µs for 32; the hash pass ~330 µs for any number.
 */
const NATIVE_SEARCH_MAX_PATTERNS = 16;

const BASE = 0x01000193;
const FILTER_MASK = 0xffff;
/** BASE^(WINDOW-1) mod 2^32: the weight of the unit that leaves the window. */
const LEAVING_WEIGHT = (() => {
  let weight = 1;
  for (let i = 1; i < WINDOW; i += 1) weight = Math.imul(weight, BASE);
  return weight;
})();

interface Pattern {
  text: string;
  bytes: Buffer;
}

/** Half-open [start, end) ranges, flat: start0, end0, start1, end1… Sorted, disjoint. */
export type Ranges = number[];

export class SecretMatcher {
  readonly #patterns: Pattern[];
  readonly #hashed: boolean;
  /** Rolling-hash tables (many patterns only): by text units and by UTF-8 bytes. */
  readonly #byTextHash = new Map<number, Pattern[]>();
  readonly #byBytesHash = new Map<number, Pattern[]>();
  readonly #textFilter = new Uint8Array(FILTER_MASK + 1);
  readonly #bytesFilter = new Uint8Array(FILTER_MASK + 1);

  /** `texts`: distinct patterns, each at least WINDOW long. */
  constructor(texts: readonly string[]) {
    this.#patterns = texts.map((text) => ({ text, bytes: Buffer.from(text) }));
    this.#hashed = this.#patterns.length > NATIVE_SEARCH_MAX_PATTERNS;
    if (!this.#hashed) return;
    for (const pattern of this.#patterns) {
      index(this.#byTextHash, this.#textFilter, textHash(pattern.text), pattern);
      index(this.#byBytesHash, this.#bytesFilter, bytesHash(pattern.bytes), pattern);
    }
  }

  get size(): number {
    return this.#patterns.length;
  }

  textRanges(text: string): Ranges {
    if (text.length < WINDOW || this.size === 0) return [];
    return this.#hashed ? this.#hashTextRanges(text) : this.#nativeTextRanges(text);
  }

  bytesRanges(bytes: Buffer): Ranges {
    if (bytes.length < WINDOW || this.size === 0) return [];
    return this.#hashed ? this.#hashBytesRanges(bytes) : this.#nativeBytesRanges(bytes);
  }

  #nativeTextRanges(text: string): Ranges {
    return searchEach(
      this.#patterns,
      (pattern, from) => text.indexOf(pattern.text, from),
      (pattern) => pattern.text.length,
    );
  }

  #nativeBytesRanges(bytes: Buffer): Ranges {
    return searchEach(
      this.#patterns,
      (pattern, from) => bytes.indexOf(pattern.bytes, from),
      (pattern) => pattern.bytes.length,
    );
  }

  #hashTextRanges(text: string): Ranges {
    const ranges: Ranges = [];
    const filter = this.#textFilter;
    let hash = textHash(text);
    for (let start = 0; ; start += 1) {
      if (filter[filterSlot(hash)] === 1) {
        for (const pattern of this.#byTextHash.get(hash) ?? []) {
          if (text.startsWith(pattern.text, start)) ranges.push(start, start + pattern.text.length);
        }
      }
      const end = start + WINDOW;
      if (end >= text.length) break;
      hash = roll(hash, text.charCodeAt(start), text.charCodeAt(end));
    }
    return merged(ranges);
  }

  #hashBytesRanges(bytes: Buffer): Ranges {
    const ranges: Ranges = [];
    const filter = this.#bytesFilter;
    let hash = bytesHash(bytes);
    for (let start = 0; ; start += 1) {
      if (filter[filterSlot(hash)] === 1) {
        for (const pattern of this.#byBytesHash.get(hash) ?? []) {
          const end = start + pattern.bytes.length;
          if (end <= bytes.length && pattern.bytes.compare(bytes, start, end) === 0) {
            ranges.push(start, end);
          }
        }
      }
      const end = start + WINDOW;
      if (end >= bytes.length) break;
      hash = roll(hash, bytes[start] ?? 0, bytes[end] ?? 0);
    }
    return merged(ranges);
  }
}

/** Every occurrence of every pattern, one native search after another. */
function searchEach(
  patterns: readonly Pattern[],
  find: (pattern: Pattern, from: number) => number,
  lengthOf: (pattern: Pattern) => number,
): Ranges {
  const ranges: Ranges = [];
  for (const pattern of patterns) {
    const length = lengthOf(pattern);
    for (let at = find(pattern, 0); at >= 0; at = find(pattern, at + 1)) {
      ranges.push(at, at + length);
    }
  }
  return merged(ranges);
}

function index(table: Map<number, Pattern[]>, filter: Uint8Array, hash: number, p: Pattern) {
  const list = table.get(hash);
  if (list) list.push(p);
  else table.set(hash, [p]);
  filter[filterSlot(hash)] = 1;
}

function filterSlot(hash: number): number {
  return (hash ^ (hash >>> 16)) & FILTER_MASK;
}

function roll(hash: number, leaving: number, entering: number): number {
  return (Math.imul(hash - Math.imul(leaving, LEAVING_WEIGHT), BASE) + entering) | 0;
}

/** The hash of the first WINDOW code units (missing units count as 0). */
function textHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < WINDOW; i += 1) {
    hash = (Math.imul(hash, BASE) + (i < text.length ? text.charCodeAt(i) : 0)) | 0;
  }
  return hash;
}

function bytesHash(bytes: Buffer): number {
  let hash = 0;
  for (let i = 0; i < WINDOW; i += 1) {
    hash = (Math.imul(hash, BASE) + (bytes[i] ?? 0)) | 0;
  }
  return hash;
}

/** Sorted by start, overlapping ranges joined (adjacent ones stay two). */
function merged(ranges: Ranges): Ranges {
  if (ranges.length <= 2) return ranges;
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i] ?? 0, ranges[i + 1] ?? 0]);
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Ranges = [];
  for (const [start, end] of pairs) {
    const last = out.length - 1;
    if (last > 0 && start < (out[last] ?? 0)) out[last] = Math.max(out[last] ?? 0, end);
    else out.push(start, end);
  }
  return out;
}
