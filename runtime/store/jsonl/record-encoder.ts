// How a log record becomes the bytes of its line. Most of a record is serialized with
// JSON.stringify, but a webhook's JSON body already IS a serialization of itself: a
// `RawJson` value inside a record is written as its original bytes instead of being
// stringified again (the call log and the run's input both hold the body). That is what
// keeps the cost of a 100 KB call close to a bare JSON parse: `npm run bench:webhook`,
// case (c); JSON.stringify of a 100 KB body costs ~300 µs, copying its bytes ~5 µs.
import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { RecordEncodingError } from './record-encoding-error';

/**
 * A JSON value kept as the bytes it arrived as. Only for bytes that are one valid JSON text
 * in UTF-8 on a single line (no CR or LF: a line is a record), and whose parse is `value`.
 */
export class RawJson {
  #value: unknown;
  #parsed: boolean;

  /** `value`: what the bytes parse to, when the caller has it (else parsed if ever needed). */
  constructor(
    readonly bytes: Buffer,
    ...value: [] | [unknown]
  ) {
    this.#parsed = value.length > 0;
    this.#value = value[0];
  }

  /** What the bytes parse to: written instead when the bytes cannot be spliced in. */
  get value(): unknown {
    if (!this.#parsed) {
      this.#value = JSON.parse(this.bytes.toString('utf8'));
      this.#parsed = true;
    }
    return this.#value;
  }

  /** JSON.stringify calls this: a marker the encoder replaces with the bytes. */
  toJSON(): unknown {
    if (collecting === undefined) return this.value;
    collecting.push(this);
    return MARKER;
  }
}

/** A record's line, without its newline. */
export interface EncodedLine {
  /** One string, or strings and raw bytes in order. */
  parts: string | (string | Buffer)[];
  /** UTF-8 length of the whole line. */
  bytes: number;
}

// Unique per process, so no string a sender controls can look like it; and a stringified
// record with more markers than RawJson values is encoded without splicing anyway.
const MARKER = `\u0000raw-json:${randomBytes(9).toString('base64url')}\u0000`;
const QUOTED_MARKER = JSON.stringify(MARKER);
let collecting: RawJson[] | undefined;

/** The record's line. Throws RecordEncodingError if it cannot be written as JSON. */
export function encodeRecord(record: unknown): EncodedLine {
  const raws: RawJson[] = [];
  collecting = raws;
  let text: string;
  try {
    text = stringify(record);
  } finally {
    collecting = undefined;
  }
  if (raws.length === 0) return { parts: text, bytes: Buffer.byteLength(text) };
  const parts: (string | Buffer)[] = [];
  let bytes = 0;
  let from = 0;
  for (const raw of raws) {
    const at = text.indexOf(QUOTED_MARKER, from);
    if (at < 0) return plainly(record);
    const before = text.slice(from, at);
    parts.push(before, raw.bytes);
    bytes += Buffer.byteLength(before) + raw.bytes.length;
    from = at + QUOTED_MARKER.length;
  }
  if (text.includes(QUOTED_MARKER, from)) return plainly(record);
  const rest = text.slice(from);
  parts.push(rest);
  return { parts, bytes: bytes + Buffer.byteLength(rest) };
}

/** The record stringified with every RawJson as its value (no splicing). */
function plainly(record: unknown): EncodedLine {
  const text = stringify(record);
  return { parts: text, bytes: Buffer.byteLength(text) };
}

/** JSON.stringify, with its failures as RecordEncodingError. */
function stringify(record: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(record);
  } catch (error) {
    throw new RecordEncodingError(error);
  }
  if (text === undefined) throw new RecordEncodingError('it is not a JSON value');
  return text;
}

/** Writes the line into `into` at `offset`; returns the offset after it. */
export function writeLine(line: EncodedLine, into: Buffer, offset: number): number {
  if (typeof line.parts === 'string') return offset + into.write(line.parts, offset);
  let end = offset;
  for (const part of line.parts) {
    end += typeof part === 'string' ? into.write(part, end) : part.copy(into, end);
  }
  return end;
}

/** Raw parts from this size on are written from where they are, not copied (batchBuffers). */
const WRITTEN_IN_PLACE_BYTES = 16 * 1024;
const NEWLINE = 0x0a;

/**
 * The lines, each followed by a newline, as the buffers one gathered write (writev) puts
 * on disk in order: everything small copied together, and a raw part of 16 KB or more (a
 * webhook's body) written from the buffer it arrived in. Copying a 100 KB body into a batch
 * buffer for the call log and again for the run log made fresh 100 KB buffers that lived
 * until their fsync, long enough to be promoted, and only full GCs free promoted buffers:
 * `npm run bench:webhook`, case (c).
 */
export function batchBuffers(lines: readonly EncodedLine[]): Buffer[] {
  const buffers: Buffer[] = [];
  let small: (string | Buffer)[] = [];
  let smallBytes = 0;
  const flush = (): void => {
    if (smallBytes === 0) return;
    const into = Buffer.allocUnsafe(smallBytes);
    let end = 0;
    for (const part of small) {
      end += typeof part === 'string' ? into.write(part, end) : part.copy(into, end);
    }
    buffers.push(into);
    small = [];
    smallBytes = 0;
  };
  for (const line of lines) {
    const parts = typeof line.parts === 'string' ? [line.parts] : line.parts;
    for (const part of parts) {
      if (typeof part !== 'string' && part.length >= WRITTEN_IN_PLACE_BYTES) {
        flush();
        buffers.push(part);
        continue;
      }
      small.push(part);
      smallBytes += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
    }
    small.push(NEWLINE_BUFFER);
    smallBytes += 1;
  }
  flush();
  return buffers;
}
const NEWLINE_BUFFER = Buffer.from([NEWLINE]);

/** The line as text (for appends that are read back or validated). */
export function lineText(line: EncodedLine): string {
  if (typeof line.parts === 'string') return line.parts;
  const bytes = Buffer.allocUnsafe(line.bytes);
  writeLine(line, bytes, 0);
  return bytes.toString('utf8');
}

// Parsed bodies and the bytes they came from, for records that hold the body (a run's
// input) but not its bytes. Weak: the entry goes with the body. Valid because a parsed
// body is never changed: nodes read it through paths and write only variables.
const arrivedAs = new WeakMap<object, RawJson>();

/**
 * `value` as it arrived, when those bytes can go into a line as they are: UTF-8 without a
 * byte-order mark, and no CR or LF (pretty-printed JSON is stringified like any value).
 * Remembered for `asArrived(value)`.
 */
export function rawJsonOf(bytes: Buffer, value: unknown): RawJson | undefined {
  if (bytes.length === 0 || bytes[0] === 0xef) return undefined;
  if (bytes.indexOf(0x0a) !== -1 || bytes.indexOf(0x0d) !== -1) return undefined;
  if (!isUtf8(bytes)) return undefined;
  const raw = new RawJson(bytes, value);
  if (typeof value === 'object' && value !== null) arrivedAs.set(value, raw);
  return raw;
}

/** The value, or its RawJson when it is a body parsed from bytes `rawJsonOf` accepted. */
export function asArrived(value: unknown): unknown {
  return (typeof value === 'object' && value !== null && arrivedAs.get(value)) || value;
}

/** Forgets the bytes `value` arrived as (they no longer match it: a secret was cut out). */
export function forgetArrived(value: unknown): void {
  if (typeof value === 'object' && value !== null) arrivedAs.delete(value);
}
