// A flow file carries a trigger's secret ids, never their values: imported into another
// data folder, the ids name nothing. That is a publish problem — in the import preview,
// on publish, on the draft check — and never a flow that answers every call with 401.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FlowFile } from '../../runtime/shared/flow-file';
import type { GraphProblem, ImportPreview, ImportResult } from '../../runtime/shared/publishing';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { createPublishedFlow } from '../helpers/admin-api';
import { createSecret } from '../helpers/webhook-runtime';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { flowId?: string; problems?: GraphProblem[] };
  };
}

/** A bearer-token trigger published in one data folder, exported as a file. */
async function exportedBearerFlow(): Promise<{ file: FlowFile; secretId: string }> {
  const source = await startTestRuntime();
  const secretId = await createSecret(source, 'the-token-of-the-first-folder');
  const trigger = webhookTriggerNode({
    security: { auth: { type: 'bearer', tokenSecretId: secretId } },
  });
  const flow = await createPublishedFlow(source, graphWith(trigger), 'Orders');
  const file = await json<FlowFile>(await source.api(`/api/flows/${flow.id}/export`));
  return { file, secretId };
}

const post = (rt: TestRuntime, path: string, body: unknown) =>
  rt.api(path, { method: 'POST', json: body });

/** The designer's Security tab finds these problems by their code, never by their wording. */
const missing = (problems: readonly GraphProblem[]) =>
  problems.filter((problem) => problem.code === 'missing_secret');

describe('importing a flow whose trigger uses a secret', () => {
  it('the preview names the missing token on its node; publishing refuses it', async () => {
    const { file, secretId } = await exportedBearerFlow();
    const target = await startTestRuntime();

    const previewed = await post(target, '/api/flows/import/preview', { document: file });
    assert.equal(previewed.status, 200);
    const preview = await json<ImportPreview>(previewed);
    assert.equal(preview.name, 'Orders');
    assert.equal(preview.publishes, 'published');
    assert.deepEqual(
      missing(preview.problems).map((problem) => [problem.nodeId, problem.field, problem.severity]),
      [['n_hook', 'security.auth.tokenSecretId', 'error']],
    );
    assert.match(
      missing(preview.problems)[0]?.message ?? '',
      /The token is missing from this data folder .*generate or paste a new one/,
    );
    assert.equal(JSON.stringify(preview).includes('the-token-of-the-first-folder'), false);
    // The preview created nothing.
    const list = await json<{ flows: unknown[] }>(await target.api('/api/flows'));
    assert.equal(list.flows.length, 0);

    // Import and publish: imported as a draft, 422, the problem listed.
    const imported = await post(target, '/api/flows/import', { document: file, publish: true });
    assert.equal(imported.status, 422);
    const refused = await json<ErrorBody>(imported);
    assert.equal(refused.error.code, 'invalid_flow');
    assert.match(refused.error.message, /as a draft/);
    assert.equal(missing(refused.error.details?.problems ?? []).length, 1);
    const flowId = refused.error.details?.flowId ?? '';

    // The draft check (what the designer pins on the node) says so too, and Publish refuses.
    const checked = await json<{ problems: GraphProblem[] }>(
      await target.api(`/api/flows/${flowId}/validate`),
    );
    assert.equal(missing(checked.problems)[0]?.nodeId, 'n_hook');
    assert.equal((await post(target, `/api/flows/${flowId}/publish`, {})).status, 422);
    assert.equal((await target.api(`/api/secrets/${secretId}`)).status, 404);

    // A new token here fixes it: publish goes through and the URL checks that token.
    const tokenId = await createSecret(target, 'a-token-of-this-folder');
    const flow = await json<{
      draft: { nodes: { id: string; data: { config: Record<string, unknown> } }[] };
    }>(await target.api(`/api/flows/${flowId}`));
    const nodes = flow.draft.nodes.map((node) =>
      node.id === 'n_hook'
        ? {
            ...node,
            data: {
              ...node.data,
              config: {
                ...node.data.config,
                security: { auth: { type: 'bearer', tokenSecretId: tokenId } },
              },
            },
          }
        : node,
    );
    const patched = await target.api(`/api/flows/${flowId}`, {
      method: 'PATCH',
      json: { draft: { ...flow.draft, nodes } },
    });
    assert.equal(patched.status, 200);
    assert.equal((await post(target, `/api/flows/${flowId}/publish`, {})).status, 200);
    const webhookId = String(nodes.find((node) => node.id === 'n_hook')?.data.config.webhookId);
    const call = await fetch(`${target.public}/webhooks/flow/${webhookId}`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer a-token-of-this-folder',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    assert.equal(call.status, 202);
  });

  it('into the same data folder the secret is there: no problem, and it publishes', async () => {
    const rt = await startTestRuntime();
    const secretId = await createSecret(rt, 'same-folder-token');
    const trigger = webhookTriggerNode({
      security: { auth: { type: 'bearer', tokenSecretId: secretId } },
    });
    const flow = await createPublishedFlow(rt, graphWith(trigger), 'Orders');
    const file = await json<FlowFile>(await rt.api(`/api/flows/${flow.id}/export`));
    const preview = await json<ImportPreview>(
      await post(rt, '/api/flows/import/preview', { document: file }),
    );
    assert.deepEqual(missing(preview.problems), []);
    const imported = await post(rt, '/api/flows/import', { document: file, publish: true });
    assert.equal(imported.status, 201);
    assert.equal((await json<ImportResult>(imported)).published, true);
  });

  it('an HMAC with several secrets names each missing one; a bad preview body is a 400', async () => {
    const { file } = await exportedBearerFlow();
    const target = await startTestRuntime();
    const kept = await createSecret(target, 'kept');
    const hmac = webhookTriggerNode({
      security: {
        auth: {
          type: 'hmac',
          algorithm: 'sha256',
          source: 'header',
          paramName: 'X-Signature',
          secretIds: ['s_notHereAtAll0001', kept, 's_notHereAtAll0002'],
        },
      },
    });
    const preview = await json<ImportPreview>(
      await post(target, '/api/flows/import/preview', {
        document: { ...file, published: undefined, draft: graphWith(hmac) },
      }),
    );
    assert.equal(preview.publishes, 'draft');
    assert.deepEqual(
      missing(preview.problems).map((problem) => problem.field),
      ['security.auth.secretIds[0]', 'security.auth.secretIds[2]'],
    );
    const bad = await post(target, '/api/flows/import/preview', { document: 'nope' });
    assert.equal(bad.status, 400);
    assert.equal((await json<ErrorBody>(bad)).error.code, 'invalid_input');
  });
});
