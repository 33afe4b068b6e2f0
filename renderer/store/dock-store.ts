// The bottom dock under the editor: open or collapsed, which tab, how tall. The Problems tab
// is the problems panel the publish store opens (after a refused publish, from the top
// bar's button, after an import): its `panelFlowId` and the dock are kept in step here.
import { create } from 'zustand';
import { DOCK_PREFS_KEY, parseDockPrefs, type DockPrefs, type DockTab } from './dock-prefs';
import { useEditor } from './editor-store';
import { usePublish } from './publish-store';

interface DockState extends DockPrefs {
  setOpen: (open: boolean) => void;
  toggle: () => void;
  /** Opens the dock on a tab. */
  show: (tab: DockTab) => void;
  /** Selects a tab without opening or closing the dock (arrow keys in the tab strip). */
  select: (tab: DockTab) => void;
  setHeight: (height: number) => void;
}

function load(): DockPrefs {
  try {
    return parseDockPrefs(localStorage.getItem(DOCK_PREFS_KEY));
  } catch {
    // Storage can be unavailable (a locked-down profile): defaults, not a broken page.
    return parseDockPrefs(null);
  }
}

function save({ open, tab, height }: DockPrefs): void {
  try {
    localStorage.setItem(DOCK_PREFS_KEY, JSON.stringify({ open, tab, height }));
  } catch {
    // Not remembered; the dock still works.
  }
}

/** The problems panel counts as open while the dock shows the Problems tab. */
function syncProblemsPanel(): void {
  const { open, tab } = useDock.getState();
  const publish = usePublish.getState();
  if (open && tab === 'problems') {
    if (publish.panelFlowId === undefined) publish.setPanelOpen(true);
  } else if (publish.panelFlowId !== undefined) {
    publish.setPanelOpen(false);
  }
}

export const useDock = create<DockState>((set, get) => {
  const change = (patch: Partial<DockPrefs>) => {
    set(patch);
    save(get());
    syncProblemsPanel();
  };
  return {
    ...load(),
    setOpen: (open) => change({ open }),
    toggle: () => change({ open: !get().open }),
    show: (tab) => change({ open: true, tab }),
    select: (tab) => change({ tab }),
    setHeight: (height) => change({ height }),
  };
});

// Someone asked for the problems panel (or closed it): the dock follows.
usePublish.subscribe((state, previous) => {
  if (state.panelFlowId === previous.panelFlowId) return;
  const dock = useDock.getState();
  const showing = dock.open && dock.tab === 'problems';
  if (state.panelFlowId !== undefined && !showing) dock.show('problems');
  if (state.panelFlowId === undefined && showing) dock.setOpen(false);
});

// The panel is open "for a flow": another flow opened under an open Problems tab takes it.
useEditor.subscribe((state, previous) => {
  if (state.flowId === previous.flowId || state.flowId === undefined) return;
  const dock = useDock.getState();
  const publish = usePublish.getState();
  if (dock.open && dock.tab === 'problems' && publish.panelFlowId !== state.flowId) {
    publish.openPanelFor(state.flowId);
  }
});
