// The bottom dock's tabs and how it is laid out, remembered per browser (localStorage):
// a personal preference like the theme, not part of any flow.

export const DOCK_TABS = [
  { id: 'runs', label: 'Runs' },
  { id: 'test-chat', label: 'Test chat' },
  { id: 'variables', label: 'Variables' },
  { id: 'problems', label: 'Problems' },
] as const;

export type DockTab = (typeof DOCK_TABS)[number]['id'];

export interface DockPrefs {
  open: boolean;
  tab: DockTab;
  /** The open dock's height in CSS pixels (the tab strip included). */
  height: number;
}

export const DOCK_PREFS_KEY = 'hookflow.dock';
export const DEFAULT_DOCK_PREFS: DockPrefs = { open: false, tab: 'runs', height: 300 };
export const MIN_DOCK_HEIGHT = 140;
/** The canvas (and inspector) keep at least this much height above the dock. */
export const MIN_ABOVE_DOCK = 180;
/** Arrow keys on the resize handle move it this much (Shift: four times as much). */
export const DOCK_HEIGHT_STEP = 24;

export function isDockTab(value: unknown): value is DockTab {
  return DOCK_TABS.some((tab) => tab.id === value);
}

/** Stored prefs, each field checked on its own: a bad one falls back to its default. */
export function parseDockPrefs(text: string | null): DockPrefs {
  let stored: unknown;
  try {
    stored = text === null ? undefined : JSON.parse(text);
  } catch {
    stored = undefined;
  }
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_DOCK_PREFS };
  const open = 'open' in stored && typeof stored.open === 'boolean' ? stored.open : undefined;
  const tab = 'tab' in stored && isDockTab(stored.tab) ? stored.tab : undefined;
  const height =
    'height' in stored && typeof stored.height === 'number' && Number.isFinite(stored.height)
      ? Math.round(stored.height)
      : undefined;
  return {
    open: open ?? DEFAULT_DOCK_PREFS.open,
    tab: tab ?? DEFAULT_DOCK_PREFS.tab,
    height: Math.max(MIN_DOCK_HEIGHT, height ?? DEFAULT_DOCK_PREFS.height),
  };
}

/** The height to use in a space `available` pixels tall (the whole editor column). */
export function clampDockHeight(height: number, available: number): number {
  const max = Math.max(MIN_DOCK_HEIGHT, available - MIN_ABOVE_DOCK);
  return Math.round(Math.min(max, Math.max(MIN_DOCK_HEIGHT, height)));
}

/** The next tab for ←/→/Home/End in the tab strip (wrapping), or undefined for other keys. */
export function tabForKey(current: DockTab, key: string): DockTab | undefined {
  const index = DOCK_TABS.findIndex((tab) => tab.id === current);
  const count = DOCK_TABS.length;
  const to: Record<string, number> = {
    ArrowRight: (index + 1) % count,
    ArrowLeft: (index - 1 + count) % count,
    Home: 0,
    End: count - 1,
  };
  const next = to[key];
  return next === undefined ? undefined : DOCK_TABS[next]?.id;
}
