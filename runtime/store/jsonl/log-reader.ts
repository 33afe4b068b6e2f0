// Reads for `page()` and `history()`. Both work from a snapshot of the segment list and
// stop at each segment's committed size, so they never see a half-written batch; a
// segment deleted by retention meanwhile simply yields nothing.
import { open, type FileHandle } from 'node:fs/promises';
import type { z } from 'zod';
import { ApiError } from '../../api/api-error';
import { isNotFound } from '../json-document';
import type { RecordLocation } from './id-index';
import { parseLine, readLinesBackward } from './line-reader';
import { readFully, type SegmentState } from './segment-files';

export interface PageQuery<R> {
  limit: number;
  /** The `next` of a previous page. */
  before?: string;
  filter?: (record: R) => boolean;
}

export interface LogPage<R> {
  items: R[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
}

/**
 * Newest first across segments. The cursor is the position (segment, byte offset) of the
 * last item returned; positions never change because segments are never rewritten.
 */
export async function readPage<R>(
  segments: readonly SegmentState[],
  schema: z.ZodType<R>,
  query: PageQuery<R>,
): Promise<LogPage<R>> {
  const { limit, before, filter } = query;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError('limit must be a positive integer');
  }
  const from = before === undefined ? undefined : decodeCursor(before);
  const found: { record: R; segment: number; offset: number }[] = [];
  for (const state of [...segments].reverse()) {
    if (from && state.segment > from.segment) continue;
    const end = from?.segment === state.segment ? Math.min(from.offset, state.bytes) : state.bytes;
    const handle = await openForRead(state.path);
    if (!handle) continue;
    try {
      for await (const line of readLinesBackward(handle, end)) {
        const parsed = parseLine(line.text, schema);
        if (!parsed.ok || (filter && !filter(parsed.record))) continue;
        found.push({ record: parsed.record, segment: state.segment, offset: line.offset });
        // One more than asked tells whether there is a next page.
        if (found.length > limit) break;
      }
    } finally {
      await handle.close();
    }
    if (found.length > limit) break;
  }
  const items = found.slice(0, limit).map((item) => item.record);
  const last = found[limit - 1];
  return found.length > limit && last ? { items, next: encodeCursor(last) } : { items };
}

/** A cursor before which every committed record lies; undefined when there are none. */
export function cursorAtEnd(segments: readonly SegmentState[]): string | undefined {
  const newest = segments.findLast((state) => state.records > 0);
  return newest && encodeCursor({ segment: newest.segment, offset: newest.bytes });
}

/** The records at `locations`, in that order; those whose segment is gone are skipped. */
export async function readAt<R>(
  locations: readonly RecordLocation[],
  segments: readonly SegmentState[],
  schema: z.ZodType<R>,
): Promise<R[]> {
  return (await readLinesAt(locations, segments, schema)).map((found) => found.record);
}

/** The same, with each record's line as it is on disk (without its newline). */
export async function readLinesAt<R>(
  locations: readonly RecordLocation[],
  segments: readonly SegmentState[],
  schema: z.ZodType<R>,
): Promise<{ record: R; line: Buffer }[]> {
  const found: { record: R; line: Buffer }[] = [];
  let handle: FileHandle | undefined;
  let current: number | undefined;
  try {
    for (const location of locations) {
      if (location.segment !== current) {
        await handle?.close();
        current = location.segment;
        const state = segments.find((segment) => segment.segment === current);
        handle = state ? await openForRead(state.path) : undefined;
      }
      if (!handle) continue;
      const line = Buffer.alloc(location.length);
      if ((await readFully(handle, line, location.offset)) < line.length) continue;
      const parsed = parseLine(line.toString('utf8'), schema);
      if (parsed.ok) found.push({ record: parsed.record, line });
    }
  } finally {
    await handle?.close();
  }
  return found;
}

function encodeCursor(position: { segment: number; offset: number }): string {
  return `${position.segment}.${position.offset}`;
}

function decodeCursor(cursor: string): { segment: number; offset: number } {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(cursor);
  if (!match) throw new ApiError(400, 'invalid_cursor', 'The page cursor is not valid');
  return { segment: Number(match[1]), offset: Number(match[2]) };
}

async function openForRead(path: string): Promise<FileHandle | undefined> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
