// How wide the inspector is, remembered per browser (localStorage) like the dock's height.
// The inspector lies over the canvas's right edge, so its width never changes the canvas's.

export const INSPECTOR_PREFS_KEY = 'hookflow.inspector';
export const DEFAULT_INSPECTOR_WIDTH = 400;
export const MIN_INSPECTOR_WIDTH = 300;
/** The canvas keeps at least this much visible beside the inspector. */
export const MIN_CANVAS_BESIDE = 240;
/** Arrow keys on its edge move it this much (Shift: four times as much). */
export const INSPECTOR_WIDTH_STEP = 24;

/** The stored width, or the default when nothing usable is stored. */
export function parseInspectorWidth(text: string | null): number {
  let stored: unknown;
  try {
    stored = text === null ? undefined : JSON.parse(text);
  } catch {
    stored = undefined;
  }
  const width =
    typeof stored === 'object' &&
    stored !== null &&
    'width' in stored &&
    typeof stored.width === 'number' &&
    Number.isFinite(stored.width)
      ? Math.round(stored.width)
      : DEFAULT_INSPECTOR_WIDTH;
  return Math.max(MIN_INSPECTOR_WIDTH, width);
}

/** The widest the inspector may be over a canvas `room` pixels wide (0: not measured yet). */
export function maxInspectorWidth(room: number): number {
  return room > 0 ? Math.max(MIN_INSPECTOR_WIDTH, room - MIN_CANVAS_BESIDE) : Infinity;
}

/** The width to show: the stored one, within what the canvas leaves room for. */
export function clampInspectorWidth(width: number, room: number): number {
  return Math.round(Math.min(maxInspectorWidth(room), Math.max(MIN_INSPECTOR_WIDTH, width)));
}
