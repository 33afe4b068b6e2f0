import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortcutFor, shortcutHelp, type KeyLike } from '../../../../renderer/canvas/keyboard';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps Ctrl and Cmd combinations the same way', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      assert.equal(shortcutFor(key('z', mod)), 'undo');
      assert.equal(shortcutFor(key('Z', { ...mod, shiftKey: true })), 'redo');
      assert.equal(shortcutFor(key('y', mod)), 'redo');
      assert.equal(shortcutFor(key('s', mod)), 'save');
      assert.equal(shortcutFor(key('c', mod)), 'copy');
      assert.equal(shortcutFor(key('x', mod)), 'cut');
      assert.equal(shortcutFor(key('v', mod)), 'paste');
      assert.equal(shortcutFor(key('d', mod)), 'duplicate');
      assert.equal(shortcutFor(key('j', mod)), 'toggleDock');
      assert.equal(shortcutFor(key('a', mod)), 'selectAll');
      assert.equal(shortcutFor(key('k', mod)), 'search');
      assert.equal(shortcutFor(key('Enter', mod)), 'publish');
      assert.equal(shortcutFor(key('Enter', { ...mod, shiftKey: true })), undefined);
    }
  });

  it('maps plain keys', () => {
    assert.equal(shortcutFor(key('Delete')), 'delete');
    assert.equal(shortcutFor(key('Backspace')), 'delete');
    assert.equal(shortcutFor(key('/')), 'search');
    assert.equal(shortcutFor(key('?', { shiftKey: true })), 'help');
    assert.equal(shortcutFor(key('Escape')), 'escape');
    assert.equal(shortcutFor(key('c')), 'connect');
    assert.equal(shortcutFor(key('C', { shiftKey: true })), undefined);
  });

  it('finds Shift+1 by key position whatever the layout types', () => {
    assert.equal(shortcutFor(key('!', { shiftKey: true, code: 'Digit1' })), 'fitView');
    assert.equal(shortcutFor(key('&', { shiftKey: true, code: 'Digit1' })), 'fitView');
    assert.equal(shortcutFor(key('1', { code: 'Digit1' })), undefined);
  });

  it('ignores other letters without a modifier, Alt combinations and unknown combos', () => {
    assert.equal(shortcutFor(key('a')), undefined);
    assert.equal(shortcutFor(key('z', { ctrlKey: true, altKey: true })), undefined);
    assert.equal(shortcutFor(key('c', { ctrlKey: true, shiftKey: true })), undefined);
    assert.equal(shortcutFor(key('q', { ctrlKey: true })), undefined);
  });
});

describe('shortcutHelp', () => {
  it('lists every command the handler knows, with the platform modifier', () => {
    const text = JSON.stringify(shortcutHelp('⌘'));
    for (const shown of [
      '⌘+Z',
      '⌘+Shift+Z',
      '⌘+Y',
      '⌘+S',
      '⌘+C',
      '⌘+V',
      '⌘+D',
      '⌘+A',
      '⌘+K',
      '⌘+Enter',
      '⌘+J',
    ]) {
      assert.ok(text.includes(shown), shown);
    }
    for (const shown of ['Delete', 'Shift+1', '?', '/', '"C"']) {
      assert.ok(text.includes(shown), shown);
    }
  });
});
