// The step-limit failure names the loop, so the user sees which nodes to fix.

/** How many node ids since the last wait are remembered for the message. */
export const RECENT_NODES = 64;
const SHOWN = 8;

/**
 * "Stopped after 1000 steps: the flow loops without waiting (Check → Set variable 2 →
 * Check …)". `recent` are the last node ids executed, oldest first; `name` names them for
 * people (GraphIndex.name).
 */
export function loopMessage(
  steps: number,
  recent: readonly string[],
  name: (nodeId: string) => string = (nodeId) => nodeId,
): string {
  const last = recent.at(-1);
  let path: readonly string[] = recent.slice(-SHOWN);
  if (last !== undefined) {
    const previous = recent.lastIndexOf(last, recent.length - 2);
    if (previous >= 0) path = recent.slice(previous, recent.length).slice(0, SHOWN + 1);
  }
  const shown = path.length > 0 ? ` (${path.map(name).join(' → ')} …)` : '';
  return `Stopped after ${steps} steps: the flow loops without waiting${shown}`;
}
