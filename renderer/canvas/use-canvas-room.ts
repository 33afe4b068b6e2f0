// Tells the inspector store how wide the canvas is, so the inspector (which lies over the
// canvas's right edge) never grows so wide that too little of the canvas stays visible.
import { useEffect, type RefObject } from 'react';
import { useInspector } from '../store/inspector-store';

export function useCanvasRoom(canvas: RefObject<HTMLElement | null>): void {
  const setRoom = useInspector((state) => state.setRoom);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setRoom(element.clientWidth));
    // It reports the size once at once, then on every change.
    observer.observe(element);
    return () => observer.disconnect();
  }, [canvas, setRoom]);
}
