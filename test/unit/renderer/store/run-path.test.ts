import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runPath, visitLabel, type EdgeLike } from '../../../../renderer/store/run-path';

const edges: EdgeLike[] = [
  { id: 'e_start', source: 'start', sourceHandle: 'next', target: 'check' },
  { id: 'e_true', source: 'check', sourceHandle: 'true', target: 'yes' },
  { id: 'e_else', source: 'check', sourceHandle: 'else', target: 'no' },
  { id: 'e_yes', source: 'yes', sourceHandle: 'next', target: 'end' },
  { id: 'e_no', source: 'no', sourceHandle: 'next', target: 'end' },
];
const all = new Set(['start', 'check', 'yes', 'no', 'end']);

describe('runPath', () => {
  it('marks the branch taken and leaves the other one out', () => {
    const path = runPath(
      {
        steps: [
          { nodeId: 'start', outputHandle: 'next' },
          { nodeId: 'check', outputHandle: 'true' },
          { nodeId: 'yes', outputHandle: 'next' },
          { nodeId: 'end' },
        ],
      },
      edges,
      all,
    );
    assert.deepEqual([...path.takenEdges.keys()], ['e_start', 'e_true', 'e_yes']);
    assert.equal(path.takenEdges.has('e_else'), false);
    assert.deepEqual(path.visits.get('check'), { steps: [2], state: 'ok' });
    assert.deepEqual(path.visits.get('end'), { steps: [4], state: 'ok' });
    assert.equal(path.visits.has('no'), false);
    assert.deepEqual(path.missingNodes, []);
  });

  it('counts an edge only when the next step is its target (same handle, other target)', () => {
    const twoTargets: EdgeLike[] = [
      { id: 'e_a', source: 'start', sourceHandle: 'next', target: 'a' },
      { id: 'e_b', source: 'start', sourceHandle: 'next', target: 'b' },
    ];
    const path = runPath(
      { steps: [{ nodeId: 'start', outputHandle: 'next' }, { nodeId: 'b' }] },
      twoTargets,
      new Set(['start', 'a', 'b']),
    );
    assert.deepEqual([...path.takenEdges.keys()], ['e_b']);
  });

  it('shows a loop as repeated visits and counts each pass over an edge', () => {
    const loop: EdgeLike[] = [
      { id: 'e_ask', source: 'ask', sourceHandle: 'next', target: 'check' },
      { id: 'e_again', source: 'check', sourceHandle: 'else', target: 'ask' },
      { id: 'e_done', source: 'check', sourceHandle: 'true', target: 'end' },
    ];
    const path = runPath(
      {
        steps: [
          { nodeId: 'ask', outputHandle: 'next' },
          { nodeId: 'check', outputHandle: 'else' },
          { nodeId: 'ask', outputHandle: 'next' },
          { nodeId: 'check', outputHandle: 'else' },
          { nodeId: 'ask', outputHandle: 'next' },
          { nodeId: 'check', outputHandle: 'true' },
          { nodeId: 'end' },
        ],
      },
      loop,
      new Set(['ask', 'check', 'end']),
    );
    assert.deepEqual(path.visits.get('ask')?.steps, [1, 3, 5]);
    assert.deepEqual(path.visits.get('check')?.steps, [2, 4, 6]);
    assert.equal(path.takenEdges.get('e_ask'), 3);
    assert.equal(path.takenEdges.get('e_again'), 2);
    assert.equal(path.takenEdges.get('e_done'), 1);
  });

  it('a self-loop and a jump (no edge) keep their visits; a missing handle means the default one', () => {
    const path = runPath(
      {
        steps: [
          { nodeId: 'menu', outputHandle: 'again' },
          { nodeId: 'menu', outputHandle: 'jump:start' },
          { nodeId: 'start', outputHandle: 'next' },
          { nodeId: 'end' },
        ],
      },
      [
        { id: 'e_self', source: 'menu', sourceHandle: 'again', target: 'menu' },
        { id: 'e_plain', source: 'start', sourceHandle: null, target: 'end' },
      ],
      new Set(['menu', 'start', 'end']),
    );
    assert.deepEqual(path.visits.get('menu')?.steps, [1, 2]);
    assert.deepEqual([...path.takenEdges.keys()], ['e_self', 'e_plain']);
  });

  it('a waiting run: the edge into the node it waits at is taken, and that node is marked waiting', () => {
    const path = runPath(
      { steps: [{ nodeId: 'start', outputHandle: 'next' }], waiting: { nodeId: 'check' } },
      edges,
      all,
    );
    assert.deepEqual([...path.takenEdges.keys()], ['e_start']);
    assert.deepEqual(path.visits.get('check'), { steps: [2], state: 'waiting' });
  });

  it('says which visits were skipped or failed, and which nodes the canvas lost', () => {
    const path = runPath(
      {
        steps: [
          { nodeId: 'start', outputHandle: 'next' },
          { nodeId: 'ask', outputHandle: 'next', skipped: 'no chat bound' },
          { nodeId: 'check', error: 'Rule 1: bad pattern' },
        ],
      },
      [],
      new Set(['start', 'check']),
    );
    assert.equal(path.visits.get('start')?.state, 'ok');
    assert.equal(path.visits.get('ask')?.state, 'skipped');
    assert.equal(path.visits.get('check')?.state, 'failed');
    assert.deepEqual(path.missingNodes, ['ask']);
  });

  it('a node skipped once but run another time counts as run', () => {
    const path = runPath(
      {
        steps: [
          { nodeId: 'say', outputHandle: 'next', skipped: 'no chat bound' },
          { nodeId: 'say', outputHandle: 'next' },
        ],
      },
      [],
      new Set(['say']),
    );
    assert.equal(path.visits.get('say')?.state, 'ok');
  });
});

describe('visitLabel', () => {
  it('lists up to three step numbers, then shortens', () => {
    assert.equal(visitLabel([3]), '3');
    assert.equal(visitLabel([2, 5]), '2 · 5');
    assert.equal(visitLabel([1, 3, 5]), '1 · 3 · 5');
    assert.equal(visitLabel([2, 5, 8, 11, 14]), '2 · 5 … 14 (×5)');
  });
});
