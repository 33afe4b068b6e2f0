import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Edge } from '@xyflow/react';
import type { CanvasNode } from '../../../../renderer/store/canvas-types';
import {
  CLIPBOARD_FORMAT,
  materializePaste,
  parseClipboardText,
  serializeClipboard,
  toClipboardPayload,
  type ClipboardPayload,
} from '../../../../renderer/store/clipboard';

const node = (id: string, x: number, y: number, selected: boolean): CanvasNode => ({
  id,
  type: 'end',
  position: { x, y },
  data: { label: `Node ${id}`, config: {} },
  selected,
});
const edge = (id: string, source: string, target: string): Edge => ({
  id,
  source,
  target,
  sourceHandle: 'next',
  targetHandle: null,
});

function counterIds() {
  let n = 0;
  return (prefix: string) => `${prefix}_new${(n += 1)}`;
}

describe('clipboard payload', () => {
  const nodes = [node('a', 100, 100, true), node('b', 400, 160, true), node('c', 0, 0, false)];
  const edges = [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('ca', 'c', 'a')];

  it('holds the selected nodes and only the edges among them', () => {
    const payload = toClipboardPayload(nodes, edges);
    assert.ok(payload);
    assert.deepEqual(
      payload.nodes.map((n) => n.id),
      ['a', 'b'],
    );
    assert.deepEqual(
      payload.edges.map((e) => e.id),
      ['ab'],
    );
    assert.equal(payload.nodes[0]?.data.label, 'Node a');
  });

  it('is undefined when nothing is selected', () => {
    assert.equal(toClipboardPayload([node('a', 0, 0, false)], []), undefined);
  });

  it('round-trips through text', () => {
    const payload = toClipboardPayload(nodes, edges);
    assert.ok(payload);
    assert.deepEqual(parseClipboardText(serializeClipboard(payload)), payload);
  });

  it('ignores anything that is not a valid Hookflow payload', () => {
    const valid = toClipboardPayload(nodes, edges);
    assert.ok(valid);
    const cases: string[] = [
      '',
      'hello world',
      '{"format":"something-else","nodes":[]}',
      `{"format":"${CLIPBOARD_FORMAT}", broken json`,
      JSON.stringify({ ...valid, version: 2 }),
      JSON.stringify({ ...valid, nodes: [] }),
      JSON.stringify({ ...valid, nodes: [{ ...valid.nodes[0], type: 'no-such-type' }] }),
      JSON.stringify({ ...valid, nodes: [{ ...valid.nodes[0], id: '../../etc' }] }),
      JSON.stringify({ ...valid, edges: [{ id: 'e', source: 'a' }] }),
    ];
    for (const text of cases) assert.equal(parseClipboardText(text), undefined, text);
  });
});

describe('materializePaste', () => {
  const payload: ClipboardPayload = {
    format: CLIPBOARD_FORMAT,
    version: 1,
    nodes: [
      { id: 'a', type: 'start', position: { x: 100, y: 100 }, data: { config: {} } },
      { id: 'b', type: 'end', position: { x: 400, y: 160 }, data: { label: 'B', config: {} } },
    ],
    edges: [
      { id: 'ab', source: 'a', sourceHandle: 'next', target: 'b' },
      { id: 'dangling', source: 'a', sourceHandle: 'next', target: 'zzz' },
    ],
  };

  it('gives every node and edge a new id and remaps edge ends', () => {
    const pasted = materializePaste(payload, { offset: { x: 32, y: 32 }, makeId: counterIds() });
    assert.deepEqual(
      pasted.nodes.map((n) => n.id),
      ['n_new1', 'n_new2'],
    );
    assert.equal(pasted.edges.length, 1, 'an edge to a node outside the payload is dropped');
    assert.deepEqual(
      { id: pasted.edges[0]?.id, source: pasted.edges[0]?.source, target: pasted.edges[0]?.target },
      { id: 'e_new3', source: 'n_new1', target: 'n_new2' },
    );
    assert.ok(pasted.nodes.every((n) => n.selected));
    assert.equal(pasted.nodes[1]?.data.label, 'B');
  });

  it('pastes at an offset, or with the group’s top-left at a point', () => {
    const offset = materializePaste(payload, { offset: { x: 32, y: 32 }, makeId: counterIds() });
    assert.deepEqual(
      offset.nodes.map((n) => n.position),
      [
        { x: 132, y: 132 },
        { x: 432, y: 192 },
      ],
    );
    const at = materializePaste(payload, {
      at: { x: 0, y: 0 },
      offset: { x: 32, y: 32 },
      makeId: counterIds(),
    });
    assert.deepEqual(
      at.nodes.map((n) => n.position),
      [
        { x: 0, y: 0 },
        { x: 300, y: 60 },
      ],
    );
  });

  it('copies configs, so editing a pasted node never changes the clipboard', () => {
    const withConfig: ClipboardPayload = {
      ...payload,
      nodes: [
        { id: 'a', type: 'start', position: { x: 0, y: 0 }, data: { config: { list: [1] } } },
      ],
      edges: [],
    };
    const pasted = materializePaste(withConfig, { offset: { x: 0, y: 0 }, makeId: counterIds() });
    assert.notEqual(pasted.nodes[0]?.data.config, withConfig.nodes[0]?.data.config);
    assert.deepEqual(pasted.nodes[0]?.data.config, { list: [1] });
  });

  it('gives a pasted Webhook Trigger a new URL id, keeping the rest of its config', () => {
    const hook: ClipboardPayload = {
      ...payload,
      nodes: [
        {
          id: 'h',
          type: 'webhook-trigger',
          position: { x: 0, y: 0 },
          data: { config: { webhookId: 'wh_AAAAAAAAAAAAAAAAAAAAAA', methods: ['PUT'] } },
        },
      ],
      edges: [],
    };
    const pasted = materializePaste(hook, { offset: { x: 0, y: 0 }, makeId: counterIds() });
    const config = pasted.nodes[0]?.data.config;
    assert.match(String(config?.webhookId), /^wh_[A-Za-z0-9_-]{22}$/);
    assert.notEqual(config?.webhookId, 'wh_AAAAAAAAAAAAAAAAAAAAAA');
    assert.deepEqual(config?.methods, ['PUT']);
  });
});
