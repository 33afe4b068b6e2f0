import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DraftGraph, FlowDocument, FlowSummary } from '../../runtime/shared/flow-document';
import type { GraphProblem, PublishResult, VersionSummary } from '../../runtime/shared/publishing';
import { createFlow } from '../helpers/admin-api';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';

interface ErrorBody {
  error: { code: string; message: string; details?: { problems?: GraphProblem[] } };
}

const validDraft: DraftGraph = {
  nodes: [
    { id: 'n_start', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
    { id: 'n_end', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } },
  ],
  edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_end' }],
  variables: [],
};

const publish = (rt: TestRuntime, id: string, body: unknown = {}) =>
  rt.api(`/api/flows/${id}/publish`, { method: 'POST', json: body });

/** A flow named "Orders" (duplicating names the copy after it), valid unless `draft` is given. */
const createOrders = (rt: TestRuntime, draft: unknown = validDraft) =>
  createFlow(rt, draft, 'Orders');

describe('publishing', () => {
  it('publishes a valid draft with parsed configs, and the list shows it published', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt);
    const response = await publish(rt, flow.id, { revision: flow.revision });
    assert.equal(response.status, 200);
    const { flow: published, warnings } = await json<PublishResult>(response);
    assert.deepEqual(warnings, []);
    assert.equal(published.published?.version, 1);
    assert.ok(Date.parse(published.published?.publishedAt ?? '') > 0);
    assert.deepEqual(
      published.published?.graph.nodes.map((node) => [node.id, node.data.config]),
      [
        ['n_start', { triggerType: 'manual' }],
        ['n_end', { result: [] }],
      ],
      'defaults applied: the engine runs exactly what was validated',
    );
    assert.deepEqual(published.draft, flow.draft, 'the draft is kept as the user left it');
    assert.equal(published.revision, flow.revision, 'publishing does not edit the draft');

    const list = await json<{ flows: FlowSummary[] }>(await rt.api('/api/flows'));
    assert.equal(list.flows[0]?.publishedVersion, 1);
    assert.equal(list.flows[0]?.hasUnpublishedChanges, false);
  });

  it('refuses an invalid draft with 422 listing every problem with node ids and fields', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt, {
      nodes: [
        {
          id: 'n_start',
          type: 'start',
          position: { x: 0, y: 0 },
          data: { label: 'Hook', config: { triggerType: 'fax' } },
        },
        { id: 'n_end', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } },
        { id: 'n_lost', type: 'end', position: { x: 600, y: 0 }, data: { config: {} } },
      ],
      edges: [
        { id: 'e_1', source: 'n_end', sourceHandle: 'next', target: 'n_start' },
        { id: 'e_2', source: 'n_start', sourceHandle: 'next', target: 'n_end' },
      ],
    });
    const response = await publish(rt, flow.id);
    assert.equal(response.status, 422);
    const body = await json<ErrorBody>(response);
    assert.equal(body.error.code, 'invalid_flow');
    const problems = body.error.details?.problems ?? [];
    const errors = problems.filter((problem) => problem.severity === 'error');
    assert.equal(
      body.error.message,
      `${errors.length} problems stop this flow from being published`,
    );
    const config = errors.find((problem) => problem.field === 'triggerType');
    assert.equal(config?.nodeId, 'n_start');
    assert.match(config?.message ?? '', /^"Hook" — Trigger type: /);
    assert.ok(
      errors.some(
        (p) => p.edgeId === 'e_1' && p.nodeId === 'n_end' && /no outputs/.test(p.message),
      ),
    );
    assert.ok(
      errors.some((p) => p.edgeId === 'e_1' && p.nodeId === 'n_start' && /trigger/.test(p.message)),
    );
    assert.ok(errors.some((p) => p.nodeId === 'n_lost' && /Cannot be reached/.test(p.message)));
    assert.ok(
      problems.every((problem) => !/\bn_(start|end|lost)\b/.test(problem.message)),
      'problems name nodes for people, not by id',
    );

    const validate = await json<{ problems: GraphProblem[] }>(
      await rt.api(`/api/flows/${flow.id}/validate`),
    );
    assert.deepEqual(validate.problems, problems, 'the designer sees the same problems live');
    const stored = await json<FlowDocument>(await rt.api(`/api/flows/${flow.id}`));
    assert.equal(stored.published, null);
  });

  it('returns warnings with a successful publish', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt, {
      ...validDraft,
      edges: [],
      nodes: validDraft.nodes.slice(0, 1),
    });
    const { warnings } = await json<PublishResult>(await publish(rt, flow.id));
    assert.deepEqual(
      warnings.map((warning) => [warning.nodeId, warning.handle, warning.severity]),
      [['n_start', 'next', 'warning']],
    );
  });

  it('refuses to publish a draft the client has not seen (stale revision)', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt);
    await rt.api(`/api/flows/${flow.id}`, { method: 'PATCH', json: { name: 'Renamed' } });
    const response = await publish(rt, flow.id, { revision: flow.revision });
    assert.equal(response.status, 409);
    assert.equal((await json<ErrorBody>(response)).error.code, 'revision_conflict');
  });

  it('counts versions up and keeps the last 10 of 11', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt);
    for (let version = 1; version <= 11; version += 1) {
      const { flow: published } = await json<PublishResult>(await publish(rt, flow.id));
      assert.equal(published.published?.version, version);
    }
    const { versions } = await json<{ versions: VersionSummary[] }>(
      await rt.api(`/api/flows/${flow.id}/versions`),
    );
    assert.deepEqual(
      versions.map((v) => v.version),
      [11, 10, 9, 8, 7, 6, 5, 4, 3, 2],
    );
    assert.deepEqual(
      versions.map((v) => v.live),
      [true, false, false, false, false, false, false, false, false, false],
    );
    assert.equal(versions[0]?.nodeCount, 2);

    const v2 = await rt.api(`/api/flows/${flow.id}/versions/2`);
    assert.equal(v2.status, 200);
    assert.equal((await json<{ version: number }>(v2)).version, 2);
    assert.equal((await rt.api(`/api/flows/${flow.id}/versions/1`)).status, 404);
    assert.equal((await rt.api(`/api/flows/${flow.id}/versions/latest`)).status, 400);

    const onDisk = JSON.parse(
      await readFile(join(rt.dataDir, 'flows', `${flow.id}.versions.json`), 'utf8'),
    );
    assert.equal(onDisk.versions.length, 10);
  });

  it('keeps node ids permanent: a published id cannot change its node type', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt);
    const retyped = {
      ...validDraft,
      nodes: [
        validDraft.nodes[0],
        { id: 'n_end', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
      ],
      edges: [],
    };
    // Before publishing, ids are still free to change.
    const before = await rt.api(`/api/flows/${flow.id}`, {
      method: 'PATCH',
      json: { draft: retyped },
    });
    assert.equal(before.status, 200);
    await rt.api(`/api/flows/${flow.id}`, { method: 'PATCH', json: { draft: validDraft } });
    await publish(rt, flow.id);

    const refused = await rt.api(`/api/flows/${flow.id}`, {
      method: 'PATCH',
      json: { draft: retyped },
    });
    assert.equal(refused.status, 409);
    const body = await json<ErrorBody & { error: { details: { changes: unknown[] } } }>(refused);
    assert.equal(body.error.code, 'node_id_changed');
    assert.deepEqual(body.error.details.changes, [
      { nodeId: 'n_end', publishedType: 'end', draftType: 'start' },
    ]);
    const stored = await json<FlowDocument>(await rt.api(`/api/flows/${flow.id}`));
    assert.deepEqual(stored.draft, validDraft);

    // Removing a published node, or adding new ones, is an ordinary edit.
    const removed = await rt.api(`/api/flows/${flow.id}`, {
      method: 'PATCH',
      json: { draft: { ...validDraft, nodes: validDraft.nodes.slice(0, 1), edges: [] } },
    });
    assert.equal(removed.status, 200);
    const summary = (await json<{ flows: FlowSummary[] }>(await rt.api('/api/flows'))).flows[0];
    assert.equal(summary?.hasUnpublishedChanges, true);
  });

  it('unpublishes, keeps history, and continues the version count on republish', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt);
    await publish(rt, flow.id);
    await publish(rt, flow.id);
    const unpublished = await rt.api(`/api/flows/${flow.id}/unpublish`, { method: 'POST' });
    assert.equal(unpublished.status, 200);
    const doc = await json<FlowDocument>(unpublished);
    assert.equal(doc.published, null);
    assert.deepEqual(doc.draft, validDraft);
    const { versions } = await json<{ versions: VersionSummary[] }>(
      await rt.api(`/api/flows/${flow.id}/versions`),
    );
    assert.deepEqual(
      versions.map((v) => [v.version, v.live]),
      [
        [2, false],
        [1, false],
      ],
    );
    // Once unpublished, the node types are free again.
    const again = await json<PublishResult>(await publish(rt, flow.id));
    assert.equal(again.flow.published?.version, 3);
    assert.equal((await rt.api('/api/flows/f_nope/unpublish', { method: 'POST' })).status, 404);
  });

  it('moves the versions file aside when the flow is deleted', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt);
    await publish(rt, flow.id);
    assert.equal((await rt.api(`/api/flows/${flow.id}`, { method: 'DELETE' })).status, 204);
    const flowsDir = await readdir(join(rt.dataDir, 'flows'));
    assert.ok(!flowsDir.some((name) => name.startsWith(flow.id)), flowsDir.join(','));
    const deleted = await readdir(join(rt.dataDir, 'flows', 'deleted'));
    assert.equal(deleted.filter((name) => name.endsWith('.versions.json')).length, 1);
    assert.equal((await rt.api(`/api/flows/${flow.id}/versions`)).status, 404);
  });
});

describe('duplicating', () => {
  it('copies the draft with new node and edge ids, unpublished, under a free name', async () => {
    const rt = await startTestRuntime();
    const flow = await createOrders(rt);
    await publish(rt, flow.id);
    const response = await rt.api(`/api/flows/${flow.id}/duplicate`, { method: 'POST' });
    assert.equal(response.status, 201);
    const copy = await json<FlowDocument>(response);
    assert.notEqual(copy.id, flow.id);
    assert.equal(copy.name, 'Copy of Orders');
    assert.equal(copy.published, null);
    assert.equal(copy.revision, 0);
    const [start, end] = copy.draft.nodes;
    assert.ok(start && end);
    assert.ok(![start.id, end.id].includes('n_start') && ![start.id, end.id].includes('n_end'));
    assert.deepEqual(
      copy.draft.edges.map((edge) => [edge.source, edge.sourceHandle, edge.target]),
      [[start.id, 'next', end.id]],
    );
    assert.notEqual(copy.draft.edges[0]?.id, 'e_1');
    assert.deepEqual(
      copy.draft.nodes.map((node) => [node.type, node.position, node.data]),
      validDraft.nodes.map((node) => [node.type, node.position, node.data]),
    );

    const second = await json<FlowDocument>(
      await rt.api(`/api/flows/${flow.id}/duplicate`, { method: 'POST', json: {} }),
    );
    assert.equal(second.name, 'Copy of Orders (2)');
    const named = await json<FlowDocument>(
      await rt.api(`/api/flows/${flow.id}/duplicate`, {
        method: 'POST',
        json: { name: 'Refunds' },
      }),
    );
    assert.equal(named.name, 'Refunds');
    const original = await json<FlowDocument>(await rt.api(`/api/flows/${flow.id}`));
    assert.deepEqual(original.draft, validDraft);
    assert.equal((await rt.api('/api/flows/f_nope/duplicate', { method: 'POST' })).status, 404);
    const bad = await rt.api(`/api/flows/${flow.id}/duplicate`, {
      method: 'POST',
      json: { name: '' },
    });
    assert.equal(bad.status, 400);
  });
});
