import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Edge } from '@xyflow/react';
import type { NodeType } from '../../../../runtime/nodes/definitions';
import type { CanvasNode } from '../../../../renderer/store/canvas-types';
import {
  connectedNotice,
  movedEdgeNotice,
  nodeTitle,
  outputChoices,
  targetChoices,
} from '../../../../renderer/store/connect-choices';

const node = (id: string, type: NodeType, label?: string, config = {}): CanvasNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { ...(label ? { label } : {}), config },
});
const edge = (id: string, source: string, sourceHandle: string, target: string): Edge => ({
  id,
  source,
  sourceHandle,
  target,
});

const nodes = [
  node('start', 'start'),
  node('ask', 'buttons', 'Ask'),
  node('thanks', 'send-message', 'Thanks', { text: 'Thank you!' }),
  node('sorry', 'send-message', undefined, { text: 'Sorry to hear' }),
  node('done', 'end'),
];
const edges = [edge('e1', 'start', 'next', 'ask'), edge('e2', 'ask', 'yes', 'thanks')];
const ask = nodes[1] as CanvasNode;

describe('outputChoices', () => {
  it("lists the card's outputs with the node each leads to", () => {
    const choices = outputChoices(ask, nodes, edges);
    assert.deepEqual(
      choices.map((choice) => [choice.handle.id, choice.handle.label, choice.target?.id]),
      [
        ['yes', 'Yes', 'thanks'],
        ['no', 'No', undefined],
      ],
    );
  });

  it('is empty for a node without outputs', () => {
    assert.deepEqual(outputChoices(nodes[4] as CanvasNode, nodes, edges), []);
  });
});

describe('targetChoices', () => {
  it('offers what canConnect allows: no trigger, not the current target; itself last', () => {
    const yes = targetChoices(ask, 'yes', nodes, edges).map((choice) => choice.node.id);
    assert.deepEqual(yes, ['sorry', 'done', 'ask']);
    const no = targetChoices(ask, 'no', nodes, edges);
    assert.deepEqual(
      no.map((choice) => [choice.node.id, choice.isSource]),
      [
        ['thanks', false],
        ['sorry', false],
        ['done', false],
        ['ask', true],
      ],
    );
  });

  it('matches every typed word in the title, the type or the summary, like the palette', () => {
    const ids = (query: string) =>
      targetChoices(ask, 'no', nodes, edges, query).map((choice) => choice.node.id);
    assert.deepEqual(ids('sorry'), ['sorry']);
    // Both are Send messages; the unlabelled one's title is "Send message".
    assert.deepEqual(ids('send message'), ['sorry', 'thanks']);
    // "end" is in "Send message" too; a title starting with it comes first.
    assert.deepEqual(ids('  END '), ['done', 'thanks', 'sorry']);
    assert.deepEqual(ids('thank you'), ['thanks']);
    assert.deepEqual(ids('nothing like this'), []);
  });

  it('tells nodes of one type apart by their summary', () => {
    const sorry = targetChoices(ask, 'no', nodes, edges, 'sorry')[0];
    assert.equal(sorry?.title, 'Send message');
    assert.equal(sorry?.detail, 'Send message · Sorry to hear');
  });
});

describe('notices', () => {
  it('name nodes by their card titles and outputs by their labels', () => {
    assert.equal(nodeTitle(nodes[3]), 'Send message');
    assert.equal(
      connectedNotice(nodes, { source: 'ask', sourceHandle: 'no', target: 'sorry' }),
      'Connected “Ask” “No” → “Send message”.',
    );
    assert.equal(
      movedEdgeNotice(nodes, edges[1] as Edge, 'done'),
      '“Ask” “Yes” now leads to “End” (it led to “Thanks”: an output leads to one node).',
    );
  });
});
