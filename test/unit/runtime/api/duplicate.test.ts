import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remapGraphIds, uniqueFlowName } from '../../../../runtime/api/duplicate';
import type { DraftGraph } from '../../../../runtime/shared/flow-document';
import { emptyFlow, JsonFlowsStore } from '../../../../runtime/store/flows-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

const draft: DraftGraph = {
  nodes: [
    {
      id: 'n_a',
      type: 'start',
      position: { x: 1, y: 2 },
      data: { label: 'Begin', config: { triggerType: 'webhook' } },
    },
    {
      id: 'n_b',
      type: 'end',
      position: { x: 3, y: 4 },
      // A config pointing at another node (as a Jump target will), nested and in a list.
      data: { config: { target: 'n_a', nested: { list: ['n_b', 'keep me', 7] } } },
    },
  ],
  edges: [
    { id: 'e_1', source: 'n_a', sourceHandle: 'next', target: 'n_b' },
    { id: 'e_2', source: 'n_b', sourceHandle: 'next', target: 'n_a' },
  ],
  variables: [{ name: 'orderId', type: 'text' }],
};

describe('remapGraphIds', () => {
  it('gives every node and edge a new id and rewires edges and config references', () => {
    let counter = 0;
    const copy = remapGraphIds(draft, (prefix) => `${prefix}_new${(counter += 1)}`);
    const ids = new Map(draft.nodes.map((node, index) => [node.id, copy.nodes[index]?.id]));
    assert.deepEqual([...ids.values()], ['n_new1', 'n_new2']);
    assert.deepEqual(
      copy.edges.map((edge) => [edge.id, edge.source, edge.sourceHandle, edge.target]),
      [
        ['e_new3', 'n_new1', 'next', 'n_new2'],
        ['e_new4', 'n_new2', 'next', 'n_new1'],
      ],
    );
    assert.deepEqual(copy.nodes[1]?.data.config, {
      target: 'n_new1',
      nested: { list: ['n_new2', 'keep me', 7] },
    });
    assert.deepEqual(copy.nodes[0]?.data, { label: 'Begin', config: { triggerType: 'webhook' } });
    assert.deepEqual(copy.nodes[0]?.position, { x: 1, y: 2 });
    assert.deepEqual(copy.variables, draft.variables);
    assert.equal(draft.nodes[0]?.id, 'n_a', 'the source graph is untouched');
  });

  it('makes ids in the designer’s shape by default, all distinct', () => {
    const copy = remapGraphIds(draft);
    const ids = [...copy.nodes.map((n) => n.id), ...copy.edges.map((e) => e.id)];
    assert.equal(new Set(ids).size, ids.length);
    for (const id of copy.nodes.map((n) => n.id)) assert.match(id, /^n_[0-9a-f]{12}$/);
    for (const id of copy.edges.map((e) => e.id)) assert.match(id, /^e_[0-9a-f]{12}$/);
  });
});

describe('uniqueFlowName', () => {
  it('numbers a name in use and stays within the 120-character limit', async () => {
    const flows = await JsonFlowsStore.open(await tempDir(), new StoreProblems());
    const ctx = { flows };
    assert.equal(uniqueFlowName(ctx, 'Orders'), 'Orders');
    await flows.create(emptyFlow('f_1', 'Orders'));
    assert.equal(uniqueFlowName(ctx, 'Orders'), 'Orders (2)');
    await flows.create(emptyFlow('f_2', 'Orders (2)'));
    assert.equal(uniqueFlowName(ctx, 'Orders'), 'Orders (3)');
    const long = 'x'.repeat(120);
    await flows.create(emptyFlow('f_3', long));
    const numbered = uniqueFlowName(ctx, long);
    assert.equal(numbered.length, 120);
    assert.match(numbered, /x \(2\)$/);
    assert.equal(uniqueFlowName(ctx, `Copy of ${long}`).length, 120);
  });
});
