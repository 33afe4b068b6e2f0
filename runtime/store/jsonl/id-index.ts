// id → latest record (or the projection of it the log was asked to keep) and the file
// positions of every event with that id.
//
// `latest()` is on hot paths (run status, dedupe), so it is answered from memory. For
// `history()` we keep positions rather than scan: a scan costs a read of the whole retained
// log per call, while positions cost three numbers per record, bounded by retention like
// the latest records we already hold. Positions are in append order, hence oldest first.

export interface RecordLocation {
  segment: number;
  offset: number;
  /** Bytes, without the `\n`. */
  length: number;
}

interface Entry<L> {
  latest: L;
  locations: RecordLocation[];
}

export class IdIndex<L> {
  readonly #entries = new Map<string, Entry<L>>();

  add(id: string, latest: L, location: RecordLocation): void {
    const entry = this.#entries.get(id);
    if (entry) {
      entry.latest = latest;
      entry.locations.push(location);
    } else {
      this.#entries.set(id, { latest, locations: [location] });
    }
  }

  latest(id: string): L | undefined {
    return this.#entries.get(id)?.latest;
  }

  /** Every id's latest value, in the order the ids first appeared. */
  *values(): IterableIterator<L> {
    for (const entry of this.#entries.values()) yield entry.latest;
  }

  locations(id: string): readonly RecordLocation[] {
    return this.#entries.get(id)?.locations ?? [];
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
      const kept = entry.locations.findIndex((location) => location.segment > segment);
      if (kept === -1) this.#entries.delete(id);
      else if (kept > 0) entry.locations.splice(0, kept);
    }
  }
}
