// Published versions in PostgreSQL (table `flow_versions`), read on demand like the JSON
// store's versions files. The numbers come from `flow_version_counters`, incremented in
// the same statement that reads it, so publishes on two instances at once get two numbers.
import { publishedSnapshotSchema } from '../../shared/flow-document';
import { KEPT_VERSIONS } from '../../shared/publishing';
import type { FlowVersionsStore, PublishedSnapshot } from '../flow-versions-store';
import type { Database } from './database';
import { SerialQueue } from './serial-queue';

export class PgFlowVersionsStore implements FlowVersionsStore {
  readonly #writes = new SerialQueue();

  constructor(private readonly db: Database) {}

  async list(flowId: string): Promise<PublishedSnapshot[]> {
    const { rows } = await this.db.prepared<{ snapshot: unknown }>(
      'flow_versions_of',
      'SELECT snapshot FROM flow_versions WHERE flow_id = $1 ORDER BY version',
      [flowId],
    );
    // A row that is not a snapshot is skipped, as an unreadable versions file is set aside.
    return rows.flatMap((row) => {
      const parsed = publishedSnapshotSchema.safeParse(row.snapshot);
      return parsed.success ? [parsed.data] : [];
    });
  }

  add(
    flowId: string,
    atLeast: number,
    snapshot: Omit<PublishedSnapshot, 'version'>,
  ): Promise<PublishedSnapshot> {
    return this.#writes.run(() =>
      this.db.transaction(async (client) => {
        const counted = await client.query<{ last: number }>(
          `INSERT INTO flow_version_counters (flow_id, last) VALUES ($1, $2::integer + 1)
           ON CONFLICT (flow_id)
           DO UPDATE SET last = GREATEST(flow_version_counters.last, $2::integer) + 1
           RETURNING last`,
          [flowId, atLeast],
        );
        const version = counted.rows[0]?.last;
        if (version === undefined) throw new Error('The version was not numbered');
        const added: PublishedSnapshot = { ...snapshot, version };
        await client.query(
          'INSERT INTO flow_versions (flow_id, version, snapshot) VALUES ($1, $2, $3::jsonb)',
          [flowId, version, JSON.stringify(added)],
        );
        await client.query(
          `DELETE FROM flow_versions WHERE flow_id = $1 AND version NOT IN (
             SELECT version FROM flow_versions WHERE flow_id = $1
             ORDER BY version DESC LIMIT $2)`,
          [flowId, KEPT_VERSIONS],
        );
        return added;
      }),
    );
  }

  /** Moved to `deleted_flow_versions`, beside the deleted flow. */
  delete(flowId: string): Promise<void> {
    return this.#writes.run(() =>
      this.db.transaction(async (client) => {
        await client.query(
          `WITH gone AS (DELETE FROM flow_versions WHERE flow_id = $1 RETURNING *)
           INSERT INTO deleted_flow_versions (flow_id, version, snapshot)
           SELECT flow_id, version, snapshot FROM gone`,
          [flowId],
        );
        await client.query('DELETE FROM flow_version_counters WHERE flow_id = $1', [flowId]);
      }),
    );
  }

  settled(): Promise<void> {
    return this.#writes.settled();
  }
}
