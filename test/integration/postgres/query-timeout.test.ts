// A database that stops answering (its connections frozen by a TCP proxy: no reset, no
// bytes) makes an admin write end in a clear JSON 503 once the query timeout passes, not a
// request that hangs; a fresh connection then serves again. Real PostgreSQL, real runtime.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { startFreezableProxy } from '../../helpers/freezable-proxy';
import { pollUntil } from '../../helpers/poll';
import { createTestDatabase, testPostgres } from '../../helpers/postgres';
import { json, startTestRuntime } from '../../helpers/test-runtime';

/** The pool's startup message (application_name "hookflow"), not the change feed's. */
const POOL_CONNECTION = 'application_name\u0000hookflow\u0000';

it('a query that gets no answer becomes 503 store_unavailable, then service resumes', async () => {
  const server = await testPostgres();
  const url = await createTestDatabase();
  const proxy = await startFreezableProxy(server.port);
  const rt = await startTestRuntime({
    database: url.replace(`:${server.port}/`, `:${proxy.port}/`),
    databaseQueryTimeoutMs: 300,
  });
  const create = () =>
    rt.api('/api/flows', { method: 'POST', json: { name: 'Orders', draft: undefined } });
  assert.equal((await create()).status, 201, 'the database answers before the freeze');
  assert.ok(proxy.freeze(POOL_CONNECTION) >= 1, 'the pool connections are frozen');
  const frozen = await create();
  assert.equal(frozen.status, 503);
  assert.equal(frozen.headers.get('retry-after'), '5');
  const body = await json<{ error: { code: string; message: string } }>(frozen);
  assert.equal(body.error.code, 'store_unavailable');
  assert.match(body.error.message, /did not answer in time or cannot be reached/);
  // Each frozen connection is dropped after its failure; a new one answers.
  await pollUntil(
    async () => (await create()).status,
    (status) => status === 201,
    'a write through a fresh connection',
  );
});
