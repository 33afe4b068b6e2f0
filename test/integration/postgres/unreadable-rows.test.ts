// A row that is not a valid flow (written by hand, or by a broken tool) is left unchanged
// in the database, kept out of memory and reported once, as the JSON store sets aside a
// corrupt file; the other flows load.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { silentLogger } from '../../../runtime/logger';
import { openStores } from '../../../runtime/modules/core';
import { Database } from '../../../runtime/store/postgres/database';
import { emptyFlow } from '../../../runtime/store/flows-store';
import { createTestDatabase } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp-dir';

describe('unreadable rows', () => {
  it('are skipped and reported, and left as they are', async () => {
    const url = await createTestDatabase();
    const key = randomBytes(32);
    const open = async () => {
      const database = await Database.open({ url, logger: silentLogger });
      after(() => database.close());
      return openStores(await tempDir(), key, {
        kind: 'postgres',
        database,
        logger: silentLogger,
      });
    };
    const first = await open();
    await first.flows.create(emptyFlow('f_good', 'Good'));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    after(() => client.end());
    await client.query(`INSERT INTO flows (id, doc) VALUES ('f_bad', '{"id":"f_bad","nodes":7}')`);

    const second = await open();
    assert.deepEqual(
      second.flows.list().map((flow) => flow.id),
      ['f_good'],
    );
    const problems = second.problems.list();
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.reason ?? '', /f_bad .*not a valid flow document/);
    const kept = await client.query(`SELECT doc FROM flows WHERE id = 'f_bad'`);
    assert.deepEqual(kept.rows[0]?.doc, { id: 'f_bad', nodes: 7 });
  });
});
