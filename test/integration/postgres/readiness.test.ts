// `/readyz` for load balancers: ready on the JSON store once listening; on PostgreSQL
// ready while the database answers and the migrations have run, 503 while it is down,
// ready again once it is back. This file stops its own server, so it has it to itself.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { pollUntil } from '../../helpers/poll';
import { createTestDatabase, testPostgres } from '../../helpers/postgres';
import { json, startTestRuntime } from '../../helpers/test-runtime';

interface ReadyBody {
  status: string;
  store: string;
  checks?: { database: boolean; migrations: boolean; changes: boolean };
}

const readyz = async (base: string) => {
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: await json<ReadyBody>(response) };
};

describe('/readyz', () => {
  it('is ready on the JSON store', async () => {
    const rt = await startTestRuntime();
    assert.deepEqual(await readyz(rt.public), {
      status: 200,
      body: { status: 'ready', store: 'json' },
    });
  });

  it('answers 503 while the database is down, and 200 once it is back', async () => {
    const server = await testPostgres();
    const rt = await startTestRuntime({
      database: await createTestDatabase(),
      secretsKey: randomBytes(32),
    });
    assert.deepEqual(await readyz(rt.public), {
      status: 200,
      body: {
        status: 'ready',
        store: 'postgres',
        checks: { database: true, migrations: true, changes: true },
      },
    });

    server.stop();
    const down = await readyz(rt.public);
    assert.equal(down.status, 503);
    assert.equal(down.body.status, 'not_ready');
    assert.equal(down.body.checks?.database, false);
    assert.equal((await fetch(`${rt.public}/healthz`)).status, 200, 'the process still answers');

    server.start();
    await pollUntil(
      () => readyz(rt.public),
      (ready) => ready.status === 200,
      '/readyz ready again after the database came back',
    );
  });
});
