// The durable run log: run records in a JsonlLog at `<dataDir>/runs/`, plus the queries
// the admin API needs. Retention comes from settings (runs.retentionCount/Days).
import { join } from 'node:path';
import type { Logger } from '../logger';
import type { Settings } from '../shared/settings';
import type { Run, RunPage, RunSummary } from '../shared/run';
import { JsonlLog } from '../store/jsonl-log';
import type { StoreProblems } from '../store/store-problems';
import { runFromRecords, runRecordSchema, summarize, type RunRecord } from './run-record';
import { head, type RunHead, type RunQuery, type RunStore } from './run-store';

export type { RunHead, RunQuery };

export class RunLog implements RunStore {
  private constructor(private readonly log: JsonlLog<RunRecord, RunHead>) {}

  static async open(
    dataDir: string,
    settings: () => Settings['runs'],
    logger: Logger,
    problems?: StoreProblems,
  ): Promise<RunLog> {
    const log = await JsonlLog.open<RunRecord, RunHead>({
      dir: join(dataDir, 'runs'),
      schema: runRecordSchema,
      retention: () => ({
        // A run's records share its id: this keeps the newest `retentionCount` runs, however
        // many records each wrote (a webhook run writes one, a long chat dozens).
        maxIds: settings().retentionCount,
        maxAgeDays: settings().retentionDays,
      }),
      // Records are built by typed code (ActiveRun.record); every webhook run appends two,
      // so they are serialized once rather than also re-parsed through the schema.
      validateAppends: false,
      project: head,
      problems,
      logger,
    });
    return new RunLog(log);
  }

  /** Resolves once the record is on disk (fsync'd; concurrent appends share one fsync). */
  append(record: RunRecord): Promise<void> {
    return this.log.append(record);
  }

  /** The run's latest record in brief, from memory. */
  latest(id: string): RunHead | undefined {
    return this.log.latest(id);
  }

  has(id: string): Promise<boolean> {
    return Promise.resolve(this.log.latest(id) !== undefined);
  }

  /** The run's latest record in full, from disk. */
  latestRecord(id: string): Promise<RunRecord | undefined> {
    return this.log.readLatest(id);
  }

  async history(id: string): Promise<RunRecord[]> {
    return [...(await this.log.history(id))];
  }

  async read(id: string): Promise<Run | undefined> {
    return runFromRecords(await this.history(id));
  }

  /**
   * Runs newest first, each with its current state: the run is found at its (latest) full
   * record — the start record, unless a long wait was compacted — and described by
   * `current(id)` (the engine's memory) or its latest record. `unrecorded` are runs in
   * memory with no record yet (a webhook run writes its first one at its first checkpoint,
   * which for a short run is its end, and may already answer "completed" while that write
   * lands): they are newer than anything in the log and lead the first page.
   */
  async page(
    query: RunQuery,
    current: (id: string) => RunSummary | undefined,
    unrecorded: readonly RunSummary[],
  ): Promise<RunPage> {
    const matches = (run: RunSummary | RunHead) =>
      (query.flowId === undefined || run.flowId === query.flowId) &&
      (query.status === undefined || run.status === query.status) &&
      (query.chatSkipped === undefined || (run.chatSkipped ?? 0) > 0 === query.chatSkipped) &&
      (query.customerId === undefined || run.customerId === query.customerId) &&
      (query.since === undefined || run.startedAt >= query.since) &&
      (query.until === undefined || run.startedAt <= query.until);
    const leading =
      query.before === undefined
        ? unrecorded.filter(matches).sort((a, b) => b.startedAt.localeCompare(a.startedAt))
        : [];
    const runs = leading.slice(0, query.limit);
    if (runs.length === query.limit) {
      // Full from memory: the next page starts at the log's newest record. Memory runs past
      // the limit (only in a burst of thousands) are listed once their record lands.
      const next = this.log.endCursor();
      return { runs, ...(next === undefined ? {} : { next }) };
    }
    const { items, next } = await this.log.page({
      limit: query.limit - runs.length,
      before: query.before,
      filter: (record) => {
        const latest = this.log.latest(record.id);
        if (record.full !== true || record.seq !== latest?.baseSeq) return false;
        return matches(current(record.id) ?? latest);
      },
    });
    const listed = new Set(runs.map((run) => run.id));
    for (const record of items) {
      if (listed.has(record.id)) continue;
      const live = current(record.id);
      if (live) {
        runs.push(live);
        continue;
      }
      const latest = record.seq === this.log.latest(record.id)?.seq ? record : undefined;
      const whole = latest ?? (await this.log.readLatest(record.id));
      if (whole) runs.push(summarize(whole));
    }
    return { runs, ...(next === undefined ? {} : { next }) };
  }

  /** Latest records of runs that were running or waiting when the log was last written. */
  async unfinished(): Promise<RunRecord[]> {
    const found: RunRecord[] = [];
    let before: string | undefined;
    do {
      const page = await this.log.page({
        limit: 500,
        before,
        filter: (record) =>
          (record.status === 'running' || record.status === 'waiting') && this.#isLatest(record),
      });
      found.push(...page.items);
      before = page.next;
    } while (before !== undefined);
    return found;
  }

  close(): Promise<void> {
    return this.log.close();
  }

  /** The log keeps every record; a run's latest one is the one that counts. */
  #isLatest(record: RunRecord): boolean {
    const latest = this.log.latest(record.id);
    return latest !== undefined && latest.seq === record.seq;
  }
}
