// The dock's top edge: drag it, or focus it and use ↑/↓ (Shift: bigger steps), Home and
// End, to make the dock taller or shorter. A WAI-ARIA window splitter.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { DOCK_HEIGHT_STEP, MIN_DOCK_HEIGHT } from '../../store/dock-prefs';
import { useDock } from '../../store/dock-store';

interface Props {
  /** The height shown now (the stored one, clamped to the space there is). */
  height: number;
  max: number;
}

export function DockResizer({ height, max }: Props) {
  const setHeight = useDock((state) => state.setHeight);
  const drag = useRef<{ startY: number; startHeight: number } | undefined>(undefined);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(MIN_DOCK_HEIGHT, value)));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = DOCK_HEIGHT_STEP * (event.shiftKey ? 4 : 1);
    const to: Record<string, number> = {
      ArrowUp: height + step,
      ArrowDown: height - step,
      PageUp: height + step * 4,
      PageDown: height - step * 4,
      Home: MIN_DOCK_HEIGHT,
      End: max,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setHeight(clamp(next));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    setHeight(clamp(start.startHeight + (start.startY - event.clientY)));
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = undefined;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
  };

  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the panels"
      aria-valuemin={MIN_DOCK_HEIGHT}
      aria-valuemax={max}
      aria-valuenow={height}
      tabIndex={0}
      className="dock-resizer"
      data-testid="dock-resizer"
      title="Drag, or use ↑ and ↓, to resize"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
    />
  );
}
