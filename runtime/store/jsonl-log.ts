// Append-only JSON Lines log in segment files, for inbound calls and run logs. On the
// webhook hot path: a call is appended durably before its 2xx goes out, so appends are
// group-committed (one write+fsync for everything that queued meanwhile). Records are
// events: a later record with the same id supersedes an earlier one for `latest()`.
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { silentLogger, type Logger } from '../logger';
import { syncDirectory } from './atomic-file';
import { GroupCommit, SerialLock } from './jsonl/group-commit';
import { IdIndex } from './jsonl/id-index';
import {
  cursorAtEnd,
  readAt,
  readLinesAt,
  readPage,
  type LogPage,
  type PageQuery,
} from './jsonl/log-reader';
import { droppableSegments, type RetentionPolicy } from './jsonl/retention';
import { listSegments, type SegmentState } from './jsonl/segment-files';
import { scanSegment, timeOf } from './jsonl/segment-scan';
import { batchBuffers, encodeRecord, lineText, type EncodedLine } from './jsonl/record-encoder';
import { SegmentWriter, type SegmentLimits } from './jsonl/segment-writer';
import type { StoreProblems } from './store-problems';

export type { RetentionPolicy } from './jsonl/retention';
export type { LogPage, PageQuery } from './jsonl/log-reader';
export { RecordEncodingError } from './jsonl/record-encoding-error';

export interface LogRecord {
  id: string;
  /** ISO time. */
  at: string;
  [key: string]: unknown;
}

export interface JsonlLogOptions<R extends LogRecord, L = R> {
  /** Created 0700 if missing. */
  dir: string;
  /** Each line is validated on read; invalid lines are skipped and reported. */
  schema: z.ZodType<R>;
  /** Rotate to a new segment file when the next write would exceed this. Default 16 MiB. */
  maxSegmentBytes?: number;
  /** …or would hold more records than this. Default 2048. */
  maxSegmentRecords?: number;
  /** Read on each retention pass, so settings changes apply without reopening. */
  retention?: () => RetentionPolicy;
  /** Torn or corrupt data found on open is reported here, never thrown. */
  problems?: StoreProblems;
  /** Where a failed background retention pass is reported. */
  logger?: Logger;
  /**
   * What `latest()` keeps in memory for each id; the whole record by default. A log of
   * large records (inbound calls with bodies) keeps a small projection so memory stays
   * bounded; `readLatest()` reads the whole record from disk.
   */
  project?: (record: R) => L;
  /**
   * Re-parse and validate each record as it is appended (default true), so one that would
   * be skipped on read is refused instead. Hot logs whose records are built by typed code
   * (the call log, the run log) turn it off: serialization is then the only JSON pass,
   * and the in-memory copy is the projection, or a parse of the line without the schema.
   */
  validateAppends?: boolean;
}

export interface JsonlLogStats {
  /** Records appended since open. */
  appends: number;
  /** Data syncs issued for appends (one per group commit). */
  fsyncs: number;
  segments: number;
  /** Valid records in the retained segments. */
  records: number;
}

// Retention deletes whole segments, so up to one segment of records beyond retention stays
// on disk and in the in-memory index: 2048 records keeps that to ~2k webhook calls or runs
// (an 8k-record segment held ~3 MB of heap). Segments of large records (100 KB webhook
// bodies) are cut by size instead, at 16 MiB: cut at 2 MiB, each log started a new file
// (create + directory fsync, under the write lock) every ~20 calls, ~15 % of the req/s of
// `npm run bench:webhook` case (c).
const DEFAULT_MAX_SEGMENT_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_SEGMENT_RECORDS = 2048;
const RETENTION_INTERVAL_MS = 60_000;

/**
 * A record waiting for its batch's write: what the index needs, not the record itself, so
 * a caller's objects (a finished run, its input) are not kept alive until the write lands.
 */
interface EncodedRecord<L> {
  id: string;
  at: string;
  /** What `latest()` will answer for the id. */
  latest: L;
  /** The line without its newline (its UTF-8 length: the batch is encoded as one buffer). */
  line: EncodedLine;
}

export class JsonlLog<R extends LogRecord, L = R> {
  readonly #lock = new SerialLock();
  readonly #commits: GroupCommit<EncodedRecord<L>[]>;
  readonly #logger: Logger;
  readonly #project: (record: R) => L;
  #closed = false;
  #appends = 0;
  #lastRetention = 0;
  #segmentsAtRetention = 0;

  private constructor(
    private readonly options: JsonlLogOptions<R, L>,
    private readonly segments: SegmentState[],
    private readonly index: IdIndex<L>,
    private readonly writer: SegmentWriter,
    project: (record: R) => L,
  ) {
    this.#logger = options.logger ?? silentLogger;
    this.#project = project;
    this.#commits = new GroupCommit(this.#lock, segmentLimits(options), (batches) =>
      this.#commit(batches.flat()),
    );
  }

  static async open<R extends LogRecord, L = R>(
    options: JsonlLogOptions<R, L>,
  ): Promise<JsonlLog<R, L>> {
    const { dir, schema, problems } = options;
    // Without a projection L is R (the default type argument), so identity is exact.
    const project = options.project ?? ((record: R) => record as unknown as L);
    const created = await mkdir(dir, { recursive: true, mode: 0o700 });
    // New folders' entries must be durable too, or a power cut could lose the whole log.
    for (let folder = resolve(dir); created !== undefined; folder = dirname(folder)) {
      await syncDirectory(dirname(folder));
      if (folder === resolve(created) || dirname(folder) === folder) break;
    }
    const entries = await listSegments(dir);
    const segments: SegmentState[] = [];
    const index = new IdIndex<L>();
    const files = entries.filter((entry) => entry.isFile);
    for (const entry of entries) {
      if (entry.isFile) continue;
      problems?.add({
        path: entry.path,
        keptAt: entry.path,
        reason: `${entry.path} is not a file; it is ignored`,
      });
    }
    // Oldest first, so a later event for an id overrides an earlier one in the index.
    for (const [i, entry] of files.entries()) {
      let ids = 0;
      const scanned = await scanSegment({
        path: entry.path,
        schema,
        newest: i === files.length - 1,
        problems,
        onRecord: (record, line) => {
          if (!index.has(record.id)) ids += 1;
          index.add(record.id, project(record), {
            segment: entry.segment,
            offset: line.offset,
            length: line.length,
          });
        },
      });
      segments.push({
        segment: entry.segment,
        path: entry.path,
        bytes: scanned.bytes,
        records: scanned.records,
        ids,
        // An empty segment is as old as its last write.
        newestAt: scanned.records > 0 ? scanned.newestAt : entry.mtimeMs,
      });
    }

    const limits = segmentLimits(options);
    const onCreated = (segment: number, path: string): void =>
      void segments.push({ segment, path, bytes: 0, records: 0, ids: 0, newestAt: -Infinity });
    const newest = segments.at(-1);
    const highest = entries.at(-1)?.segment ?? 0;
    // Resume the newest segment, unless something that is not a segment file holds a
    // higher number: then start past it, so rotation never collides with it.
    const writer =
      newest && newest.segment === highest
        ? await SegmentWriter.resume(dir, newest.segment, newest, limits, onCreated)
        : await SegmentWriter.create(dir, highest + 1, limits, onCreated);
    const log = new JsonlLog(options, segments, index, writer, project);
    if (options.retention) await log.applyRetention();
    return log;
  }

  /**
   * Resolves once the record is fsync'd. Rejects (nothing written) if it fails its schema,
   * with RecordEncodingError if it cannot be written as JSON, or with the write's error.
   */
  append(record: R): Promise<void> {
    return this.appendMany([record]);
  }

  /** All or nothing for validation; the records are committed together, in order. */
  async appendMany(records: R[]): Promise<void> {
    if (this.#closed) throw new Error('The log is closed');
    // Stored as read back: serialized, reparsed and validated, so `latest()` now and after
    // a restart agree, and a record that would be skipped on read is refused here instead.
    const validate = this.options.validateAppends !== false;
    const copy = !validate && this.options.project === undefined;
    const encoded = records.map((record): EncodedRecord<L> => {
      // Throws RecordEncodingError: the caller can tell "never encodes" from "not written".
      const line = encodeRecord(record);
      const stored = validate
        ? this.options.schema.parse(JSON.parse(lineText(line)))
        : // The index must not share objects the caller may change later. The text was
          // serialized from an R just above, so reading it back gives an R.
          copy
          ? (JSON.parse(lineText(line)) as R)
          : record;
      return { id: stored.id, at: stored.at, latest: this.#project(stored), line };
    });
    if (encoded.length === 0) return;
    const bytes = encoded.reduce((sum, item) => sum + item.line.bytes + 1, 0);
    await this.#commits.submit(encoded, bytes, encoded.length);
  }

  /** Newest first. `before`: the `next` of a previous page. */
  page(query: PageQuery<R>): Promise<LogPage<R>> {
    // A snapshot: appends after this point are not part of this page.
    return readPage(
      this.segments.map((state) => ({ ...state })),
      this.options.schema,
      query,
    );
  }

  /** A `before` for `page()` that starts at the newest committed record (none: undefined). */
  endCursor(): string | undefined {
    return cursorAtEnd(this.segments);
  }

  /** The latest record with this id (or its projection), from memory. Treat it as read-only. */
  latest(id: string): L | undefined {
    return this.index.latest(id);
  }

  /** Every id's latest record (or projection), from memory, oldest id first. */
  latestAll(): IterableIterator<L> {
    return this.index.values();
  }

  /** The whole latest record with this id, read from disk. */
  async readLatest(id: string): Promise<R | undefined> {
    const last = this.index.newest(id);
    if (!last) return undefined;
    return (await readAt([last], [...this.segments], this.options.schema))[0];
  }

  /** Every record with this id, oldest first, read from disk at the indexed positions. */
  history(id: string): Promise<R[]> {
    return readAt(this.index.locations(id), [...this.segments], this.options.schema);
  }

  /** The same, with each record's line as it is on disk. */
  historyLines(id: string): Promise<{ record: R; line: Buffer }[]> {
    return readLinesAt(this.index.locations(id), [...this.segments], this.options.schema);
  }

  /**
   * Deletes the oldest segments whose records are all beyond retention (never rewrites
   * one); returns how many records went. Also runs on open, after appends at most once a
   * minute, and whenever a new segment was started since the last pass: a busy log (a
   * webhook taking thousands of calls a second) then never holds much more than its
   * retention in memory.
   */
  applyRetention(now: Date = new Date()): Promise<number> {
    const policy = this.options.retention;
    if (!policy) return Promise.resolve(0);
    return this.#lock.run(async () => {
      this.#lastRetention = Date.now();
      this.#segmentsAtRetention = this.segments.length;
      const count = droppableSegments(this.segments, policy(), now);
      if (count === 0 || this.#closed) return 0;
      // The active segment goes too: continue in a fresh one first.
      if (count === this.segments.length) await this.writer.rotate();
      let dropped = 0;
      let through: number | undefined;
      try {
        for (let i = 0; i < count; i += 1) {
          const state = this.segments[0];
          if (!state) break;
          await rm(state.path, { force: true });
          this.segments.shift();
          dropped += state.records;
          through = state.segment;
        }
      } finally {
        if (through !== undefined) this.index.dropThrough(through);
        // Counted after the drop: the next segment started triggers the next pass. (Counted
        // before it, the log grew back to its size before this pass first — up to several
        // times its retention, all of it in the in-memory index.)
        this.#segmentsAtRetention = this.segments.length;
      }
      await syncDirectory(this.options.dir);
      return dropped;
    });
  }

  stats(): JsonlLogStats {
    return {
      appends: this.#appends,
      fsyncs: this.writer.fsyncs,
      segments: this.segments.length,
      records: this.segments.reduce((sum, state) => sum + state.records, 0),
    };
  }

  /** Waits for pending appends, then closes the file. Appends after this reject. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#commits.idle();
    await this.#lock.run(() => this.writer.close());
  }

  /** Runs under the lock, one batch at a time. Throws to reject the whole batch. */
  async #commit(batch: EncodedRecord<L>[]): Promise<void> {
    const written = await this.writer.append(
      batchBuffers(batch.map((item) => item.line)),
      batch.length,
    );
    const state = this.segments.findLast((segment) => segment.segment === written.segment);
    if (!state) throw new Error(`Segment ${written.segment} is not tracked`);
    let offset = written.offset;
    for (const { id, at, latest, line } of batch) {
      const { bytes } = line;
      if (!this.index.has(id)) state.ids += 1;
      this.index.add(id, latest, { segment: written.segment, offset, length: bytes });
      state.records += 1;
      state.newestAt = Math.max(state.newestAt, timeOf(at));
      offset += bytes + 1;
    }
    state.bytes = offset;
    this.#appends += batch.length;
    const due =
      Date.now() - this.#lastRetention >= RETENTION_INTERVAL_MS ||
      this.segments.length > this.#segmentsAtRetention;
    if (this.options.retention && due) {
      this.#lastRetention = Date.now();
      this.#segmentsAtRetention = this.segments.length;
      // Not awaited: it queues behind this batch on the lock; appenders never wait for it.
      this.applyRetention().catch((error: unknown) =>
        this.#logger.warn('Log retention failed', {
          dir: this.options.dir,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }
}

function segmentLimits(
  options: Pick<JsonlLogOptions<LogRecord>, 'maxSegmentBytes' | 'maxSegmentRecords'>,
): SegmentLimits {
  return {
    bytes: options.maxSegmentBytes ?? DEFAULT_MAX_SEGMENT_BYTES,
    records: options.maxSegmentRecords ?? DEFAULT_MAX_SEGMENT_RECORDS,
  };
}
