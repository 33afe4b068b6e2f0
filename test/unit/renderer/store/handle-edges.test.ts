// The canvas has no node type yet whose outputs depend on its config: these tests use a
// test definition shaped like the webhook trigger's events (events-definition.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Edge } from '@xyflow/react';
import {
  reconcileHandleEdges,
  removalNotice,
  validOutputs,
} from '../../../../renderer/store/handle-edges';
import { eventsDefinition } from './events-definition';

const edge = (id: string, source: string, sourceHandle: string, target = 'x'): Edge => ({
  id,
  source,
  sourceHandle,
  target,
});

describe('validOutputs', () => {
  it('lists the outputs of a valid config', () => {
    const outputs = validOutputs(eventsDefinition, { cases: [{ id: 'paid', value: 'paid' }] });
    assert.deepEqual(
      outputs?.map((o) => o.id),
      ['paid', 'else'],
    );
  });

  it('is undefined while the config does not validate (no pruning mid-typing)', () => {
    assert.equal(validOutputs(eventsDefinition, { cases: [{ id: 'paid', value: '' }] }), undefined);
  });
});

describe('reconcileHandleEdges', () => {
  const before = validOutputs(eventsDefinition, {
    cases: [
      { id: 'paid', value: 'paid' },
      { id: 'refunded', value: 'refunded' },
    ],
  });
  const edges = [
    edge('e1', 'events', 'paid'),
    edge('e2', 'events', 'refunded'),
    edge('e3', 'events', 'refunded', 'y'),
    edge('e4', 'events', 'else'),
    edge('e5', 'other', 'refunded'),
  ];

  it('removes the edges of a removed case, keeps the rest and other nodes’ edges', () => {
    const after = validOutputs(eventsDefinition, { cases: [{ id: 'paid', value: 'paid' }] });
    assert.ok(after);
    const result = reconcileHandleEdges(edges, 'events', before, after);
    assert.deepEqual(
      result.removed.map((e) => e.id),
      ['e2', 'e3'],
    );
    assert.deepEqual(
      result.edges.map((e) => e.id),
      ['e1', 'e4', 'e5'],
    );
    assert.deepEqual(result.removedHandles, ['refunded']);
    assert.equal(result.renamed, 0);
  });

  it('keeps edges when cases are reordered', () => {
    const after = validOutputs(eventsDefinition, {
      cases: [
        { id: 'refunded', value: 'refunded' },
        { id: 'paid', value: 'paid' },
      ],
    });
    assert.ok(after);
    const result = reconcileHandleEdges(edges, 'events', before, after);
    assert.equal(result.removed.length, 0);
    assert.equal(result.edges.length, edges.length);
  });

  it('moves edges to a handle renamed in place instead of dropping them', () => {
    const after = validOutputs(eventsDefinition, {
      cases: [
        { id: 'paid', value: 'paid' },
        { id: 'refund', value: 'refund' },
      ],
    });
    assert.ok(after);
    const result = reconcileHandleEdges(edges, 'events', before, after);
    assert.equal(result.removed.length, 0);
    assert.equal(result.renamed, 2);
    assert.deepEqual(
      result.edges.filter((e) => e.source === 'events').map((e) => e.sourceHandle),
      ['paid', 'refund', 'refund', 'else'],
    );
  });

  it('without a previous valid config, only drops edges of missing handles', () => {
    const after = validOutputs(eventsDefinition, { cases: [] });
    assert.ok(after);
    const result = reconcileHandleEdges(edges, 'events', undefined, after);
    assert.deepEqual(
      result.removed.map((e) => e.id),
      ['e1', 'e2', 'e3'],
    );
    assert.deepEqual(result.removedHandles, ['paid', 'refunded']);
  });
});

describe('removalNotice', () => {
  it('says how many connections left which node and output', () => {
    assert.equal(
      removalNotice(2, 'Order events', ['refunded']),
      'Removed 2 connections from “Order events” (“refunded”): that output no longer exists.',
    );
    assert.equal(
      removalNotice(1, 'Events', ['a', 'b']),
      'Removed 1 connection from “Events” (“a”, “b”): those outputs no longer exist.',
    );
  });
});
