import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBackEdge, loopPath } from '../../../../renderer/canvas/edge-path';

describe('loop edges', () => {
  it('treats edges to an input left of the output as loops', () => {
    assert.equal(isBackEdge(200, 500), false);
    assert.equal(isBackEdge(200, 20), true);
    assert.equal(isBackEdge(200, 200), true, 'a self-loop ends level with or left of its start');
  });

  it('runs below both cards, from the output to the input', () => {
    const { path, y } = loopPath({
      sourceX: 400,
      sourceY: 50,
      targetX: 100,
      targetY: 80,
      bottom: 120,
    });
    assert.ok(y > 120, 'the lowest run is under the lower card');
    assert.ok(path.startsWith('M 400 50 '), 'starts at the output');
    assert.ok(path.endsWith(' 100 80'), 'ends at the input');
    assert.ok(path.includes(`L 100 ${y}`), 'runs straight left under the cards');
  });
});
