// Two runtimes (two data folders) on one PostgreSQL database share the configuration
// plane: a flow published on A is live on B within a second (LISTEN/NOTIFY; the test
// waits for the condition, it does not sleep), a secret set on A is readable on B and
// only its ciphertext is in the table, a token deleted on A is refused on B, settings
// changed on A are B's. An instance with another secrets key refuses to start.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import type { CreatedProjectToken } from '../../../runtime/shared/project-tokens';
import type { Settings } from '../../../runtime/shared/settings';
import { createFlow, publishFlow } from '../../helpers/admin-api';
import { graph } from '../../helpers/engine';
import { pollUntil, waitForRun } from '../../helpers/poll';
import { createTestDatabase } from '../../helpers/postgres';
import { json, startTestRuntime } from '../../helpers/test-runtime';
import { graphWith, webhookTriggerNode } from '../../helpers/webhook-flows';

const url = await createTestDatabase();
const secretsKey = randomBytes(32);
const a = await startTestRuntime({ database: url, secretsKey });
const b = await startTestRuntime({ database: url, secretsKey });

const post = (address: string, body: unknown) =>
  fetch(address, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function rows(sql: string, values: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('two instances on one database', () => {
  it('run on B a flow published on A', async () => {
    assert.notEqual(a.dataDir, b.dataDir);
    const trigger = webhookTriggerNode();
    const flow = await createFlow(a, graphWith(trigger));
    const hookOnB = `${b.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
    // Not yet published: B knows the flow (the draft is shared) but no live trigger.
    await pollUntil(
      async () => (await b.api(`/api/flows/${flow.id}`)).status,
      (status) => status === 200,
      'the new flow reaching B',
    );
    assert.equal((await post(hookOnB, { n: 0 })).status, 404);

    await publishFlow(a, flow.id);
    const accepted = await pollUntil(
      () => post(hookOnB, { n: 1 }),
      (response) => response.status === 202,
      'B accepting calls to the flow published on A',
    );
    const { runId } = await json<{ runId: string }>(accepted);
    const run = await waitForRun(b, runId);
    assert.equal(run.status, 'completed');
    assert.equal(run.flowId, flow.id);

    // Unpublished on A: B stops taking its calls.
    const off = await a.api(`/api/flows/${flow.id}/unpublish`, { method: 'POST', json: {} });
    assert.equal(off.status, 200, await off.clone().text());
    await pollUntil(
      () => post(hookOnB, { n: 2 }),
      (response) => response.status === 404,
      'B refusing calls to the flow unpublished on A',
    );
  });

  it('reads on B a secret set on A; the table holds only ciphertext', async () => {
    const value = `shared-${randomBytes(8).toString('hex')}`;
    const created = await a.api('/api/secrets', {
      method: 'POST',
      json: { purpose: 'webhook-token', value },
    });
    assert.equal(created.status, 201);
    const { id } = await json<{ id: string }>(created);
    const revealed = await pollUntil(
      async () => {
        const response = await b.api(`/api/secrets/${id}/reveal`, { method: 'POST' });
        return response.status === 200
          ? (await json<{ value: string }>(response)).value
          : undefined;
      },
      (found) => found !== undefined,
      'the secret reaching B',
    );
    assert.equal(revealed, value);
    const stored = await rows('SELECT * FROM secrets WHERE id = $1', [id]);
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes(value), 'no plaintext in the row');
  });

  it('refuses on B a token deleted on A', async () => {
    const flow = await createFlow(
      a,
      graph(
        [
          ['s', 'start'],
          ['e', 'end'],
        ],
        [['s', 'next', 'e']],
      ),
    );
    await publishFlow(a, flow.id);
    const response = await a.api('/api/project-tokens', {
      method: 'POST',
      json: { name: 'Partner', level: 'block-execution' },
    });
    assert.equal(response.status, 201);
    const { token, value } = await json<CreatedProjectToken>(response);
    const launchOnB = () =>
      fetch(`${b.public}/api/v1/flows/${flow.id}/runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${value}`, 'content-type': 'application/json' },
        body: '{}',
      });
    await pollUntil(launchOnB, (launched) => launched.status === 202, 'B accepting the new token');
    const deleted = await a.api(`/api/project-tokens/${token.id}`, { method: 'DELETE' });
    assert.equal(deleted.status, 204);
    await pollUntil(
      launchOnB,
      (launched) => launched.status === 401,
      'B refusing the deleted token',
    );
  });

  it('shares settings', async () => {
    const saved = await a.api('/api/settings', {
      method: 'PATCH',
      json: { runs: { maxStepsPerRun: 321 } },
    });
    assert.equal(saved.status, 200, await saved.clone().text());
    await pollUntil(
      async () => json<Settings>(await b.api('/api/settings')),
      (settings) => settings.runs.maxStepsPerRun === 321,
      'the settings reaching B',
    );
  });

  it('refuses to start an instance with another secrets key', async () => {
    await assert.rejects(
      startTestRuntime({ database: url, secretsKey: randomBytes(32) }),
      /sealed with another secrets key/,
    );
  });
});
