import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clampDockHeight,
  DEFAULT_DOCK_PREFS,
  MIN_ABOVE_DOCK,
  MIN_DOCK_HEIGHT,
  parseDockPrefs,
  tabForKey,
} from '../../../../renderer/store/dock-prefs';

describe('parseDockPrefs', () => {
  it('reads what the dock stored', () => {
    assert.deepEqual(parseDockPrefs('{"open":true,"tab":"variables","height":412.4}'), {
      open: true,
      tab: 'variables',
      height: 412,
    });
  });

  it('falls back field by field: nothing stored, not JSON, wrong types, unknown tab', () => {
    assert.deepEqual(parseDockPrefs(null), DEFAULT_DOCK_PREFS);
    assert.deepEqual(parseDockPrefs('{oops'), DEFAULT_DOCK_PREFS);
    assert.deepEqual(parseDockPrefs('[1,2]'), DEFAULT_DOCK_PREFS);
    assert.deepEqual(
      parseDockPrefs('{"open":"yes","tab":"logs","height":"tall"}'),
      DEFAULT_DOCK_PREFS,
    );
    assert.deepEqual(parseDockPrefs('{"open":true,"tab":"logs"}'), {
      ...DEFAULT_DOCK_PREFS,
      open: true,
    });
  });

  it('never restores a dock too short to use', () => {
    assert.equal(parseDockPrefs('{"height":3}').height, MIN_DOCK_HEIGHT);
    assert.equal(parseDockPrefs('{"height":-50}').height, MIN_DOCK_HEIGHT);
  });
});

describe('clampDockHeight', () => {
  it('keeps room for the canvas above, and a usable dock below', () => {
    assert.equal(clampDockHeight(300, 752), 300);
    assert.equal(clampDockHeight(900, 752), 752 - MIN_ABOVE_DOCK);
    assert.equal(clampDockHeight(Infinity, 752), 752 - MIN_ABOVE_DOCK);
    assert.equal(clampDockHeight(20, 752), MIN_DOCK_HEIGHT);
    // A tiny window: the dock keeps its minimum, the canvas gives way.
    assert.equal(clampDockHeight(300, 200), MIN_DOCK_HEIGHT);
  });
});

describe('tabForKey', () => {
  it('moves with the arrows (wrapping), Home and End; other keys do nothing', () => {
    assert.equal(tabForKey('runs', 'ArrowRight'), 'test-chat');
    assert.equal(tabForKey('problems', 'ArrowRight'), 'runs');
    assert.equal(tabForKey('runs', 'ArrowLeft'), 'problems');
    assert.equal(tabForKey('variables', 'Home'), 'runs');
    assert.equal(tabForKey('runs', 'End'), 'problems');
    assert.equal(tabForKey('runs', 'ArrowDown'), undefined);
    assert.equal(tabForKey('runs', 'Enter'), undefined);
  });
});
