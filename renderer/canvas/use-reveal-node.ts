// Going to a node from a list (problems, run steps, variable uses): select it and bring it
// into view at a zoom where its card can be read.
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { centreBesideCover } from './fit-view';
import { useEditor } from '../store/editor-store';
import { inspectorOverlap } from '../store/inspector-store';
import { useNotices } from '../store/notices-store';

/** Zoom for a revealed node: the current one, unless too far out to read the card. */
const MIN_REVEAL_ZOOM = 0.75;

/** Returns a function that reveals a node and tells whether it is on the canvas. */
export function useRevealNode(): (nodeId: string) => boolean {
  const { setCenter, getZoom } = useReactFlow();
  return useCallback(
    (nodeId: string) => {
      const editor = useEditor.getState();
      const node = editor.nodes.find((candidate) => candidate.id === nodeId);
      if (!node) {
        useNotices.getState().notify('info', 'That node is no longer on the canvas');
        return false;
      }
      editor.setSelectedOnly(node.id);
      const width = node.measured?.width ?? 200;
      const height = node.measured?.height ?? 60;
      const zoom = Math.max(getZoom(), MIN_REVEAL_ZOOM);
      // Selected, its inspector opens over the canvas's right edge: centre it beside that.
      const centre = centreBesideCover(
        { x: node.position.x + width / 2, y: node.position.y + height / 2 },
        zoom,
        inspectorOverlap(),
      );
      void setCenter(centre.x, centre.y, { zoom, duration: 250 });
      return true;
    },
    [getZoom, setCenter],
  );
}
