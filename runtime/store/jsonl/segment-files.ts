// Segment files on disk: `<dir>/<zero-padded number>.jsonl`. Numbers only grow, so a name
// is never reused and a page cursor (segment, byte offset) stays meaningful forever.
import { constants } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory } from '../atomic-file';

/**
 * Where the platform has O_DSYNC (Linux, macOS), segments are opened with it: each write
 * returns once its data is durable, as write + fdatasync would, in one call instead of
 * two. On the webhook hot path that halves the trips through libuv's thread pool, and
 * under load each trip waits for a turn of a busy event loop. Elsewhere (Windows) the
 * writer syncs after writing.
 */
export const WRITES_ARE_SYNCED = constants.O_DSYNC !== undefined;
const DSYNC = constants.O_DSYNC ?? 0;

const SEGMENT_NAME = /^(\d+)\.jsonl$/;

export function segmentPath(dir: string, segment: number): string {
  return join(dir, `${String(segment).padStart(8, '0')}.jsonl`);
}

/** What the log knows about one retained segment. */
export interface SegmentState {
  segment: number;
  path: string;
  /** Committed bytes: readers never look past this. */
  bytes: number;
  /** Valid records. */
  records: number;
  /** Records that are the first of their id in the log (see `SegmentSummary`). */
  ids: number;
  /** Newest `at` in ms (see `SegmentSummary` in retention.ts). */
  newestAt: number;
}

export interface SegmentEntry {
  segment: number;
  path: string;
  /** False for something that is not a regular file (it is reported and skipped). */
  isFile: boolean;
  mtimeMs: number;
}

/** The segment files in `dir`, oldest first. Other files (kept torn tails…) are ignored. */
export async function listSegments(dir: string): Promise<SegmentEntry[]> {
  const entries: SegmentEntry[] = [];
  for (const name of await readdir(dir)) {
    const match = SEGMENT_NAME.exec(name);
    if (!match?.[1]) continue;
    const path = join(dir, name);
    const info = await stat(path);
    entries.push({ segment: Number(match[1]), path, isFile: info.isFile(), mtimeMs: info.mtimeMs });
  }
  return entries.sort((a, b) => a.segment - b.segment);
}

/** Creates a new, empty segment and makes its directory entry durable. Never overwrites. */
export async function createSegment(dir: string, segment: number): Promise<FileHandle> {
  const flags = constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | DSYNC;
  const handle = await open(segmentPath(dir, segment), flags, 0o600);
  try {
    await syncDirectory(dir);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Opens an existing segment for appending (see WRITES_ARE_SYNCED). */
export function openSegment(dir: string, segment: number): Promise<FileHandle> {
  return open(segmentPath(dir, segment), constants.O_RDWR | DSYNC);
}

/**
 * The buffers at `position`, in order, in one gathered write. A write may write less than
 * asked (disk nearly full, signals): loop until all is out.
 */
export async function writeFully(
  handle: FileHandle,
  data: readonly Buffer[],
  position: number,
): Promise<void> {
  let pending = data.filter((buffer) => buffer.length > 0);
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await handle.writev(pending, at);
    if (bytesWritten === 0) throw new Error('The disk accepted no bytes');
    at += bytesWritten;
    pending = unwritten(pending, bytesWritten);
  }
}

/** What is left of `buffers` once their first `written` bytes are out. */
export function unwritten(buffers: Buffer[], written: number): Buffer[] {
  let skip = written;
  let first = 0;
  while (first < buffers.length && skip >= (buffers[first]?.length ?? 0)) {
    skip -= buffers[first]?.length ?? 0;
    first += 1;
  }
  const rest = buffers.slice(first);
  if (rest[0] && skip > 0) rest[0] = rest[0].subarray(skip);
  return rest;
}

export async function readFully(
  handle: FileHandle,
  into: Buffer,
  position: number,
): Promise<number> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}
