// id → latest record (or the projection of it the log was asked to keep) and the file
// positions of every event with that id.
//
// `latest()` is on hot paths (run status, dedupe), so it is answered from memory. For
// `history()` we keep positions rather than scan: a scan costs a read of the whole retained
// log per call, while positions cost three numbers per record, bounded by retention like
// the latest records we already hold. Positions are in append order, hence oldest first.
//
// Memory: a busy log holds tens of thousands of ids, most with one event (a webhook call,
// a short run). So the newest position lives in the entry itself and older ones, if any,
// in one flat array of numbers: ~100 bytes per id less than an array of objects.

export interface RecordLocation {
  segment: number;
  offset: number;
  /** Bytes, without the `\n`. */
  length: number;
}

interface Entry<L> {
  latest: L;
  segment: number;
  offset: number;
  length: number;
  /** Older positions as flat (segment, offset, length) triples, oldest first. */
  earlier: number[] | undefined;
}

export class IdIndex<L> {
  readonly #entries = new Map<string, Entry<L>>();

  add(id: string, latest: L, location: RecordLocation): void {
    const entry = this.#entries.get(id);
    if (entry) {
      (entry.earlier ??= []).push(entry.segment, entry.offset, entry.length);
      entry.latest = latest;
      entry.segment = location.segment;
      entry.offset = location.offset;
      entry.length = location.length;
    } else {
      const { segment, offset, length } = location;
      this.#entries.set(id, { latest, segment, offset, length, earlier: undefined });
    }
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  latest(id: string): L | undefined {
    return this.#entries.get(id)?.latest;
  }

  /** Every id's latest value, in the order the ids first appeared. */
  *values(): IterableIterator<L> {
    for (const entry of this.#entries.values()) yield entry.latest;
  }

  /** Where the id's newest event is. */
  newest(id: string): RecordLocation | undefined {
    const entry = this.#entries.get(id);
    return entry && { segment: entry.segment, offset: entry.offset, length: entry.length };
  }

  /** Where every event of the id is, oldest first. */
  locations(id: string): RecordLocation[] {
    const entry = this.#entries.get(id);
    if (!entry) return [];
    const locations: RecordLocation[] = [];
    const earlier = entry.earlier ?? [];
    for (let i = 0; i + 2 < earlier.length; i += 3) {
      locations.push({ segment: earlier[i]!, offset: earlier[i + 1]!, length: earlier[i + 2]! });
    }
    locations.push({ segment: entry.segment, offset: entry.offset, length: entry.length });
    return locations;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Forgets every event in segments numbered `segment` or lower. Retention deletes only
   * the oldest segments, so an id whose latest event is gone has no events left at all.
   */
  dropThrough(segment: number): void {
    for (const [id, entry] of this.#entries) {
      if (entry.segment <= segment) {
        this.#entries.delete(id);
        continue;
      }
      const earlier = entry.earlier;
      if (!earlier) continue;
      let kept = 0;
      while (kept < earlier.length && earlier[kept]! <= segment) kept += 3;
      if (kept === earlier.length) entry.earlier = undefined;
      else if (kept > 0) entry.earlier = earlier.slice(kept);
    }
  }
}
