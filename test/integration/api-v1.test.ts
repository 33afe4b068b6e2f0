// Project tokens and the public API (seed 004, issue 15): tokens created through the admin
// API, shown once, stored hashed, listed with their last use, refused at once once
// deleted; their levels (Block execution, Read runs, Admin API), the per-token rate limit,
// launching a published flow and reading its run on the public listener, and the OpenAPI
// document checked against the routes the listener answers.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { API_V1_OPENAPI } from '../../runtime/api/openapi';
import type { Logger } from '../../runtime/logger';
import { RateLimiter } from '../../runtime/security/rate-limit';
import { apiV1Routes } from '../../runtime/server/routes/api-v1-routes';
import type { CreatedProjectToken, ProjectTokenInfo } from '../../runtime/shared/project-tokens';
import type { PublicRun } from '../../runtime/api/api-v1';
import { createFlow, createPublishedFlow } from '../helpers/admin-api';
import { graph } from '../helpers/engine';
import { pollUntil } from '../helpers/poll';
import { json, startTestRuntime } from '../helpers/test-runtime';

const lines: string[] = [];
const capture: Logger = {
  info: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  warn: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  error: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
};
const rt = await startTestRuntime({ logger: capture });

const greets = graph(
  [
    ['s', 'start'],
    ['set', 'set-variable', { variable: 'greeting', value: 'Hello {{name}}' }],
    ['e', 'end', { result: ['greeting'] }],
  ],
  [
    ['s', 'next', 'set'],
    ['set', 'next', 'e'],
  ],
);

async function newToken(name: string, level: string): Promise<CreatedProjectToken> {
  const response = await rt.api('/api/project-tokens', { method: 'POST', json: { name, level } });
  assert.equal(response.status, 201, await response.clone().text());
  return json<CreatedProjectToken>(response);
}

function call(path: string, token: string | undefined, init: RequestInit = {}) {
  return fetch(`${rt.public}${path}`, {
    ...init,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
  });
}

const launch = (flowId: string, token: string | undefined, body: unknown = {}) =>
  call(`/api/v1/flows/${flowId}/runs`, token, { method: 'POST', body: JSON.stringify(body) });

interface ErrorBody {
  error: { code: string; message: string };
}
const codeOf = async (response: Response) => (await json<ErrorBody>(response)).error.code;

describe('project tokens and the public API', () => {
  it('launches a published flow with a Block execution token and reads its run with a Read runs token', async () => {
    const flow = await createPublishedFlow(rt, greets);
    const launcher = await newToken('Course platform', 'block-execution');
    assert.match(launcher.value, /^hf_pt_[A-Za-z0-9_-]{43}$/);
    const reader = await newToken('Dashboard', 'read-runs');

    const launched = await launch(flow.id, launcher.value, { variables: { name: 'Ann' } });
    assert.equal(launched.status, 202, await launched.clone().text());
    const { runId, run } = await json<{ runId: string; run: string }>(launched);
    assert.equal(run, `/api/v1/runs/${runId}`);

    const read = () => call(run, reader.value);
    const done = await pollUntil(
      async () => json<PublicRun>(await read()),
      (found) => found.status === 'completed',
      'the launched run completing',
    );
    assert.deepEqual(done.output, { greeting: 'Hello Ann' });
    assert.equal(done.flowId, flow.id);

    // Each level does its own thing only; Admin API does both.
    assert.equal(await codeOf(await call(run, launcher.value)), 'token_level');
    assert.equal((await launch(flow.id, reader.value)).status, 403);
    const admin = await newToken('Ops', 'admin-api');
    assert.equal((await launch(flow.id, admin.value)).status, 202);
    assert.equal((await call(run, admin.value)).status, 200);

    // Listed with name, level, created and last used; never a value.
    const { tokens } = await json<{ tokens: ProjectTokenInfo[] }>(
      await rt.api('/api/project-tokens'),
    );
    const listed = tokens.find((token) => token.id === launcher.token.id);
    assert.equal(listed?.name, 'Course platform');
    assert.equal(listed?.level, 'block-execution');
    assert.ok(listed?.lastUsedAt, 'the token says when it was last used');
    assert.ok(!JSON.stringify(tokens).includes(launcher.value));
  });

  it('stores only a hash, refuses missing, wrong and just-deleted tokens with 401, and logs none', async () => {
    const flow = await createPublishedFlow(rt, greets);
    const created = await newToken('Stolen one', 'block-execution');
    const file = await readFile(join(rt.dataDir, 'project-tokens.json'), 'utf8');
    assert.ok(!file.includes(created.value), 'the value is not stored');
    assert.ok(file.includes(createHash('sha256').update(created.value).digest('hex')));

    const missing = await launch(flow.id, undefined);
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(await codeOf(missing), 'token_missing');
    const wrong = await launch(flow.id, `${created.value.slice(0, -1)}x`);
    assert.equal(await codeOf(wrong), 'token_invalid');

    assert.equal((await launch(flow.id, created.value)).status, 202);
    const deleted = await rt.api(`/api/project-tokens/${created.token.id}`, { method: 'DELETE' });
    assert.equal(deleted.status, 204);
    const after = await launch(flow.id, created.value);
    assert.equal(after.status, 401);
    assert.equal(await codeOf(after), 'token_invalid');
    assert.equal(
      (await rt.api(`/api/project-tokens/${created.token.id}`, { method: 'DELETE' })).status,
      404,
    );
    assert.ok(
      lines.every((line) => !line.includes(created.value)),
      lines.join('\n'),
    );
  });

  it('answers 404 for an unknown flow or run, 409 for an unpublished flow, 400/415 for a bad body', async () => {
    const { value } = await newToken('Checks', 'admin-api');
    assert.equal(await codeOf(await launch('f_nope', value)), 'flow_not_found');
    const draftOnly = await createFlow(rt, greets);
    const unpublished = await launch(draftOnly.id, value);
    assert.equal(unpublished.status, 409);
    assert.equal(await codeOf(unpublished), 'not_published');
    const flow = await createPublishedFlow(rt, greets);
    assert.equal((await launch(flow.id, value, { vars: {} })).status, 400);
    const text = await call(`/api/v1/flows/${flow.id}/runs`, value, { method: 'POST', body: 'hi' });
    assert.equal(text.status, 400);
    const form = await fetch(`${rt.public}/api/v1/flows/${flow.id}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${value}`, 'content-type': 'text/plain' },
      body: 'hi',
    });
    assert.equal(form.status, 415);
    const unknownRun = await call('/api/v1/runs/r_nope1234', value);
    assert.equal(unknownRun.status, 404);
    assert.equal(await codeOf(unknownRun), 'run_not_found');
  });

  it('limits each token’s requests per minute with 429 and Retry-After', async () => {
    const patched = await rt.api('/api/settings', {
      method: 'PATCH',
      json: { api: { requestsPerMinutePerToken: 2 } },
    });
    assert.equal(patched.status, 200, await patched.clone().text());
    const flow = await createPublishedFlow(rt, greets);
    const busy = await newToken('Busy', 'block-execution');
    const calm = await newToken('Calm', 'block-execution');
    assert.equal((await launch(flow.id, busy.value)).status, 202);
    assert.equal((await launch(flow.id, busy.value)).status, 202);
    const limited = await launch(flow.id, busy.value);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal(await codeOf(limited), 'rate_limited');
    // Per token: another one is not slowed down.
    assert.equal((await launch(flow.id, calm.value)).status, 202);
    await rt.api('/api/settings', {
      method: 'PATCH',
      json: { api: { requestsPerMinutePerToken: 120 } },
    });
  });

  it('serves an OpenAPI document that lists exactly the routes the public API answers', async () => {
    const served = await fetch(`${rt.public}/api/v1/openapi.json`);
    assert.equal(served.status, 200);
    assert.deepEqual(await served.json(), JSON.parse(JSON.stringify(API_V1_OPENAPI)));

    const router = apiV1Routes(
      { flows: { get: () => undefined } as never, engine: {} as never, chats: {} as never },
      {
        tokens: { verify: () => undefined, info: () => undefined },
        limiter: new RateLimiter(() => 1),
      },
    );
    const answered = new Set<string>();
    for (const layer of router.stack) {
      const route = layer.route as { path: string; methods?: Record<string, boolean> } | undefined;
      if (!route) continue;
      for (const method of Object.keys(route.methods ?? {})) {
        answered.add(`${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
      }
    }
    const documented = new Set(
      Object.entries(API_V1_OPENAPI.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    assert.deepEqual([...answered].sort(), [...documented].sort());
  });
});
