// The canvas keyboard shortcuts (see keyboard.ts for the table). Copy and paste go
// through the browser's copy/paste events where they fire: those reach the system
// clipboard without a permission prompt. Where they do not fire (a desktop shell without
// an Edit menu) the key press falls back to the in-app clipboard one tick later.
import { useEffect, useRef } from 'react';
import type { XY } from '../store/canvas-types';
import { parseClipboardText, serializeClipboard } from '../store/clipboard';
import { useDock } from '../store/dock-store';
import { useEditor } from '../store/editor-store';
import { useNotices } from '../store/notices-store';
import { usePublish } from '../store/publish-store';
import { useUi } from '../store/ui-store';
import { startConnect } from './connect-command';
import { GLOBAL_ACTIONS, isTypingTarget, shortcutFor } from './keyboard';
import { PALETTE_SEARCH_ID } from './Palette';

interface Options {
  fitView: () => void;
  /** Where a paste lands: the mouse position in flow coordinates, if it is over the canvas. */
  pastePosition: () => XY | undefined;
}

/**
 * Canvas commands act when focus is on the canvas or palette, on the problems list (fix
 * from the list: go to a node, press Delete), or nowhere in particular.
 */
function inCanvasScope(target: EventTarget | null): boolean {
  if (target === null || target === document.body || target === document) return true;
  return target instanceof Element && target.closest('.editor-body, .problems-panel') !== null;
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function focusPaletteSearch(): void {
  const search = document.getElementById(PALETTE_SEARCH_ID);
  if (search instanceof HTMLInputElement) {
    search.focus();
    search.select();
  }
}

export function useCanvasShortcuts(options: Options): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const editor = () => useEditor.getState();
    const notify = (text: string) => useNotices.getState().notify('info', text);
    let clipboardEventSeen = false;

    const copy = (): string | undefined => {
      const payload = editor().copySelection();
      if (!payload) return undefined;
      notify(`Copied ${plural(payload.nodes.length, 'node')}`);
      return serializeClipboard(payload);
    };
    const paste = (text: string | undefined) => {
      const fromSystem = text === undefined ? undefined : parseClipboardText(text);
      editor().paste(fromSystem, latest.current.pastePosition());
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      if (!action) return;
      if (action === 'save') {
        // Everywhere, even while typing: the browser's "save page" dialog is never wanted.
        event.preventDefault();
        void editor()
          .saveNow()
          .then(() => {
            if (editor().saveStatus === 'saved') notify('Saved');
          });
        return;
      }
      if (action === 'toggleDock') {
        // Everywhere, like save: it only shows or hides the panels (the browser's own
        // Ctrl+J, its downloads page, is never what someone in the designer wants).
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        useDock.getState().toggle();
        return;
      }
      if (action === 'publish') {
        // Everywhere, like save, except over a dialog (it has its own Enter).
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        void usePublish.getState().publish();
        return;
      }
      const ui = useUi.getState();
      // A dialog over the canvas (help, connect) has its own keys.
      if (isTypingTarget(event.target) || ui.helpOpen || ui.connectSource || action === 'help') {
        return;
      }
      if (!GLOBAL_ACTIONS.has(action) && !inCanvasScope(event.target)) return;
      switch (action) {
        case 'undo':
          event.preventDefault();
          editor().undo();
          return;
        case 'redo':
          event.preventDefault();
          editor().redo();
          return;
        case 'fitView':
          event.preventDefault();
          latest.current.fitView();
          return;
        case 'search':
          event.preventDefault();
          focusPaletteSearch();
          return;
        case 'delete':
          event.preventDefault();
          editor().deleteSelection();
          return;
        case 'selectAll':
          event.preventDefault();
          editor().selectAll();
          return;
        case 'duplicate':
          event.preventDefault();
          editor().duplicateSelection();
          return;
        case 'escape':
          editor().clearSelection();
          return;
        case 'connect':
          event.preventDefault();
          startConnect();
          return;
        case 'copy':
        case 'cut':
        case 'paste': {
          if (hasTextSelection()) return;
          clipboardEventSeen = false;
          setTimeout(() => {
            if (clipboardEventSeen) return;
            if (action === 'paste') return paste(undefined);
            const text = copy();
            if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
            if (action === 'cut') editor().deleteSelection();
          }, 0);
          return;
        }
      }
    };

    const onCopyOrCut = (event: ClipboardEvent) => {
      clipboardEventSeen = true;
      if (isTypingTarget(event.target) || !inCanvasScope(event.target) || hasTextSelection()) {
        return;
      }
      const text = copy();
      if (!text) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
      if (event.type === 'cut') editor().deleteSelection();
    };
    const onPaste = (event: ClipboardEvent) => {
      clipboardEventSeen = true;
      if (isTypingTarget(event.target) || !inCanvasScope(event.target)) return;
      event.preventDefault();
      paste(event.clipboardData?.getData('text/plain'));
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
