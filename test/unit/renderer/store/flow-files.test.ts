import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importProblemLines, readFlowFileText } from '../../../../renderer/store/flow-files';

describe('readFlowFileText', () => {
  it('reads a flow file and previews its name and node count', () => {
    const read = readFlowFileText(
      JSON.stringify({ format: 'hookflow-flow', name: 'Orders', draft: { nodes: [{}, {}] } }),
      'orders.flow.json',
    );
    assert.equal(read.ok, true);
    assert.equal(read.ok && read.name, 'Orders');
    assert.equal(read.ok && read.nodeCount, 2);
  });

  it('leaves the checking of odd fields to the runtime', () => {
    const read = readFlowFileText('{"name": 5, "draft": "no"}', 'odd.json');
    assert.equal(read.ok, true);
    assert.equal(read.ok && read.name, undefined);
    assert.equal(read.ok && read.nodeCount, undefined);
  });

  it('refuses text that is not JSON, or JSON that is not an object, saying what to do', () => {
    const notJson = readFlowFileText('{ nope', 'notes.json');
    assert.equal(notJson.ok, false);
    assert.match(
      !notJson.ok ? notJson.message : '',
      /^“notes\.json” is not a flow file: it is not valid JSON/,
    );
    assert.match(
      !notJson.ok ? notJson.message : '',
      /Choose a \.flow\.json file exported from Hookflow\.$/,
    );
    for (const text of ['[1, 2]', '"text"', 'null', '42']) {
      const read = readFlowFileText(text, 'x.json');
      assert.equal(read.ok, false, text);
      assert.match(!read.ok ? read.message : '', /holds no flow/);
    }
  });
});

describe('importProblemLines', () => {
  it('lists field problems with paths inside the file', () => {
    assert.deepEqual(
      importProblemLines([
        { path: 'document.draft.nodes[0].id', message: 'Use 1–64 letters' },
        { path: 'document', message: 'Expected an object' },
        { path: '', message: 'Whole thing' },
        { nonsense: true },
      ]),
      ['draft.nodes[0].id: Use 1–64 letters', 'Expected an object', 'Whole thing'],
    );
    assert.deepEqual(importProblemLines(undefined), []);
    assert.deepEqual(importProblemLines({ problems: [] }), []);
  });
});
