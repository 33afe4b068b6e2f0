import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CURRENT_SCHEMA_VERSION,
  type DraftGraph,
  type FlowDocument,
  type FlowSummary,
} from '../../runtime/shared/flow-document';
import type { FlowFile } from '../../runtime/shared/flow-file';
import type {
  GraphProblem,
  ImportResult,
  PublishResult,
  VersionSummary,
} from '../../runtime/shared/publishing';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { createPublishedFlow } from '../helpers/admin-api';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: unknown;
  };
}

const publishedDraft: DraftGraph = {
  nodes: [
    {
      id: 'n_start',
      type: 'start',
      position: { x: 0, y: 0 },
      data: { label: 'Orders in', config: { triggerType: 'webhook' } },
    },
    { id: 'n_end', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } },
  ],
  edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_end' }],
  variables: [{ name: 'orderId', type: 'text' }],
};

/** The draft edited after publishing: an unfinished second branch. */
const editedDraft: DraftGraph = {
  ...publishedDraft,
  nodes: [
    ...publishedDraft.nodes,
    { id: 'n_wip', type: 'end', position: { x: 300, y: 200 }, data: { config: {} } },
  ],
};

/** A flow that is published, then edited: its draft and published snapshot differ. */
async function publishedThenEdited(rt: TestRuntime): Promise<FlowDocument> {
  const flow = await createPublishedFlow(rt, publishedDraft, 'Shop');
  const edited = await rt.api(`/api/flows/${flow.id}`, {
    method: 'PATCH',
    json: { draft: editedDraft },
  });
  return json<FlowDocument>(edited);
}

async function exportFile(rt: TestRuntime, id: string): Promise<FlowFile> {
  const response = await rt.api(`/api/flows/${id}/export`);
  assert.equal(response.status, 200);
  return json<FlowFile>(response);
}

const importFlow = (rt: TestRuntime, body: unknown) =>
  rt.api('/api/flows/import', { method: 'POST', json: body });

describe('export', () => {
  it('writes the flow file: format, schema version, name, draft and published snapshot', async () => {
    const rt = await startTestRuntime();
    const flow = await publishedThenEdited(rt);
    const response = await rt.api(`/api/flows/${flow.id}/export`);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="?Shop\.flow\.json"?$/,
    );
    const file = await json<FlowFile & Record<string, unknown>>(response);
    assert.equal(file.format, 'hookflow-flow');
    assert.equal(file.schemaVersion, CURRENT_SCHEMA_VERSION);
    assert.equal(file.name, 'Shop');
    assert.deepEqual(file.draft, editedDraft);
    assert.deepEqual(file.published, flow.published);
    assert.ok(!('id' in file) && !('revision' in file), 'no ids of the source folder');
    assert.equal((await rt.api('/api/flows/f_nope/export')).status, 404);
  });
});

describe('import', () => {
  it('round-trips: draft and published are identical, only ids differ', async () => {
    const rt = await startTestRuntime();
    const source = await publishedThenEdited(rt);
    const file = await exportFile(rt, source.id);

    const other = await startTestRuntime();
    const response = await importFlow(other, { document: file, publish: true });
    assert.equal(response.status, 201);
    const result = await json<ImportResult>(response);
    assert.equal(result.published, true);
    assert.notEqual(result.flow.id, source.id);
    assert.equal(result.flow.name, 'Shop');
    assert.deepEqual(result.flow.draft, source.draft);
    assert.deepEqual(
      result.flow.published?.graph,
      source.published?.graph,
      'what was live at the source is live here, not the unfinished draft',
    );
    assert.equal(result.flow.published?.version, 1);
    const reexported = await exportFile(other, result.flow.id);
    assert.deepEqual(reexported.draft, file.draft);
    assert.deepEqual(reexported.published?.graph, file.published?.graph);
  });

  it('without publish, nothing goes live and the file’s published version is kept in history', async () => {
    const rt = await startTestRuntime();
    const file = await exportFile(rt, (await publishedThenEdited(rt)).id);
    const result = await json<ImportResult>(await importFlow(rt, { document: file }));
    assert.equal(result.published, false);
    assert.equal(result.flow.published, null);
    assert.deepEqual(result.flow.draft, editedDraft);
    assert.deepEqual(
      result.problems.map((problem: GraphProblem) => [problem.nodeId, problem.severity]),
      [['n_wip', 'error']],
      'the draft’s problems, as Publish would report them',
    );
    const { versions } = await json<{ versions: VersionSummary[] }>(
      await rt.api(`/api/flows/${result.flow.id}/versions`),
    );
    assert.deepEqual(
      versions.map((v) => [v.version, v.live, v.publishedAt]),
      [[1, false, file.published?.publishedAt]],
    );
    // Publishing later continues after the kept version.
    await rt.api(`/api/flows/${result.flow.id}`, {
      method: 'PATCH',
      json: { draft: publishedDraft },
    });
    const later = await rt.api(`/api/flows/${result.flow.id}/publish`, { method: 'POST' });
    assert.equal((await json<PublishResult>(later)).flow.published?.version, 2);
  });

  it('never overwrites: the same file twice makes two flows, the second named "Name (2)"', async () => {
    const rt = await startTestRuntime();
    const source = await publishedThenEdited(rt);
    const file = await exportFile(rt, source.id);
    const first = await json<ImportResult>(await importFlow(rt, { document: file }));
    const second = await json<ImportResult>(await importFlow(rt, { document: file }));
    const named = await json<ImportResult>(
      await importFlow(rt, { document: file, name: 'Shop (2)' }),
    );
    assert.deepEqual(
      [first.flow.name, second.flow.name, named.flow.name],
      ['Shop (2)', 'Shop (3)', 'Shop (2) (2)'],
    );
    const ids = new Set([source.id, first.flow.id, second.flow.id, named.flow.id]);
    assert.equal(ids.size, 4);
    const list = await json<{ flows: FlowSummary[] }>(await rt.api('/api/flows'));
    assert.equal(list.flows.length, 4);
    const original = await json<FlowDocument>(await rt.api(`/api/flows/${source.id}`));
    assert.deepEqual(original, source);
  });

  it('imports as a draft and answers 422 when the flow cannot be published', async () => {
    const rt = await startTestRuntime();
    const file = {
      format: 'hookflow-flow',
      schemaVersion: 1,
      name: 'Broken',
      exportedAt: new Date().toISOString(),
      draft: { ...publishedDraft, edges: [] },
    };
    const response = await importFlow(rt, { document: file, publish: true });
    assert.equal(response.status, 422);
    const body = await json<ErrorBody>(response);
    assert.equal(body.error.code, 'invalid_flow');
    const details = body.error.details as {
      flowId: string;
      importedAs: string;
      problems: GraphProblem[];
    };
    assert.match(
      body.error.message,
      /^Imported "Broken" as a draft \(flow f_[\w-]+\), but 1 problem stops it/,
    );
    assert.equal(details.importedAs, 'draft');
    assert.ok(details.problems.some((p) => p.nodeId === 'n_end' && p.severity === 'error'));
    const stored = await json<FlowDocument>(await rt.api(`/api/flows/${details.flowId}`));
    assert.equal(stored.name, 'Broken');
    assert.equal(stored.published, null);
  });

  it('migrates an older file', async () => {
    const rt = await startTestRuntime();
    const response = await importFlow(rt, {
      document: {
        format: 'hookflow-flow',
        schemaVersion: 0,
        name: 'Old',
        exportedAt: '2024-01-01T00:00:00.000Z',
        draft: { nodes: publishedDraft.nodes, edges: publishedDraft.edges },
      },
      publish: true,
    });
    assert.equal(response.status, 201);
    assert.equal((await json<ImportResult>(response)).flow.published?.version, 1);
  });

  it('answers a bad document with 400 listing its problems, and creates nothing', async () => {
    const rt = await startTestRuntime();
    const good = {
      format: 'hookflow-flow',
      schemaVersion: 1,
      name: 'Good',
      exportedAt: '2025-01-01T00:00:00.000Z',
      draft: publishedDraft,
    };
    const cases: { body: unknown; code: string; message: RegExp; paths?: string[] }[] = [
      { body: {}, code: 'invalid_input', message: /Send the flow file as "document"/ },
      { body: { document: [1, 2] }, code: 'invalid_input', message: /not a Hookflow flow file/ },
      {
        body: { document: { ...good, schemaVersion: 99 } },
        code: 'unsupported_version',
        message: /newer Hookflow \(schema version 99/,
      },
      {
        body: {
          document: {
            ...good,
            name: '',
            draft: {
              nodes: [{ id: '../x', type: 'teleport', position: { x: 0, y: 0 }, data: {} }],
              edges: [],
            },
          },
        },
        code: 'invalid_input',
        message: /./,
        paths: ['document.name', 'document.draft.nodes[0].id', 'document.draft.nodes[0].type'],
      },
      {
        body: {
          document: {
            ...good,
            draft: {
              ...publishedDraft,
              edges: [{ id: 'e', source: 'n_start', sourceHandle: 'next', target: 'ghost' }],
            },
          },
        },
        code: 'invalid_input',
        message: /unknown node "ghost"/,
        paths: ['document.draft.edges[0].target'],
      },
      {
        body: {
          document: {
            ...good,
            draft: {
              ...publishedDraft,
              nodes: [publishedDraft.nodes[0], { ...publishedDraft.nodes[1], type: 'start' }],
              edges: [],
            },
            published: { version: 1, publishedAt: '', graph: publishedDraft },
          },
          publish: true,
        },
        code: 'invalid_input',
        message: /changes the type of published node "n_end"/,
      },
      { body: { document: good, publish: 'yes' }, code: 'invalid_input', message: /publish/ },
    ];
    for (const { body, code, message, paths } of cases) {
      const response = await importFlow(rt, body);
      const error = await json<ErrorBody>(response);
      assert.equal(response.status, 400, JSON.stringify(error));
      assert.equal(error.error.code, code);
      assert.match(error.error.message, message);
      if (paths) {
        const found = (error.error.details as { path: string }[]).map((problem) => problem.path);
        for (const path of paths) assert.ok(found.includes(path), `${path} in ${found.join(', ')}`);
      }
    }
    assert.deepEqual((await json<{ flows: unknown[] }>(await rt.api('/api/flows'))).flows, []);
  });
});
