// Keyboard focus on canvas nodes: which node has it, and giving it to a node that may only
// be drawn on the next frames (just added, or just connected).

const MAX_FRAMES = 30;

function nodeElement(nodeId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
}

/** The node whose card has keyboard focus (Tab reaches nodes without selecting them). */
export function focusedNodeId(): string | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return undefined;
  return active.closest<HTMLElement>('.react-flow__node')?.dataset.id;
}

/**
 * Focuses a node's card once it is drawn and measured (xyflow draws a new node hidden, a
 * frame or two after the store has it, and measures it after that), so the keyboard
 * carries on from there: arrows move it, `/` adds the next node beside it, C connects it.
 * Not before it is measured: xyflow pans to a focused node by its size, and an unmeasured
 * size puts NaN in the viewport. Gives up quietly if it never appears (deleted).
 */
export function focusNode(nodeId: string): void {
  // Leave the field at once (keys typed meanwhile are canvas shortcuts, not a search)...
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  const from = document.activeElement;
  const attempt = (frames: number) => {
    // ...and never take the focus back from where the user has since put it.
    if (document.activeElement !== from) return;
    const element = nodeElement(nodeId);
    if (element && element.style.visibility !== 'hidden') {
      element.focus({ preventScroll: true });
      return;
    }
    if (frames > 0) requestAnimationFrame(() => attempt(frames - 1));
  };
  attempt(MAX_FRAMES);
}
