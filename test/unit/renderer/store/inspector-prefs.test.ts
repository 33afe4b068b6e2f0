import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clampInspectorWidth,
  DEFAULT_INSPECTOR_WIDTH,
  MIN_CANVAS_BESIDE,
  MIN_INSPECTOR_WIDTH,
  parseInspectorWidth,
} from '../../../../renderer/store/inspector-prefs';

describe('parseInspectorWidth', () => {
  it('reads the stored width, rounded', () => {
    assert.equal(parseInspectorWidth('{"width":512.6}'), 513);
  });

  it('falls back to the default for nothing, not JSON, or a wrong type', () => {
    for (const text of [null, '{oops', '[1]', '{"width":"wide"}', '{"width":null}', '{}']) {
      assert.equal(parseInspectorWidth(text), DEFAULT_INSPECTOR_WIDTH, String(text));
    }
  });

  it('never reads narrower than the minimum', () => {
    assert.equal(parseInspectorWidth('{"width":12}'), MIN_INSPECTOR_WIDTH);
  });
});

describe('clampInspectorWidth', () => {
  it('keeps the chosen width where the canvas has room for it', () => {
    assert.equal(clampInspectorWidth(450, 1000), 450);
  });

  it('leaves the canvas its minimum beside the inspector', () => {
    assert.equal(clampInspectorWidth(900, 1000), 1000 - MIN_CANVAS_BESIDE);
  });

  it('keeps its own minimum even on a tiny canvas, and any width before it is measured', () => {
    assert.equal(clampInspectorWidth(450, 400), MIN_INSPECTOR_WIDTH);
    assert.equal(clampInspectorWidth(2000, 0), 2000);
  });
});
