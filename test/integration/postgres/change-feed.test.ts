// The change feed between two instances' stores on one database: a change on A reaches
// B's memory (and B's listeners) without a restart; after B's feed connection is cut, B
// reconnects and catches up with what changed meanwhile.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { silentLogger } from '../../../runtime/logger';
import { openStores, type Stores } from '../../../runtime/modules/core';
import { FEED_APPLICATION_NAME } from '../../../runtime/store/postgres/change-feed';
import { Database } from '../../../runtime/store/postgres/database';
import { emptyFlow } from '../../../runtime/store/flows-store';
import { pollUntil } from '../../helpers/poll';
import { startFreezableProxy } from '../../helpers/freezable-proxy';
import { createTestDatabase, testPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp-dir';

const url = await createTestDatabase();
const key = randomBytes(32);

async function instance(): Promise<{ db: Database; stores: Stores }> {
  const db = await Database.open({ url, logger: silentLogger });
  after(() => db.close());
  const stores = await openStores(await tempDir(), key, {
    kind: 'postgres',
    database: db,
    logger: silentLogger,
  });
  return { db, stores };
}

const a = await instance();
const b = await instance();

describe('the database change feed', () => {
  it("brings A's changes into B's memory and tells B's listeners", async () => {
    const seen: string[] = [];
    b.stores.flows.onChangedElsewhere((id) => seen.push(id));
    await a.stores.flows.create(emptyFlow('f_feed', 'Fed'));
    await pollUntil(
      async () => b.stores.flows.get('f_feed')?.name,
      (name) => name === 'Fed',
      'B seeing the flow',
    );
    await a.stores.flows.update('f_feed', (flow) => {
      flow.name = 'Fed again';
    });
    await pollUntil(
      async () => b.stores.flows.get('f_feed')?.name,
      (name) => name === 'Fed again',
      'B seeing the rename',
    );
    assert.ok(seen.includes('f_feed'));
    assert.equal(a.stores.flows.get('f_feed')?.name, 'Fed again');
    await a.stores.flows.delete('f_feed');
    await pollUntil(
      async () => b.stores.flows.has('f_feed'),
      (has) => !has,
      'B seeing the delete',
    );
  });

  it('catches up after its connection is cut', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    after(() => admin.end());
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [FEED_APPLICATION_NAME],
    );
    await pollUntil(
      async () => b.db.changes.listening,
      (listening) => !listening,
      'B noticing the cut',
    );
    const id = await a.stores.secrets.set('s_while_cut', 'hmac', 'changed while B was cut off');
    await a.stores.settings.update({ runs: { maxStepsPerRun: 222 } });
    await pollUntil(
      async () => b.stores.secrets.reveal(id),
      (value) => value !== undefined,
      'B catching up',
    );
    assert.equal(b.stores.secrets.reveal(id), 'changed while B was cut off');
    await pollUntil(
      async () => b.stores.settings.get().runs.maxStepsPerRun,
      (steps) => steps === 222,
      'B catching up on settings',
    );
    await pollUntil(async () => (await b.db.readiness()).changes, Boolean, 'B listening again');
  });

  it('notices a connection that went silent (heartbeat), reconnects and catches up', async () => {
    const server = await testPostgres();
    const proxy = await startFreezableProxy(server.port);
    const viaProxy = url.replace(`:${server.port}/`, `:${proxy.port}/`);
    const db = await Database.open({
      url: viaProxy,
      logger: silentLogger,
      heartbeat: { everyMs: 100, timeoutMs: 500 },
    });
    after(() => db.close());
    const c = await openStores(await tempDir(), key, {
      kind: 'postgres',
      database: db,
      logger: silentLogger,
    });
    assert.equal(proxy.freeze(FEED_APPLICATION_NAME), 1, 'its feed connection is frozen');
    await a.stores.flows.create(emptyFlow('f_silent', 'Sent while C heard nothing'));
    await pollUntil(
      async () => (await db.readiness()).changes,
      (listening) => !listening,
      'C noticing its feed went silent',
    );
    await pollUntil(
      async () => c.flows.get('f_silent')?.name,
      (name) => name === 'Sent while C heard nothing',
      'C catching up after reconnecting',
    );
    assert.equal((await db.readiness()).changes, true);
  });

  it('keeps concurrent updates from two instances (row lock): none is lost', async () => {
    await a.stores.flows.create(emptyFlow('f_both', 'Both'));
    await pollUntil(async () => b.stores.flows.has('f_both'), Boolean, 'B seeing the flow');
    const bump = (stores: Stores) =>
      stores.flows.update('f_both', (flow) => {
        flow.revision += 1;
      });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => bump(i % 2 === 0 ? a.stores : b.stores)),
    );
    const [row] = (await admin()).rows;
    assert.equal(row?.revision, 10);
    await pollUntil(
      async () => a.stores.flows.get('f_both')?.revision,
      (revision) => revision === 10,
      'A up to date',
    );
    await pollUntil(
      async () => b.stores.flows.get('f_both')?.revision,
      (revision) => revision === 10,
      'B up to date',
    );
  });
});

async function admin(): Promise<pg.QueryResult<{ revision: number }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<{ revision: number }>(
      "SELECT (doc->>'revision')::int AS revision FROM flows WHERE id = 'f_both'",
    );
  } finally {
    await client.end();
  }
}
