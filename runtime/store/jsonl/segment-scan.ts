// Reading a segment back on open. A last line without `\n` (or, in the newest segment,
// one that is not JSON) is what a crash mid-write leaves: it was never acknowledged, so it
// is cut off — after a copy is kept beside the segment — and reported. Other bad lines are
// skipped and reported once per file; valid data is never touched.
import { open } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';
import type { StoreProblems } from '../store-problems';
import { parseLine, readLinesForward, type Line } from './line-reader';
import { readFully } from './segment-files';

export interface ScanOptions<R extends { at: string }> {
  path: string;
  schema: z.ZodType<R>;
  /** The newest segment: the one a crash can have left mid-line. */
  newest: boolean;
  problems: StoreProblems | undefined;
  onRecord: (record: R, line: Line) => void;
}

export interface ScanResult {
  /** Size of the valid data (after a torn tail was cut off). */
  bytes: number;
  records: number;
  /** Newest `at` in ms (-Infinity when there are no records). */
  newestAt: number;
}

export async function scanSegment<R extends { at: string }>(
  options: ScanOptions<R>,
): Promise<ScanResult> {
  const { path, schema, newest, problems, onRecord } = options;
  let records = 0;
  let invalid = 0;
  let newestAt = -Infinity;
  let size = 0;
  let last: { line: Line; notJson: boolean } | undefined;
  const handle = await open(path, 'r');
  try {
    for await (const line of readLinesForward(handle)) {
      size = line.offset + line.length + (line.terminated ? 1 : 0);
      if (!line.terminated) {
        last = { line, notJson: true };
        break;
      }
      const parsed = parseLine(line.text, schema);
      last = { line, notJson: !parsed.ok && parsed.reason === 'not-json' };
      if (!parsed.ok) {
        invalid += 1;
        continue;
      }
      records += 1;
      newestAt = Math.max(newestAt, timeOf(parsed.record.at));
      onRecord(parsed.record, line);
    }
  } finally {
    await handle.close();
  }

  let bytes = size;
  const torn = last && (!last.line.terminated || (newest && last.notJson)) ? last.line : undefined;
  if (torn) {
    if (torn.terminated) invalid -= 1;
    bytes = torn.offset;
    const keptAt = await cutTail(path, torn.offset, size);
    problems?.add({
      path,
      keptAt,
      reason:
        `${path} ended with an incomplete line of ${size - torn.offset} bytes (a write was ` +
        `interrupted); it was removed from the log and kept at ${keptAt}`,
    });
  }
  if (invalid > 0) {
    problems?.add({
      path,
      keptAt: path,
      reason: `${path} has ${invalid} invalid line${invalid === 1 ? '' : 's'}; they are skipped and left in place`,
    });
  }
  return { bytes, records, newestAt };
}

/** A time that does not parse counts as now (when it was read or appended), to err on keeping. */
export function timeOf(at: string): number {
  const time = Date.parse(at);
  return Number.isNaN(time) ? Date.now() : time;
}

async function cutTail(path: string, from: number, size: number): Promise<string> {
  const handle = await open(path, 'r+');
  try {
    const tail = Buffer.alloc(size - from);
    await readFully(handle, tail, from);
    const keptAt = `${path}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await writeFileAtomic(keptAt, tail);
    await handle.truncate(from);
    await handle.datasync();
    return keptAt;
  } finally {
    await handle.close();
  }
}
