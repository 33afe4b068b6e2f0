// Reads JSON Lines segments in bounded chunks, so a big segment never blocks the event
// loop and never sits in memory whole. Lines are split on the byte `\n` before decoding,
// so a UTF-8 character cut by a chunk edge is never mangled; offsets are byte offsets.
import type { FileHandle } from 'node:fs/promises';
import type { z } from 'zod';
import { readFully } from './segment-files';

const NEWLINE = 0x0a;
const FORWARD_CHUNK = 256 * 1024;
const BACKWARD_CHUNK = 64 * 1024;

export interface Line {
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** Length in bytes, without the `\n`. */
  length: number;
  text: string;
  /** False only for a last line with no `\n`: an interrupted write. */
  terminated: boolean;
}

/** Every line from the start of the file, oldest first. */
export async function* readLinesForward(handle: FileHandle): AsyncGenerator<Line> {
  const buffer = Buffer.allocUnsafe(FORWARD_CHUNK);
  let position = 0;
  let carry = Buffer.alloc(0);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const data =
      carry.length > 0
        ? Buffer.concat([carry, buffer.subarray(0, bytesRead)])
        : buffer.subarray(0, bytesRead);
    const dataOffset = position - carry.length;
    position += bytesRead;
    let start = 0;
    for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
      const text = data.toString('utf8', start, end);
      yield { offset: dataOffset + start, length: end - start, text, terminated: true };
      start = end + 1;
    }
    // Copied: `buffer` is reused by the next read.
    carry = Buffer.from(data.subarray(start));
  }
  if (carry.length > 0) {
    const offset = position - carry.length;
    yield { offset, length: carry.length, text: carry.toString('utf8'), terminated: false };
  }
}

/**
 * The lines that end before byte `end`, newest first. `end` must be a line boundary
 * (a line's start offset, or the committed size of the segment).
 */
export async function* readLinesBackward(handle: FileHandle, end: number): AsyncGenerator<Line> {
  let position = end;
  // Bytes after `position` not yet yielded: the tail of a line whose start is further back.
  let carry = Buffer.alloc(0);
  while (position > 0) {
    const start = Math.max(0, position - BACKWARD_CHUNK);
    const chunk = Buffer.allocUnsafe(position - start);
    const read = await readFully(handle, chunk, start);
    if (read < chunk.length) return; // the file shrank under us (deleted by retention)
    const data = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk;
    // `data` covers [start, start + data.length) and ends just after a line's `\n`.
    let lineEnd = data.length - 1;
    for (;;) {
      const previous = lineEnd > 0 ? data.lastIndexOf(NEWLINE, lineEnd - 1) : -1;
      if (previous === -1 && start > 0) {
        carry = Buffer.from(data.subarray(0, lineEnd + 1));
        break;
      }
      const lineStart = previous + 1;
      const text = data.toString('utf8', lineStart, lineEnd);
      yield { offset: start + lineStart, length: lineEnd - lineStart, text, terminated: true };
      if (previous === -1) break;
      lineEnd = previous;
    }
    position = start;
  }
}

export type ParsedLine<R> =
  { ok: true; record: R } | { ok: false; reason: 'not-json' | 'wrong-shape' };

export function parseLine<R>(text: string, schema: z.ZodType<R>): ParsedLine<R> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, reason: 'wrong-shape' };
}
