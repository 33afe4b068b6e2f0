// The inspector's width (a remembered preference) and the canvas width it lies over.
// The inspector shows while exactly one node is selected; `inspectorOverlap` is how much
// of the canvas's right edge it covers then, for zoom to fit and for revealing a node.
import { create } from 'zustand';
import type { CanvasNode } from './canvas-types';
import { useEditor } from './editor-store';
import { clampInspectorWidth, INSPECTOR_PREFS_KEY, parseInspectorWidth } from './inspector-prefs';

interface InspectorState {
  /** The width the user chose (the default until they drag its edge). */
  width: number;
  /** The canvas's width, measured as it changes (0 until it is). */
  room: number;
  setWidth: (width: number) => void;
  setRoom: (room: number) => void;
}

function load(): number {
  try {
    return parseInspectorWidth(localStorage.getItem(INSPECTOR_PREFS_KEY));
  } catch {
    // Storage can be unavailable (a locked-down profile): the default, not a broken page.
    return parseInspectorWidth(null);
  }
}

export const useInspector = create<InspectorState>((set) => ({
  width: load(),
  room: 0,
  setWidth: (width) => {
    set({ width });
    try {
      localStorage.setItem(INSPECTOR_PREFS_KEY, JSON.stringify({ width }));
    } catch {
      // Not remembered; resizing still works.
    }
  },
  setRoom: (room) => set({ room }),
}));

/** The node the inspector shows: the selection when it is exactly one node. */
export function inspectedNode(nodes: readonly CanvasNode[]): CanvasNode | undefined {
  let found: CanvasNode | undefined;
  for (const node of nodes) {
    if (!node.selected) continue;
    if (found) return undefined;
    found = node;
  }
  return found;
}

export function shownInspectorWidth(state: Pick<InspectorState, 'width' | 'room'>): number {
  return clampInspectorWidth(state.width, state.room);
}

/** Pixels of the canvas's right edge the inspector covers now (0 while it is hidden). */
export function inspectorOverlap(): number {
  return inspectedNode(useEditor.getState().nodes)
    ? shownInspectorWidth(useInspector.getState())
    : 0;
}

/** The same, as a hook that follows selection and resizing. */
export function useInspectorOverlap(): number {
  const shown = useEditor((state) => inspectedNode(state.nodes) !== undefined);
  const width = useInspector(shownInspectorWidth);
  return shown ? width : 0;
}
