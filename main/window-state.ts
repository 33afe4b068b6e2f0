// Remembers the window's size and place between launches, and never restores it off-screen
// (a monitor that was unplugged since).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../runtime/store/atomic-file';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export async function loadWindowState(path: string): Promise<WindowState> {
  try {
    return windowStateSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function saveWindowState(path: string, state: WindowState): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(state));
}

/** Keeps the saved place only if at least a 100×60 corner of the title area is on a display. */
export function fitToDisplays(state: WindowState, workAreas: Area[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = workAreas.some(
    (area) =>
      x + 100 > area.x &&
      x < area.x + area.width - 100 &&
      y >= area.y &&
      y < area.y + area.height - 60,
  );
  if (visible) return state;
  const { x: _x, y: _y, ...rest } = state;
  return rest;
}
