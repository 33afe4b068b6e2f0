// When the canvas changes size (the dock opens, is dragged taller, the window resizes),
// what was in the middle of it stays in the middle: without this, opening the dock would
// hide the lower half of a flow that was just zoomed to fit.
import { useReactFlow } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';

export function useKeepCenter(canvas: RefObject<HTMLElement | null>): void {
  const { getViewport, setViewport } = useReactFlow();
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let width = element.clientWidth;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      const dx = (element.clientWidth - width) / 2;
      const dy = (element.clientHeight - height) / 2;
      width = element.clientWidth;
      height = element.clientHeight;
      // A hidden canvas (0 × 0) has no middle to keep.
      if ((dx === 0 && dy === 0) || width === 0 || height === 0) return;
      const { x, y, zoom } = getViewport();
      void setViewport({ x: x + dx, y: y + dy, zoom });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [canvas, getViewport, setViewport]);
}
