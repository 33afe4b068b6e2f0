import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeNameInText, nodeNames } from '../../../../runtime/shared/node-names';
const node = (id: string, type: string, label?: string) => ({
  id,
  type,
  data: label === undefined ? {} : { label },
});

describe('node names for people', () => {
  it('a label, else the type, numbered in canvas order only when the type repeats', () => {
    const nodes = [
      node('n_1', 'start'),
      node('n_a6ec4adda76f', 'set-variable'),
      node('n_2', 'set-variable', 'Keep total'),
      node('n_3', 'set-variable', '   '),
      node('n_4', 'teleport'),
    ];
    const names = nodeNames(nodes);
    assert.deepEqual(
      nodes.map((item) => names.get(item.id)),
      ['Start', 'Set variable 1', 'Keep total', 'Set variable 3', 'teleport'],
    );
    // Labelling one does not renumber the others.
    assert.equal(names.get('n_3'), 'Set variable 3');
    // Validation against other definitions names types by theirs.
    assert.equal(nodeNames(nodes, (type) => `<${type}>`).get('n_1'), '<start>');
  });

  it('quotes a label inside a sentence, not a type name', () => {
    const nodes = [node('a', 'end', 'Done'), node('b', 'end')];
    const names = nodeNames(nodes);
    assert.equal(nodeNameInText(nodes[0]!, names), '"Done"');
    assert.equal(nodeNameInText(nodes[1]!, names), 'End 2');
  });
});
