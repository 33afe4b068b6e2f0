// Runs in PostgreSQL (`serve --database`): every instance on the database lists and reads
// every run, whichever started it; a run waiting on a timer is brought back from the
// database by the instance (data folder) that started it when it restarts — and by no
// other, so two live instances never drive one run.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import type { Run, RunPage } from '../../../runtime/shared/run';
import { createFixtureFlow } from '../../helpers/flows';
import { runFinished, waitForRun } from '../../helpers/poll';
import { createTestDatabase } from '../../helpers/postgres';
import { json, startTestRuntime } from '../../helpers/test-runtime';

describe('runs in PostgreSQL', () => {
  it('are listed and read by every instance, and resumed by their own after a restart', async () => {
    const database = await createTestDatabase();
    const secretsKey = randomBytes(32);
    const a = await startTestRuntime({ database, secretsKey });
    const b = await startTestRuntime({ database, secretsKey });

    const hello = await createFixtureFlow(a, 'hello');
    const started = await a.api(`/api/flows/${hello.id}/runs`, {
      method: 'POST',
      json: { draft: true },
    });
    assert.equal(started.status, 201, await started.clone().text());
    const done = await waitForRun(a, (await json<Run>(started)).id, runFinished);
    assert.equal(done.status, 'completed');
    // B never ran it: it reads it, steps and all, and lists it, from the database.
    const read = await b.api(`/api/runs/${done.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(await json<Run>(read), done);
    const listed = await json<RunPage>(await b.api(`/api/runs?flowId=${hello.id}`));
    assert.deepEqual(
      listed.runs.map((run) => [run.id, run.status]),
      [[done.id, 'completed']],
    );
    assert.equal((await b.api('/api/runs/r_notarunanywhere')).status, 404);

    // A long-enough Delay: A stops (its run is waiting), B does not take the run over.
    const delay = await createFixtureFlow(a, 'delay', {
      replace: { '"amount": 1': '"amount": 3' },
    });
    const waitingRun = await json<Run>(
      await a.api(`/api/flows/${delay.id}/runs`, { method: 'POST', json: { draft: true } }),
    );
    await waitForRun(a, waitingRun.id, (run) => run.status === 'waiting');
    await a.stop();
    assert.equal((await json<Run>(await b.api(`/api/runs/${waitingRun.id}`))).status, 'waiting');

    // A again on its data folder: it brings the run back from the database, and the timer fires.
    const again = await startTestRuntime({ database, secretsKey, dataDir: a.dataDir });
    const finished = await waitForRun(again, waitingRun.id, runFinished);
    assert.equal(finished.status, 'completed');
    assert.deepEqual(finished.output, { stage: 'done after waiting' });
    const onB = await waitForRun(b, waitingRun.id, runFinished);
    assert.deepEqual(onB, finished);

    // Completed once: one end record, written by A.
    const db = new pg.Client({ connectionString: database });
    await db.connect();
    try {
      const ends = await db.query(
        `SELECT seq FROM run_records WHERE run_id = $1 AND record::json->>'status' = 'completed'`,
        [waitingRun.id],
      );
      assert.equal(ends.rowCount, 1);
    } finally {
      await db.end();
    }
  });
});
