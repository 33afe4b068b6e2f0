// Going to a problem: select its node (or edge), bring it into view, and put the caret in
// the inspector field to fix when the inspector has one for it.
import { useCallback } from 'react';
import type { GraphProblem } from '../../runtime/shared/publishing';
import { useEditor } from '../store/editor-store';
import { useNotices } from '../store/notices-store';
import { fieldControlIds } from '../store/problems';
import { useRevealNode } from './use-reveal-node';

const FOCUSABLE = 'input, select, textarea, button';

function focusField(nodeId: string, field: string): void {
  const inspector = document.querySelector('[data-testid="inspector"]');
  if (!inspector) return;
  for (const id of fieldControlIds(nodeId, field)) {
    const element = document.getElementById(id);
    if (!element || !inspector.contains(element)) continue;
    const control = element.matches(FOCUSABLE)
      ? element
      : element.querySelector<HTMLElement>(FOCUSABLE);
    if (control) {
      control.focus();
      return;
    }
  }
  inspector.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

export function useRevealProblem(): (problem: GraphProblem) => void {
  const revealNode = useRevealNode();
  return useCallback(
    (problem: GraphProblem) => {
      const editor = useEditor.getState();
      const node = problem.nodeId
        ? editor.nodes.find((candidate) => candidate.id === problem.nodeId)
        : undefined;
      if (node) {
        revealNode(node.id);
        const field = problem.field;
        // The inspector renders the newly selected node on the next frame.
        if (field)
          requestAnimationFrame(() => requestAnimationFrame(() => focusField(node.id, field)));
        return;
      }
      const edge = problem.edgeId
        ? editor.edges.find((candidate) => candidate.id === problem.edgeId)
        : undefined;
      if (edge) {
        editor.clearSelection();
        editor.onEdgesChange([{ type: 'select', id: edge.id, selected: true }]);
        return;
      }
      if (problem.nodeId || problem.edgeId) {
        useNotices.getState().notify('info', 'That part of the flow is no longer on the canvas');
      }
    },
    [revealNode],
  );
}
