// One shared clock for live durations: it ticks every second while any component that
// shows a running run is on screen, and is fresh the moment one starts listening.
import { useSyncExternalStore } from 'react';

const TICK_MS = 1000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    // React reads the snapshot again after subscribing: it renders with this fresh time.
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const still = () => () => undefined;
const snapshot = () => now;

/** The current time, ticking every second while `live` (a run is still going). */
export function useNow(live: boolean): number {
  return useSyncExternalStore(live ? subscribe : still, snapshot);
}
