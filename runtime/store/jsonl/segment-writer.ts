// The one open segment that appends go to. Every write lands at the committed size with a
// positional write and is durable before it counts (O_DSYNC, or fdatasync where the
// platform lacks it: segment-files.ts). A failed write or sync is undone
// by cutting the file back to the committed size, so no line of a rejected append can
// read back later; if even that fails, the handle is dropped and the next write reopens
// the file and cuts it back first.
import type { FileHandle } from 'node:fs/promises';
import {
  createSegment,
  openSegment,
  segmentPath,
  writeFully,
  WRITES_ARE_SYNCED,
} from './segment-files';

export interface WriteResult {
  segment: number;
  offset: number;
}

/** When the active segment is full: whichever limit the next write would pass first. */
export interface SegmentLimits {
  bytes: number;
  records: number;
}

export class SegmentWriter {
  #handle: FileHandle | undefined;
  #closed = false;
  /** Durable writes of appended data: one per committed batch. */
  fsyncs = 0;

  private constructor(
    private readonly dir: string,
    private segment: number,
    /** Bytes known to be durable in the active segment. */
    private committed: number,
    /** Records in them. */
    private records: number,
    handle: FileHandle,
    private readonly limits: SegmentLimits,
    private readonly onCreated: (segment: number, path: string) => void,
  ) {
    this.#handle = handle;
  }

  /** Continues the existing segment `segment` whose valid data (`records`) ends at `bytes`. */
  static async resume(
    dir: string,
    segment: number,
    at: { bytes: number; records: number },
    limits: SegmentLimits,
    onCreated: (segment: number, path: string) => void,
  ): Promise<SegmentWriter> {
    const handle = await openSegment(dir, segment);
    return new SegmentWriter(dir, segment, at.bytes, at.records, handle, limits, onCreated);
  }

  /** Starts a brand-new segment `segment`. */
  static async create(
    dir: string,
    segment: number,
    limits: SegmentLimits,
    onCreated: (segment: number, path: string) => void,
  ): Promise<SegmentWriter> {
    const handle = await createSegment(dir, segment);
    onCreated(segment, segmentPath(dir, segment));
    return new SegmentWriter(dir, segment, 0, 0, handle, limits, onCreated);
  }

  get activeSegment(): number {
    return this.segment;
  }

  /**
   * Writes `data` (`records` whole lines, in these buffers in order) durably, rotating first
   * if it would overflow the segment's bytes or records.
   */
  async append(data: readonly Buffer[], records: number): Promise<WriteResult> {
    if (this.#closed) throw new Error('The log is closed');
    const length = data.reduce((sum, buffer) => sum + buffer.length, 0);
    const full =
      this.committed + length > this.limits.bytes || this.records + records > this.limits.records;
    if (this.committed > 0 && full) await this.rotate();
    const handle = await this.#writableHandle();
    const offset = this.committed;
    try {
      await writeFully(handle, data, offset);
      if (!WRITES_ARE_SYNCED) await handle.datasync();
      this.fsyncs += 1;
    } catch (error) {
      await this.#undo(handle);
      throw error;
    }
    this.committed = offset + length;
    this.records += records;
    return { segment: this.segment, offset };
  }

  /** Closes the active segment for good and starts the next one. */
  async rotate(): Promise<void> {
    const next = this.segment + 1;
    // Created before the old one is let go: if creating fails, nothing changed.
    const handle = await createSegment(this.dir, next);
    const previous = this.#handle;
    this.#handle = handle;
    this.segment = next;
    this.committed = 0;
    this.records = 0;
    this.onCreated(next, segmentPath(this.dir, next));
    await previous?.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }

  async #writableHandle(): Promise<FileHandle> {
    if (this.#handle) return this.#handle;
    const handle = await openSegment(this.dir, this.segment);
    try {
      await handle.truncate(this.committed);
      await handle.datasync();
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.#handle = handle;
    return handle;
  }

  async #undo(handle: FileHandle): Promise<void> {
    try {
      await handle.truncate(this.committed);
      await handle.datasync();
    } catch {
      this.#handle = undefined;
      await handle.close().catch(() => undefined);
    }
  }
}
