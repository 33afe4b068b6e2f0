// Which key does what on the canvas, in one table that both the shortcut handler and the
// "Keyboard shortcuts" help read, so the two never disagree.

export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'save'
  | 'publish'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'delete'
  | 'fitView'
  | 'search'
  | 'help'
  | 'toggleDock'
  | 'connect'
  | 'escape';

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const WITH_MOD: Record<string, ShortcutAction> = {
  y: 'redo',
  s: 'save',
  c: 'copy',
  x: 'cut',
  v: 'paste',
  d: 'duplicate',
  a: 'selectAll',
  k: 'search',
  j: 'toggleDock',
};

/** The action a key press asks for. Ctrl and Cmd are the same modifier on every OS. */
export function shortcutFor(event: KeyLike): ShortcutAction | undefined {
  if (event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (event.ctrlKey || event.metaKey) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'enter') return event.shiftKey ? undefined : 'publish';
    return event.shiftKey ? undefined : WITH_MOD[key];
  }
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (key === 'escape') return 'escape';
  if (key === '?') return 'help';
  if (key === '/') return 'search';
  if (key === 'c' && !event.shiftKey) return 'connect';
  // Shift+1 by key position: the character it types differs per keyboard layout.
  if (event.shiftKey && (event.code === 'Digit1' || key === '!')) return 'fitView';
  return undefined;
}

/** Actions that work wherever focus is (except while typing). */
export const GLOBAL_ACTIONS: ReadonlySet<ShortcutAction> = new Set([
  'undo',
  'redo',
  'save',
  'publish',
  'fitView',
  'search',
  'help',
]);

/** Keys that belong to whatever field has focus: shortcuts stay out of the way there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
      target.type,
    );
  }
  return false;
}

export function isMacLike(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

export interface ShortcutHelp {
  keys: string[];
  does: string;
}

/** The help table; `mod` is "Ctrl" or "⌘". */
export function shortcutHelp(mod: string): { title: string; items: ShortcutHelp[] }[] {
  return [
    {
      title: 'Adding nodes',
      items: [
        { keys: ['/', `${mod}+K`], does: 'Search the node palette' },
        { keys: ['↑', '↓'], does: 'Walk the search results' },
        { keys: ['Enter'], does: 'Add the highlighted node (next to the selected one)' },
        { keys: ['Esc'], does: 'Clear the search, then leave it' },
      ],
    },
    {
      title: 'Editing',
      items: [
        { keys: ['Delete', 'Backspace'], does: 'Delete the selected nodes and connections' },
        { keys: [`${mod}+A`], does: 'Select everything' },
        {
          keys: [`${mod}+C`, `${mod}+X`, `${mod}+V`],
          does: 'Copy, cut, paste (also between flows)',
        },
        { keys: [`${mod}+D`], does: 'Duplicate the selection' },
        {
          keys: ['C'],
          does: 'Connect an output of the selected (or focused) node: pick the output, then the node',
        },
        { keys: [`${mod}+Z`], does: 'Undo' },
        { keys: [`${mod}+Shift+Z`, `${mod}+Y`], does: 'Redo' },
        { keys: [`${mod}+S`], does: 'Save now' },
      ],
    },
    {
      title: 'Publishing',
      items: [
        { keys: [`${mod}+Enter`], does: 'Save and publish' },
        { keys: ['Click a problem'], does: 'Select its node and the field to fix' },
      ],
    },
    {
      title: 'Panels (Runs, Test chat, Variables, Problems)',
      items: [
        { keys: [`${mod}+J`], does: 'Show or hide the panels under the canvas' },
        { keys: ['←', '→'], does: 'Switch panel (on the tabs)' },
        { keys: ['↑', '↓'], does: 'Make the panels taller or shorter (on their top edge)' },
        { keys: ['Esc'], does: 'Close a run and clear its path from the canvas' },
        { keys: ['Enter'], does: 'Send a test chat message' },
      ],
    },
    {
      title: 'Canvas',
      items: [
        { keys: ['Shift+1'], does: 'Zoom to fit' },
        { keys: ['Shift+click'], does: 'Add a node to the selection' },
        { keys: ['Drag on empty canvas'], does: 'Select with a box' },
        { keys: ['Space+drag', 'Right-drag'], does: 'Pan' },
        { keys: ['Scroll'], does: 'Zoom' },
        { keys: ['Tab'], does: 'Move focus: flows, palette, canvas, inspector' },
        { keys: ['←', '↑', '↓', '→'], does: 'Move the focused node' },
        { keys: ['Esc'], does: 'Clear the selection' },
        { keys: ['?'], does: 'Show this help' },
      ],
    },
  ];
}
