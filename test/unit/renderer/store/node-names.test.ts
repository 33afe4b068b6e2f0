// The designer names the open flow's nodes with the runtime's one rule (node-names.ts):
// a card, a screen-reader label and a problem say the same, and a rename shows at once.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { nodeNames } from '../../../../runtime/shared/node-names';
import { emptyHistory } from '../../../../renderer/store/history';
import { canvasNodeNames, nodeInText } from '../../../../renderer/store/node-names';
import { useEditor } from '../../../../renderer/store/editor-store';

const editor = () => useEditor.getState();

beforeEach(() => {
  useEditor.setState({ nodes: [], edges: [], variables: [], history: emptyHistory() });
});

describe('the open flow’s node names', () => {
  it('are the runtime’s names, made once per nodes array and again after an edit', () => {
    const first = editor().addNode('set-variable', { x: 0, y: 0 });
    const second = editor().addNode('set-variable', { x: 300, y: 0 });
    const before = editor().nodes;
    const names = canvasNodeNames(before);
    assert.deepEqual(names, nodeNames(before));
    assert.equal(names.get(second), 'Set variable 2');
    assert.equal(canvasNodeNames(before), names, 'the same array: the same names');
    assert.equal(nodeInText(second), 'Set variable 2');

    editor().updateNodeData(first, { label: 'Keep total' });
    assert.notEqual(editor().nodes, before);
    assert.equal(canvasNodeNames(editor().nodes).get(first), 'Keep total');
    assert.equal(canvasNodeNames(editor().nodes).get(second), 'Set variable 2');
    assert.equal(nodeInText(first), '"Keep total"');
    assert.equal(nodeInText('n_gone'), 'a node no longer on the canvas');
  });
});
