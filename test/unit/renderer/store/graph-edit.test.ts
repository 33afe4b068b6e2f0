import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Edge } from '@xyflow/react';
import { findNodeDefinition } from '../../../../runtime/nodes/definitions';
import type { CanvasNode } from '../../../../renderer/store/canvas-types';
import {
  canConnect,
  changedKeys,
  connectEdges,
  deleteSelected,
  freeSpot,
  selectAll,
} from '../../../../renderer/store/graph-edit';

const node = (id: string, type: 'start' | 'end', selected = false, x = 0, y = 0): CanvasNode => ({
  id,
  type,
  position: { x, y },
  data: { config: {} },
  selected,
});
const edge = (id: string, source: string, target: string, selected = false): Edge => ({
  id,
  source,
  target,
  sourceHandle: 'next',
  selected,
});

// Only `isTrigger` matters to canConnect. No node type with both an input and outputs
// exists yet besides Start and End, so "end" nodes stand in for mid-flow steps here.
const definitions = (type: string) => ({ isTrigger: type === 'start' });

describe('canConnect', () => {
  const nodes = [node('start', 'start'), node('a', 'end'), node('b', 'end')];
  const edges = [edge('e1', 'start', 'a'), edge('e2', 'a', 'b')];

  it('allows a loop back to an earlier node and a self-loop', () => {
    assert.equal(canConnect(nodes, edges, { source: 'b', target: 'a' }, definitions), true);
    assert.equal(canConnect(nodes, edges, { source: 'b', target: 'b' }, definitions), true);
  });

  it('refuses an edge into a trigger', () => {
    assert.equal(canConnect(nodes, edges, { source: 'b', target: 'start' }, definitions), false);
  });

  it('refuses a duplicate of an existing edge, and unknown nodes', () => {
    assert.equal(
      canConnect(nodes, edges, { source: 'a', sourceHandle: 'next', target: 'b' }, definitions),
      false,
    );
    assert.equal(canConnect(nodes, edges, { source: 'a', target: 'b' }, definitions), false);
    assert.equal(canConnect(nodes, edges, { source: 'a', target: 'nope' }, definitions), false);
  });

  it('refuses nodes of unknown type as targets', () => {
    const real = [node('s', 'start'), node('e', 'end')];
    assert.equal(canConnect(real, [], { source: 's', target: 'e' }, findNodeDefinition), true);
    assert.equal(
      canConnect(real, [], { source: 's', target: 'e' }, () => undefined),
      false,
    );
  });

  it('allows the same target from another output', () => {
    assert.equal(
      canConnect(nodes, edges, { source: 'a', sourceHandle: 'failure', target: 'b' }, definitions),
      true,
    );
  });
});

describe('deleteSelected', () => {
  it('removes selected nodes, their edges, and selected edges', () => {
    const nodes = [node('s', 'start'), node('a', 'end', true), node('b', 'end')];
    const edges = [edge('sa', 's', 'a'), edge('sb', 's', 'b'), edge('bb', 'b', 'b', true)];
    const result = deleteSelected(nodes, edges);
    assert.deepEqual(
      result.nodes.map((n) => n.id),
      ['s', 'b'],
    );
    assert.deepEqual(
      result.edges.map((e) => e.id),
      ['sb'],
    );
    assert.equal(result.removedNodes, 1);
    assert.equal(result.removedEdges, 2);
  });
});

describe('selectAll', () => {
  it('selects every node and edge', () => {
    const result = selectAll([node('a', 'start'), node('b', 'end')], [edge('ab', 'a', 'b')]);
    assert.ok(result.nodes.every((n) => n.selected));
    assert.ok(result.edges.every((e) => e.selected));
  });
});

describe('freeSpot', () => {
  it('moves down until no node starts near the spot', () => {
    const nodes = [node('a', 'end', false, 0, 0), node('b', 'end', false, 10, 120)];
    assert.deepEqual(freeSpot(nodes, { x: 0, y: 0 }), { x: 0, y: 240 });
    assert.deepEqual(freeSpot(nodes, { x: 300, y: 0 }), { x: 300, y: 0 });
  });
});

describe('changedKeys', () => {
  it('names the top-level fields whose values differ', () => {
    assert.deepEqual(changedKeys({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], d: true }), [
      'b',
      'c',
      'd',
    ]);
  });
});

describe('connectEdges', () => {
  const ids = () => {
    let next = 0;
    return () => `new${(next += 1)}`;
  };

  it('adds an edge from a free output', () => {
    const result = connectEdges(
      [edge('e1', 'a', 'b')],
      { source: 'a', sourceHandle: 'no', target: 'c' },
      ids(),
    );
    assert.equal(result.replaced, undefined);
    assert.deepEqual(result.added, {
      id: 'new1',
      source: 'a',
      sourceHandle: 'no',
      target: 'c',
      targetHandle: null,
    });
    assert.deepEqual(
      result.edges.map((e) => e.id),
      ['e1', 'new1'],
    );
  });

  it('moves an output that already leads somewhere: one edge per output', () => {
    const existing = [edge('e1', 'a', 'b'), edge('e2', 'b', 'c')];
    const result = connectEdges(existing, { source: 'a', target: 'c' }, ids());
    assert.equal(result.replaced?.id, 'e1');
    assert.deepEqual(
      result.edges.map((e) => [e.id, e.source, e.sourceHandle, e.target]),
      [
        ['e2', 'b', 'next', 'c'],
        ['new1', 'a', 'next', 'c'],
      ],
    );
  });
});
