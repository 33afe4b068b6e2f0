// Which segments retention may delete. Whole segments only (a segment is never rewritten),
// and only a run of the oldest ones: the records kept are always a contiguous tail of the
// log, so an id loses its events oldest-first and `latest()` never has to fall back.

export interface RetentionPolicy {
  /** Keep at most this many newest events. */
  maxRecords?: number;
  /**
   * Keep at most this many newest ids (a run's records share its id): for logs whose
   * retention is set in things, not records ("keep 10,000 runs").
   */
  maxIds?: number;
  /** Drop events whose `at` is older than this. */
  maxAgeDays: number;
}

export interface SegmentSummary {
  /** Valid records in the segment. */
  records: number;
  /** Records in the segment that are the first of their id in the log (ids it started). */
  ids: number;
  /**
   * The newest `at` in the segment (ms). For a segment without valid records, the file's
   * modification time. A record whose `at` does not parse counts as the time it was read.
   */
  newestAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A limit that is missing or not a finite number means "no limit"; negative ones mean zero. */
function limit(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(0, value) : Infinity;
}

/**
 * How many of the oldest segments (`segments` is oldest first, the last one is the one
 * being appended to) hold only records beyond retention. A segment qualifies when every
 * one of its records is outside the newest `maxRecords`, every id it started is outside
 * the newest `maxIds`, or all of its records are older than `maxAgeDays`. A segment
 * mixing both kinds is kept: that errs on the side of keeping.
 */
export function droppableSegments(
  segments: readonly SegmentSummary[],
  policy: RetentionPolicy,
  now: Date,
): number {
  const maxRecords = limit(policy.maxRecords);
  const maxIds = limit(policy.maxIds);
  const cutoff = now.getTime() - limit(policy.maxAgeDays) * DAY_MS;
  // Records and ids in the segments newer than each one.
  const newer: { records: number; ids: number }[] = [];
  let records = 0;
  let ids = 0;
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    newer[i] = { records, ids };
    records += segments[i]?.records ?? 0;
    ids += segments[i]?.ids ?? 0;
  }
  let count = 0;
  for (const [i, segment] of segments.entries()) {
    const isActive = i === segments.length - 1;
    // An empty active segment is where the next append goes: nothing to gain by dropping it.
    if (isActive && segment.records === 0) break;
    const beyondCount = (newer[i]?.records ?? 0) >= maxRecords || (newer[i]?.ids ?? 0) >= maxIds;
    const beyondAge = segment.newestAt < cutoff;
    if (!beyondCount && !beyondAge) break;
    count += 1;
  }
  return count;
}
