// id → latest record and the file positions of every event with that id.
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

interface Entry<R> {
  latest: R;
  locations: RecordLocation[];
}

export class IdIndex<R extends { id: string }> {
  readonly #entries = new Map<string, Entry<R>>();

  add(record: R, location: RecordLocation): void {
    const entry = this.#entries.get(record.id);
    if (entry) {
      entry.latest = record;
      entry.locations.push(location);
    } else {
      this.#entries.set(record.id, { latest: record, locations: [location] });
    }
  }

  latest(id: string): R | undefined {
    return this.#entries.get(id)?.latest;
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
