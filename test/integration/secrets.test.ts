// The secrets API (seed 001 Security tab: generate, save own token, reveal) and the promise
// that a secret's value appears nowhere but in reveal's answer and encrypted in
// secrets.json: not in any other API response, the listen stream, the call log, the run
// log, flow documents, or the runtime's own log output.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Logger } from '../../runtime/logger';
import type { CallPage } from '../../runtime/shared/calls';
import type { RunPage } from '../../runtime/shared/run';
import { json, startTestRuntime } from '../helpers/test-runtime';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createPublishedFlow } from '../helpers/admin-api';
import { openSse } from '../helpers/webhook-runtime';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat();
}

describe('secrets API', () => {
  it('generates, reveals, replaces and deletes a token; only reveal returns a value', async () => {
    const rt = await startTestRuntime();
    const created = await rt.api('/api/secrets', {
      method: 'POST',
      json: { purpose: 'webhook-token' },
    });
    assert.equal(created.status, 201);
    const info = await json<{ id: string; purpose: string; value?: string }>(created);
    assert.match(info.id, /^s_/);
    assert.equal(info.value, undefined);
    const revealed = await json<{ value: string }>(
      await rt.api(`/api/secrets/${info.id}/reveal`, { method: 'POST', json: {} }),
    );
    assert.match(revealed.value, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');

    const saved = await rt.api(`/api/secrets/${info.id}`, {
      method: 'PUT',
      json: { value: 'my-own-token' },
    });
    assert.equal(saved.status, 200);
    assert.equal((await json<{ value?: string }>(saved)).value, undefined);
    const again = await json<{ value: string }>(
      await rt.api(`/api/secrets/${info.id}/reveal`, { method: 'POST', json: {} }),
    );
    assert.equal(again.value, 'my-own-token');
    assert.equal((await rt.api(`/api/secrets/${info.id}`)).status, 200);

    assert.equal((await rt.api(`/api/secrets/${info.id}`, { method: 'DELETE' })).status, 204);
    assert.equal(
      (await rt.api(`/api/secrets/${info.id}/reveal`, { method: 'POST', json: {} })).status,
      404,
    );
    const invalid = await rt.api('/api/secrets', {
      method: 'POST',
      json: { purpose: '', value: '' },
    });
    assert.equal(invalid.status, 400);
  });

  it('lists the secrets of a purpose for pickers, with their labels and never a value', async () => {
    const rt = await startTestRuntime();
    const create = async (json: Record<string, unknown>) =>
      (await json_(await rt.api('/api/secrets', { method: 'POST', json }))).id;
    const json_ = (response: Response) => json<{ id: string }>(response);
    const crm = await create({
      purpose: 'http-header',
      value: 'crm-key-value-1',
      label: 'X-Api-Key',
    });
    const other = await create({ purpose: 'http-header', value: 'second-value-22' });
    await create({ purpose: 'webhook-token' });
    // A new value keeps the label the picker shows.
    await rt.api(`/api/secrets/${crm}`, { method: 'PUT', json: { value: 'crm-key-value-2' } });

    const response = await rt.api('/api/secrets?purpose=http-header');
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.ok(!text.includes('crm-key-value') && !text.includes('second-value-22'), text);
    const { secrets } = JSON.parse(text) as { secrets: { id: string; label?: string }[] };
    assert.deepEqual(
      secrets.map((secret) => [secret.id, secret.label]),
      [
        [crm, 'X-Api-Key'],
        [other, undefined],
      ],
      'most recently changed first',
    );
    const all = await json<{ secrets: unknown[] }>(await rt.api('/api/secrets'));
    assert.equal(all.secrets.length, 3);
    const bad = await rt.api(`/api/secrets?purpose=${'x'.repeat(101)}`);
    assert.equal(bad.status, 400);
    assert.equal((await json<{ error: { code: string } }>(bad)).error.code, 'invalid_input');
  });

  it('never leaks a token: API responses, streams, call and run logs, data files, log output', async () => {
    const TOKEN = 'leak-canary-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    const logged: string[] = [];
    const capture: Logger = {
      info: (message, fields) => logged.push(message, JSON.stringify(fields ?? {})),
      warn: (message, fields) => logged.push(message, JSON.stringify(fields ?? {})),
      error: (message, fields) => logged.push(message, JSON.stringify(fields ?? {})),
    };
    const rt = await startTestRuntime({ logger: capture });
    const bodies: string[] = [];
    const api = async (path: string, init?: Parameters<typeof rt.api>[1]) => {
      const response = await rt.api(path, init);
      const text = await response.text();
      if (!path.endsWith('/reveal')) bodies.push(`${path}: ${text}`);
      return text;
    };
    const { id: tokenId } = JSON.parse(
      await api('/api/secrets', {
        method: 'POST',
        json: { purpose: 'webhook-token', value: TOKEN },
      }),
    ) as { id: string };
    const bearer = webhookTriggerNode({
      security: { auth: { type: 'bearer', tokenSecretId: tokenId } },
      saveFullBodyAs: 'payload',
    });
    const query = webhookTriggerNode(
      { security: { auth: { type: 'query', tokenSecretId: tokenId } } },
      'n_query',
    );
    const flowA = await createPublishedFlow(rt, graphWith(bearer), 'Bearer flow');
    const flowB = await createPublishedFlow(rt, graphWith(query), 'Query flow');
    const listen = await openSse(`${rt.admin}/api/flows/${flowA.id}/nodes/n_hook/listen`, rt.token);
    await listen.next('ready');

    const hookUrl = (node: typeof bearer) =>
      `${rt.public}/webhooks/flow/${String(node.data.config.webhookId)}`;
    const ok = await fetch(hookUrl(bearer), {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"hello":"world"}',
    });
    assert.equal(ok.status, 202);
    const bad = await fetch(hookUrl(bearer), {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    assert.equal(bad.status, 401);
    bodies.push(await bad.text());
    const viaQuery = await fetch(`${hookUrl(query)}?token=${TOKEN}&a=1`, { method: 'POST' });
    assert.equal(viaQuery.status, 202);
    bodies.push(JSON.stringify((await listen.next('call')).data));
    bodies.push(JSON.stringify((await listen.next('call')).data));
    await waitForRun(rt, (await json<{ runId: string }>(viaQuery)).runId);
    await waitForRun(rt, (await json<{ runId: string }>(ok)).runId);
    listen.close();

    await api(`/api/secrets/${tokenId}`);
    for (const flow of [flowA, flowB]) {
      await api(`/api/flows/${flow.id}`);
      const nodeId = flow.id === flowA.id ? 'n_hook' : 'n_query';
      const page = JSON.parse(await api(`/api/flows/${flow.id}/nodes/${nodeId}/calls`)) as CallPage;
      for (const call of page.calls) {
        await api(`/api/calls/${call.id}`);
        if (call.runId) await api(`/api/runs/${call.runId}`);
      }
      await api(`/api/flows/${flow.id}/nodes/${nodeId}/urls`);
      await api(`/api/flows/${flow.id}/export`);
      const runs = JSON.parse(await api(`/api/runs?flowId=${flow.id}`)) as RunPage;
      assert.ok(runs.runs.length > 0);
    }
    await api('/api/flows');
    await api('/api/settings');
    await api('/api/status');
    const revealed = JSON.parse(
      await api(`/api/secrets/${tokenId}/reveal`, { method: 'POST', json: {} }),
    ) as { value: string };
    assert.equal(revealed.value, TOKEN, 'the canary is real: reveal returns it');

    for (const body of bodies) assert.ok(!body.includes(TOKEN), `leaked in ${body.slice(0, 200)}`);
    await rt.stop();
    for (const file of await filesUnder(rt.dataDir)) {
      const name = relative(rt.dataDir, file);
      if (name === 'secrets.json') continue;
      const content = await readFile(file);
      assert.ok(!content.includes(TOKEN), `the token is in ${name}`);
    }
    const secretsFile = await readFile(join(rt.dataDir, 'secrets.json'), 'utf8');
    assert.ok(!secretsFile.includes(TOKEN), 'secrets.json holds only ciphertext');
    assert.ok(!logged.join('\n').includes(TOKEN), 'nor the runtime log');
  });
});
