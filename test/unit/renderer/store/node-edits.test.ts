import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Edge } from '@xyflow/react';
import type { CanvasNode } from '../../../../renderer/store/canvas-types';
import { nodeChangesEffect, patchNodeData } from '../../../../renderer/store/node-edits';
import { eventsDefinition } from './events-definition';

const node = (id: string, config: Record<string, unknown> = {}, label?: string): CanvasNode => ({
  id,
  type: 'end',
  position: { x: 0, y: 0 },
  data: { config, ...(label ? { label } : {}) },
});

describe('nodeChangesEffect', () => {
  const nodes = [node('a'), node('b')];

  it('records nothing for selection, size, or a click that moves nothing', () => {
    const effect = nodeChangesEffect(
      [
        { type: 'select', id: 'a', selected: true },
        { type: 'dimensions', id: 'a', dimensions: { width: 10, height: 10 } },
        { type: 'position', id: 'a', position: { x: 0, y: 0 }, dragging: false },
      ],
      nodes,
      false,
    );
    assert.deepEqual(effect, { historyKey: null, edited: false, dragEnded: false });
  });

  it('records nothing during a drag; its drop ends the drag and is an edit', () => {
    const moving = nodeChangesEffect(
      [{ type: 'position', id: 'a', position: { x: 5, y: 0 }, dragging: true }],
      nodes,
      true,
    );
    assert.equal(moving.historyKey, null);
    const drop = nodeChangesEffect(
      [{ type: 'position', id: 'a', position: { x: 9, y: 0 }, dragging: false }],
      nodes,
      true,
    );
    assert.deepEqual(drop, { historyKey: null, edited: true, dragEnded: true });
  });

  it('gives keyboard nudges of the same nodes one coalescing key', () => {
    const nudge = (x: number) =>
      nodeChangesEffect(
        [{ type: 'position', id: 'a', position: { x, y: 0 }, dragging: false }],
        nodes,
        false,
      );
    assert.equal(nudge(5).historyKey, 'nudge:a');
    assert.equal(nudge(10).historyKey, 'nudge:a');
  });

  it('records removals as a step of their own', () => {
    const effect = nodeChangesEffect([{ type: 'remove', id: 'a' }], nodes, false);
    assert.deepEqual(effect, { historyKey: undefined, edited: true, dragEnded: false });
  });
});

describe('patchNodeData', () => {
  const find = (type: string) => (type === 'end' ? eventsDefinition : undefined);
  const cases = (...ids: string[]) => ({ cases: ids.map((id) => ({ id, value: id })) });
  const edges: Edge[] = [
    { id: 'e1', source: 'ev', sourceHandle: 'paid', target: 'x' },
    { id: 'e2', source: 'ev', sourceHandle: 'refunded', target: 'y' },
    { id: 'e3', source: 'ev', sourceHandle: 'else', target: 'z' },
  ];

  it('drops edges of a removed output and says from which node', () => {
    const nodes = [node('ev', cases('paid', 'refunded'), 'Order events')];
    const edit = patchNodeData(nodes, edges, 'ev', { config: cases('paid') }, find);
    assert.ok(edit);
    assert.deepEqual(
      edit.edges.map((e) => e.id),
      ['e1', 'e3'],
    );
    assert.deepEqual(edit.removed, { count: 1, nodeLabel: 'Order events', handles: ['refunded'] });
    assert.deepEqual(edit.nodes[0]?.data.config, cases('paid'));
    assert.equal(edit.historyKey, 'data:ev:config.cases');
  });

  it('names the node by its type when it has no label', () => {
    const nodes = [node('ev', cases('paid', 'refunded'))];
    const edit = patchNodeData(nodes, edges, 'ev', { config: cases() }, find);
    assert.equal(edit?.removed?.nodeLabel, 'Events');
    assert.equal(edit?.removed?.count, 2);
  });

  it('numbers the type where the flow has several, as problems and runs name it', () => {
    const nodes = [node('first', cases('paid')), node('ev', cases('paid', 'refunded'))];
    const edit = patchNodeData(nodes, edges, 'ev', { config: cases('paid') }, find);
    assert.equal(edit?.removed?.nodeLabel, 'Events 2');
  });

  it('keeps every edge while the new config is invalid', () => {
    const nodes = [node('ev', cases('paid', 'refunded'))];
    const edit = patchNodeData(
      nodes,
      edges,
      'ev',
      { config: { cases: [{ id: 'paid', value: '' }] } },
      find,
    );
    assert.equal(edit?.edges.length, 3);
    assert.equal(edit?.removed, undefined);
  });

  it('a label edit touches no edge and has its own key', () => {
    const nodes = [node('ev', cases('paid'))];
    const edit = patchNodeData(nodes, edges, 'ev', { label: 'Events in' }, find);
    assert.equal(edit?.edges.length, 3);
    assert.equal(edit?.historyKey, 'data:ev:label');
    assert.equal(edit?.nodes[0]?.data.label, 'Events in');
  });

  it('ignores an unknown node', () => {
    assert.equal(patchNodeData([], edges, 'nope', { label: 'x' }, find), undefined);
  });
});
