import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import type { FlowDocument } from '../../runtime/shared/flow-document';
import { json, startTestRuntime } from '../helpers/test-runtime';

/** fetch() cannot set Host; this sends a raw request with a chosen Host header. */
function getWithHost(
  url: string,
  host: string,
  token: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host, authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const twoNodeDraft = {
  nodes: [
    { id: 'n_start', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
    { id: 'n_end', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } },
  ],
  edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_end' }],
  variables: [],
};

describe('admin API', () => {
  it('rejects a missing or wrong token with 401 JSON and WWW-Authenticate', async () => {
    const rt = await startTestRuntime();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Basic ${rt.token}` },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${rt.admin}/api/flows`, { headers });
      assert.equal(response.status, 401);
      assert.match(response.headers.get('www-authenticate') ?? '', /Bearer/);
      assert.equal((await json<{ error: { code: string } }>(response)).error.code, 'unauthorized');
    }
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const rt = await startTestRuntime();
    const foreign = await getWithHost(`${rt.admin}/api/flows`, 'evil.example:4810', rt.token);
    assert.equal(foreign.status, 403);
    assert.equal(JSON.parse(foreign.body).error.code, 'forbidden_host');
    const local = await getWithHost(`${rt.admin}/api/flows`, 'localhost', rt.token);
    assert.equal(local.status, 200);
  });

  it('accepts the designer cookie only with the client header (CSRF)', async () => {
    const rt = await startTestRuntime();
    const login = await fetch(rt.runtime.loginUrl(), { redirect: 'manual' });
    assert.equal(login.status, 303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(login.headers.get('set-cookie') ?? '', /HttpOnly/i);
    assert.match(login.headers.get('set-cookie') ?? '', /SameSite=Strict/i);
    assert.equal((await fetch(`${rt.admin}/api/flows`, { headers: { cookie } })).status, 401);
    const ok = await fetch(`${rt.admin}/api/flows`, {
      headers: { cookie, 'x-hookflow-client': 'designer' },
    });
    assert.equal(ok.status, 200);
    const reused = await fetch(login.url, { redirect: 'manual' });
    assert.equal(reused.status, 401, 'a sign-in code works once');
  });

  it('tells how to get a fresh sign-in link: the tray only where the desktop app runs', async () => {
    for (const desktop of [false, true]) {
      const rt = await startTestRuntime({ desktop });
      const url = rt.runtime.loginUrl();
      assert.equal((await fetch(url, { redirect: 'manual' })).status, 303);
      const used = await fetch(url, { redirect: 'manual' });
      assert.equal(used.status, 401);
      const page = await used.text();
      assert.match(page, /already been used or has expired/);
      assert.match(
        page,
        /<code>hookflow open<\/code> \(<code>npm run open<\/code> in a checkout\)/,
      );
      assert.equal(/tray/i.test(page), desktop, `desktop: ${desktop}: ${page}`);
    }
  });

  it('creates, lists, gets, renames, saves a draft and deletes flows', async () => {
    const rt = await startTestRuntime();
    const created = await rt.api('/api/flows', { method: 'POST', json: { name: 'Orders' } });
    assert.equal(created.status, 201);
    const flow = await json<FlowDocument>(created);
    assert.match(flow.id, /^f_[A-Za-z0-9_-]{22}$/);

    const list = await json<{ flows: { id: string; name: string }[] }>(await rt.api('/api/flows'));
    assert.deepEqual(
      list.flows.map((f) => f.name),
      ['Orders'],
    );

    const renamed = await rt.api(`/api/flows/${flow.id}`, {
      method: 'PATCH',
      json: { name: 'Shop orders' },
    });
    assert.equal((await json<FlowDocument>(renamed)).name, 'Shop orders');

    const saved = await rt.api(`/api/flows/${flow.id}`, {
      method: 'PATCH',
      json: { draft: twoNodeDraft, revision: 1 },
    });
    assert.equal(saved.status, 200);
    const fetched = await json<FlowDocument>(await rt.api(`/api/flows/${flow.id}`));
    assert.deepEqual(
      fetched.draft.nodes.map((n) => n.id),
      ['n_start', 'n_end'],
    );
    assert.equal(fetched.revision, 2);

    assert.equal((await rt.api(`/api/flows/${flow.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await rt.api(`/api/flows/${flow.id}`)).status, 404);
  });

  it('refuses a stale revision with 409 and keeps the stored draft', async () => {
    const rt = await startTestRuntime();
    const flow = await json<FlowDocument>(
      await rt.api('/api/flows', { method: 'POST', json: { name: 'A' } }),
    );
    await rt.api(`/api/flows/${flow.id}`, {
      method: 'PATCH',
      json: { draft: twoNodeDraft, revision: 0 },
    });
    const stale = await rt.api(`/api/flows/${flow.id}`, {
      method: 'PATCH',
      json: { draft: { nodes: [], edges: [], variables: [] }, revision: 0 },
    });
    assert.equal(stale.status, 409);
    assert.equal((await json<{ error: { code: string } }>(stale)).error.code, 'revision_conflict');
    const kept = await json<FlowDocument>(await rt.api(`/api/flows/${flow.id}`));
    assert.equal(kept.draft.nodes.length, 2);
  });

  it('answers bad input with clear JSON errors and stores nothing', async () => {
    const rt = await startTestRuntime();
    const cases: { init: RequestInit & { json?: unknown }; status: number; code: string }[] = [
      { init: { method: 'POST', json: { name: '' } }, status: 400, code: 'invalid_input' },
      {
        init: { method: 'POST', json: { name: 'x'.repeat(121) } },
        status: 400,
        code: 'invalid_input',
      },
      { init: { method: 'POST', json: [1, 2] }, status: 400, code: 'invalid_input' },
      {
        init: { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } },
        status: 400,
        code: 'invalid_json',
      },
      {
        init: {
          method: 'POST',
          body: 'name=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        init: {
          method: 'POST',
          body: JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) }),
          headers: { 'content-type': 'application/json' },
        },
        status: 413,
        code: 'payload_too_large',
      },
      {
        init: {
          method: 'POST',
          json: {
            name: 'Bad graph',
            draft: {
              ...twoNodeDraft,
              edges: [{ id: 'e', source: 'n_start', sourceHandle: 'next', target: 'nowhere' }],
            },
          },
        },
        status: 400,
        code: 'invalid_input',
      },
      {
        init: {
          method: 'POST',
          json: {
            name: 'Unknown type',
            draft: {
              nodes: [
                { id: 'n', type: 'teleport', position: { x: 0, y: 0 }, data: { config: {} } },
              ],
              edges: [],
            },
          },
        },
        status: 400,
        code: 'invalid_input',
      },
      {
        init: {
          method: 'POST',
          json: {
            name: 'Path trick',
            draft: {
              nodes: [
                { id: '../../etc', type: 'end', position: { x: 0, y: 0 }, data: { config: {} } },
              ],
              edges: [],
            },
          },
        },
        status: 400,
        code: 'invalid_input',
      },
    ];
    for (const { init, status, code } of cases) {
      const response = await rt.api('/api/flows', init);
      const body = await json<{ error: { code: string; message: string } }>(response);
      assert.equal(response.status, status, JSON.stringify(body));
      assert.equal(body.error.code, code);
      assert.ok(body.error.message.length > 0);
      assert.doesNotMatch(JSON.stringify(body), /at .*\.ts:\d+/, 'no stack trace');
    }
    const list = await json<{ flows: unknown[] }>(await rt.api('/api/flows'));
    assert.deepEqual(list.flows, []);
  });

  it('answers unknown ids and routes with 404 JSON', async () => {
    const rt = await startTestRuntime();
    for (const [method, path] of [
      ['GET', '/api/flows/f_nope'],
      ['PATCH', '/api/flows/f_nope'],
      ['DELETE', '/api/flows/f_nope'],
      ['GET', '/api/nothing-here'],
    ] as const) {
      const response = await rt.api(path, {
        method,
        ...(method === 'PATCH' ? { json: { name: 'x' } } : {}),
      });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.equal((await json<{ error: { code: string } }>(response)).error.code, 'not_found');
    }
  });

  it('reads and validates settings', async () => {
    const rt = await startTestRuntime();
    const settings = await json<{ runs: { maxStepsPerRun: number } }>(
      await rt.api('/api/settings'),
    );
    assert.equal(settings.runs.maxStepsPerRun, 1000);
    const patched = await rt.api('/api/settings', {
      method: 'PATCH',
      json: { runs: { maxStepsPerRun: 50 } },
    });
    assert.equal(
      (await json<{ runs: { maxStepsPerRun: number } }>(patched)).runs.maxStepsPerRun,
      50,
    );
    const bad = await rt.api('/api/settings', {
      method: 'PATCH',
      json: { runs: { maxStepsPerRun: -1 } },
    });
    assert.equal(bad.status, 400);
  });
});
