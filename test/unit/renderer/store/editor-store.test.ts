// The editor store with its real edit actions: undo/redo across add, move, connect,
// delete, paste and typing. No runtime is needed: nothing here saves (no flow is open).
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { useEditor } from '../../../../renderer/store/editor-store';
import { emptyHistory } from '../../../../renderer/store/history';
import {
  CURRENT_SCHEMA_VERSION,
  type FlowDocument,
} from '../../../../runtime/shared/flow-document';

const editor = () => useEditor.getState();

beforeEach(() => {
  useEditor.setState({ nodes: [], edges: [], variables: [], history: emptyHistory() });
});

describe('editor store: undo and redo', () => {
  it('undoes and redoes adding a node', () => {
    editor().addNode('start', { x: 0, y: 0 });
    assert.equal(editor().nodes.length, 1);
    assert.equal(editor().saveStatus, 'unsaved', 'an edit marks the draft unsaved');
    assert.equal(editor().undo(), true);
    assert.equal(editor().nodes.length, 0);
    assert.equal(editor().redo(), true);
    assert.equal(editor().nodes.length, 1);
    assert.equal(editor().redo(), false);
  });

  it('gives a new Webhook Trigger its own URL id, a duplicated one another', () => {
    const id = editor().addNode('webhook-trigger', { x: 0, y: 0 });
    const first = editor().nodes.find((node) => node.id === id)?.data.config.webhookId;
    assert.match(String(first), /^wh_[A-Za-z0-9_-]{22}$/);
    editor().duplicateSelection();
    const ids = editor().nodes.map((node) => node.data.config.webhookId);
    assert.equal(ids.length, 2);
    assert.equal(new Set(ids).size, 2, 'the duplicate answers on another URL');
  });

  it('records a drag as one step however many moves it has', () => {
    const id = editor().addNode('end', { x: 0, y: 0 });
    const steps = editor().history.past.length;
    editor().beginDrag();
    for (let x = 1; x <= 20; x += 1) {
      editor().onNodesChange([{ type: 'position', id, position: { x, y: 0 }, dragging: true }]);
    }
    editor().onNodesChange([{ type: 'position', id, position: { x: 20, y: 0 }, dragging: false }]);
    editor().endDrag();
    assert.equal(editor().history.past.length, steps + 1);
    editor().undo();
    assert.deepEqual(editor().nodes[0]?.position, { x: 0, y: 0 });
    editor().redo();
    assert.deepEqual(editor().nodes[0]?.position, { x: 20, y: 0 });
  });

  it('leaves no step for a drag that ends where it started', () => {
    const id = editor().addNode('end', { x: 0, y: 0 });
    const steps = editor().history.past.length;
    editor().beginDrag();
    editor().onNodesChange([{ type: 'position', id, position: { x: 8, y: 0 }, dragging: true }]);
    editor().onNodesChange([{ type: 'position', id, position: { x: 0, y: 0 }, dragging: true }]);
    editor().endDrag();
    assert.equal(editor().history.past.length, steps);
  });

  it('records no step for selection changes or a click that moves nothing', () => {
    const id = editor().addNode('end', { x: 0, y: 0 });
    const steps = editor().history.past.length;
    editor().onNodesChange([{ type: 'select', id, selected: false }]);
    editor().onNodesChange([{ type: 'position', id, position: { x: 0, y: 0 }, dragging: false }]);
    assert.equal(editor().history.past.length, steps);
  });

  it('undoes a connection and a delete (nodes with their edges)', () => {
    const start = editor().addNode('start', { x: 0, y: 0 });
    const end = editor().addNode('end', { x: 300, y: 0 });
    editor().connect({ source: start, sourceHandle: 'next', target: end, targetHandle: 'in' });
    assert.equal(editor().edges.length, 1);
    editor().connect({ source: start, sourceHandle: 'next', target: end, targetHandle: 'in' });
    assert.equal(editor().edges.length, 1, 'a duplicate edge is refused');

    editor().setSelectedOnly(end);
    assert.equal(editor().deleteSelection(), 2);
    assert.equal(editor().nodes.length, 1);
    assert.equal(editor().edges.length, 0);
    editor().undo();
    assert.equal(editor().nodes.length, 2);
    assert.equal(editor().edges.length, 1);
    editor().undo();
    assert.equal(editor().edges.length, 0, 'then the connection is undone');
  });

  it('coalesces typing in one field into one step, separate from another field', () => {
    const id = editor().addNode('start', { x: 0, y: 0 });
    const steps = editor().history.past.length;
    for (const label of ['H', 'He', 'Hel', 'Hello']) editor().updateNodeData(id, { label });
    assert.equal(editor().history.past.length, steps + 1);
    editor().updateNodeData(id, { config: { triggerType: 'webhook' } });
    assert.equal(editor().history.past.length, steps + 2);
    editor().undo();
    assert.deepEqual(editor().nodes[0]?.data.config, {});
    assert.equal(editor().nodes[0]?.data.label, 'Hello');
    editor().undo();
    assert.equal(editor().nodes[0]?.data.label, undefined);
  });

  it('pastes copies with new ids as one undoable step, cascading repeated pastes', () => {
    const start = editor().addNode('start', { x: 0, y: 0 });
    const end = editor().addNode('end', { x: 300, y: 0 });
    editor().connect({ source: start, sourceHandle: 'next', target: end, targetHandle: null });
    editor().selectAll();
    assert.equal(editor().copySelection()?.nodes.length, 2);
    assert.equal(editor().paste(), 2);
    assert.equal(editor().paste(), 2);
    const ids = new Set(editor().nodes.map((n) => n.id));
    assert.equal(ids.size, 6);
    assert.equal(editor().edges.length, 3);
    const positions = editor()
      .nodes.filter((n) => n.type === 'start')
      .map((n) => n.position.x);
    assert.deepEqual(positions, [0, 32, 64]);
    assert.ok(
      editor()
        .nodes.slice(4)
        .every((n) => n.selected),
      'the last paste is selected',
    );
    editor().undo();
    assert.equal(editor().nodes.length, 4);
  });

  it('duplicates the selection without touching the clipboard', () => {
    editor().addNode('start', { x: 0, y: 0 });
    assert.equal(editor().duplicateSelection(), 1);
    assert.equal(editor().nodes.length, 2);
    assert.notEqual(editor().nodes[0]?.id, editor().nodes[1]?.id);
  });

  it('adding next to a selected node joins its first free output', () => {
    const start = editor().addNode('start', { x: 0, y: 0 });
    const end = editor().addNode('end', { x: 280, y: 0 }, start);
    assert.deepEqual(
      editor().edges.map((e) => [e.source, e.sourceHandle, e.target]),
      [[start, 'next', end]],
    );
    editor().addNode('end', { x: 280, y: 120 }, start);
    assert.equal(editor().edges.length, 1, 'the output is taken: no second edge');
  });
});

describe('editor store: adoptFlow', () => {
  const doc = (id: string, revision: number, name = 'Orders'): FlowDocument => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision,
    draft: { nodes: [], edges: [], variables: [] },
    published: null,
  });

  it('takes a newer copy of the open flow, never another flow’s or an older one', () => {
    useEditor.setState({ flowId: 'f_1', flow: doc('f_1', 3) });
    editor().adoptFlow(doc('f_2', 9, 'Other'));
    assert.equal(editor().flow?.name, 'Orders');
    editor().adoptFlow(doc('f_1', 2, 'Stale'));
    assert.equal(editor().flow?.name, 'Orders');
    editor().adoptFlow(doc('f_1', 4, 'Renamed'));
    assert.equal(editor().flow?.name, 'Renamed');
    assert.equal(editor().flow?.revision, 4);
    useEditor.setState({ flowId: undefined, flow: undefined });
  });
});
