// Undo/redo as two stacks of whole-graph snapshots. Snapshots are the store's immutable
// arrays, so an entry costs a few pointers, not a copy of the flow. Pure: the editor
// store owns the clock and the current state.

export interface HistoryEntry<T> {
  snapshot: T;
  /** Edits with the same key in quick succession (typing in one field) are one step. */
  key: string | undefined;
  at: number;
}

export interface History<T> {
  past: HistoryEntry<T>[];
  future: T[];
}

export const HISTORY_LIMIT = 200;
/** Typing pauses shorter than this stay in one undo step. */
export const COALESCE_MS = 1000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/**
 * Records `before` (the state just before an edit) as one undo step and drops the redo
 * stack. With a `key` equal to the previous step's, within COALESCE_MS of it, the edit
 * joins that step instead: undo then goes back to before the whole burst.
 */
export function record<T>(
  history: History<T>,
  before: T,
  options: { key?: string; now: number },
): History<T> {
  const last = history.past.at(-1);
  if (
    last &&
    options.key !== undefined &&
    last.key === options.key &&
    options.now - last.at <= COALESCE_MS
  ) {
    return { past: [...history.past.slice(0, -1), { ...last, at: options.now }], future: [] };
  }
  const entry: HistoryEntry<T> = { snapshot: before, key: options.key, at: options.now };
  return { past: [...history.past, entry].slice(-HISTORY_LIMIT), future: [] };
}

/** Steps back: returns the snapshot to restore, with `current` kept for redo. */
export function undo<T>(
  history: History<T>,
  current: T,
): { history: History<T>; snapshot: T } | undefined {
  const last = history.past.at(-1);
  if (!last) return undefined;
  return {
    snapshot: last.snapshot,
    history: { past: history.past.slice(0, -1), future: [...history.future, current] },
  };
}

/** Steps forward again after an undo. A redone step never coalesces with later typing. */
export function redo<T>(
  history: History<T>,
  current: T,
): { history: History<T>; snapshot: T } | undefined {
  const next = history.future.at(-1);
  if (next === undefined) return undefined;
  return {
    snapshot: next,
    history: {
      past: [...history.past, { snapshot: current, key: undefined, at: 0 }].slice(-HISTORY_LIMIT),
      future: history.future.slice(0, -1),
    },
  };
}
