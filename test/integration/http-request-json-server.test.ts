// The HTTP Request node against json-server 0.17 (a REST server this project does not
// write) over a fixture database: every method, query parameters, JSON bodies and
// response mapping, through published flows triggered by webhook and through Test
// Request. The servers listen on 127.0.0.1, which the node refuses by default, so these
// configs tick "Allow private network" — the switch a person calling a local service uses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Run } from '../../runtime/shared/run';
import { httpFlow, testRequest, HTTP_NODE } from '../helpers/http-flows';
import { startJsonServer } from '../helpers/http-servers';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import {
  createFlow,
  createPublishedFlow,
  createSecret,
  waitForRun,
} from '../helpers/webhook-runtime';

const db = {
  posts: [
    { id: 1, title: 'json-server', author: 'typicode', userId: 1 },
    { id: 2, title: 'hookflow', author: 'ann', userId: 2 },
  ],
  // PUT/PATCH/DELETE go here: deleting from `users` makes json-server 0.17 drop every post
  // (its cascade on `userId`), which other tests read.
  profiles: [{ id: 1, name: 'Ann', email: 'ann@example.com' }],
};

const rt: TestRuntime = await startTestRuntime();
const api = (await startJsonServer(db)).url;

describe('HTTP Request node against json-server', () => {
  const runFlow = async (
    config: Record<string, unknown>,
    body: Record<string, unknown>,
    mappings: { path: string; variable: string }[] = [],
  ): Promise<Run> => {
    const { graph, webhookId } = httpFlow({ allowPrivateNetwork: true, ...config }, mappings);
    await createPublishedFlow(rt, graph);
    const response = await fetch(`${rt.public}/webhooks/flow/${webhookId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 202, await response.clone().text());
    const { runId } = await json<{ runId: string }>(response);
    return waitForRun(rt, runId, (run) => run.status === 'completed' || run.status === 'failed');
  };
  const httpStep = (run: Run) => run.steps.find((step) => step.nodeId === HTTP_NODE);

  it('POSTs a JSON body built from the webhook, maps the new id, and takes success', async () => {
    const run = await runFlow(
      {
        method: 'POST',
        url: `${api}/posts`,
        body: { kind: 'json', text: '{"title": "{{title}}", "userId": {{body.userId}}}' },
        response: {
          mappings: [
            { path: 'id', variable: 'postId' },
            { path: "['title']", variable: 'savedTitle' },
          ],
          statusVariable: 'status',
        },
      },
      { title: 'Say "hi"', userId: 3 },
      [{ path: 'body.title', variable: 'title' }],
    );
    assert.equal(run.status, 'completed', run.error);
    assert.equal(run.endNode?.nodeId, 'n_ok');
    assert.equal(run.variables.status, 201);
    assert.equal(run.variables.postId, 3);
    assert.equal(run.variables.savedTitle, 'Say "hi"');
    const step = httpStep(run);
    assert.equal(step?.outputHandle, 'success');
    assert.equal(step?.output?.http?.method, 'POST');
    assert.equal(step?.output?.http?.status, 201);
    assert.deepEqual(step?.output?.http?.mapped, { postId: 3, savedTitle: 'Say "hi"' });
    // json-server stored it: a GET reads it back with its type kept.
    const stored = await testRequest(rt, (await createFlow(rt, httpFlow({}).graph)).id, {
      config: {
        url: `${api}/posts/3`,
        allowPrivateNetwork: true,
        response: { mappings: [{ path: 'userId', variable: 'userId' }] },
      },
    });
    assert.deepEqual(stored.values, { userId: 3 });
  });

  it('GETs with query parameters (one filled from the variable of the same name), maps $[0]', async () => {
    const run = await runFlow(
      {
        url: `${api}/posts`,
        query: [
          { name: 'author', value: '' },
          { name: '_sort', value: 'id' },
        ],
        response: {
          mappings: [
            { path: '$[0].title', variable: 'firstTitle' },
            { path: "$[0]['userId']", variable: 'firstUser' },
          ],
        },
      },
      { author: 'ann' },
      [{ path: 'body.author', variable: 'author' }],
    );
    assert.equal(run.status, 'completed', run.error);
    assert.equal(run.variables.firstTitle, 'hookflow');
    assert.equal(run.variables.firstUser, 2);
    assert.match(httpStep(run)?.output?.http?.url ?? '', /\/posts\?author=ann&_sort=id$/);
  });

  it('PUTs, PATCHes and DELETEs; a GET of the deleted record takes failed with 404', async () => {
    const flow = await createFlow(rt, httpFlow({}).graph);
    const send = (config: Record<string, unknown>) =>
      testRequest(rt, flow.id, { config: { allowPrivateNetwork: true, ...config } });
    const put = await send({
      method: 'PUT',
      url: `${api}/profiles/1`,
      body: { kind: 'json', text: '{"name": "Ann B", "email": "{{email}}"}' },
      response: { mappings: [{ path: 'email', variable: 'email' }] },
    });
    assert.equal(put.exchange.status, 200);
    assert.equal(put.exchange.output, 'success');
    assert.deepEqual(put.values, { email: '' }, 'no sample: the email was empty');

    const patch = await testRequest(rt, flow.id, {
      config: {
        method: 'PATCH',
        url: `${api}/profiles/1`,
        allowPrivateNetwork: true,
        body: { kind: 'json', text: '{"email": "{{email}}"}' },
        response: { bodyVariable: 'user' },
      },
      sample: { email: 'b@example.com' },
    });
    assert.equal(patch.exchange.status, 200);
    assert.deepEqual(patch.values, { user: { id: 1, name: 'Ann B', email: 'b@example.com' } });
    assert.equal(patch.response?.format, 'json');
    assert.deepEqual(patch.response?.value, { id: 1, name: 'Ann B', email: 'b@example.com' });

    const removed = await send({ method: 'DELETE', url: `${api}/profiles/1` });
    assert.equal(removed.exchange.output, 'success');
    const gone = await send({ url: `${api}/profiles/1` });
    assert.equal(gone.exchange.output, 'failed');
    assert.equal(gone.exchange.failure?.kind, 'status');
    assert.equal(gone.exchange.status, 404);
    assert.equal(gone.values.httpErrorStatus, 404);
  });

  it('takes failed through the flow when a required mapping is missing', async () => {
    const run = await runFlow(
      {
        url: `${api}/posts/2`,
        response: { mappings: [{ path: 'data.userId', variable: 'userId' }] },
      },
      {},
    );
    assert.equal(run.status, 'completed', run.error);
    assert.equal(run.endNode?.nodeId, 'n_failed');
    assert.equal(
      run.variables.httpErrorKind,
      'missing-mapping',
      String(run.variables.httpErrorMessage),
    );
    assert.equal(httpStep(run)?.outputHandle, 'failed');
    assert.equal(httpStep(run)?.output?.http?.missing?.[0]?.path, 'data.userId');
  });

  it('sends a secret header, shows it redacted, and cuts it out of an echoed answer', async () => {
    const secretId = await createSecret(rt, 'sk_live_abcdefghijkl');
    const flow = await createFlow(rt, httpFlow({}).graph);
    // json-server stores what is POSTed, so it echoes the secret back in its answer.
    const result = await testRequest(rt, flow.id, {
      config: {
        method: 'POST',
        url: `${api}/posts`,
        allowPrivateNetwork: true,
        headers: [{ name: 'Authorization', value: 'Bearer {{secret}}', secretId }],
        body: { kind: 'json', text: '{"token": "{{token}}"}' },
        response: { mappings: [{ path: 'token', variable: 'echoed' }] },
      },
      sample: { token: 'sk_live_abcdefghijkl' },
    });
    assert.equal(result.exchange.headers?.Authorization, `Bearer [secret ${secretId}]`);
    assert.equal(result.values.echoed, '[redacted]');
    assert.ok(!JSON.stringify(result).includes('sk_live_abcdefghijkl'));
  });
});
