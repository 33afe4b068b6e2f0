// A WAI-ARIA window splitter on one edge of a panel (the dock's top edge, the inspector's
// left edge): drag it, or focus it and use the arrow keys (Shift: bigger steps), Page
// Up/Down, Home and End. Moving it away from the panel makes the panel bigger.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** The panel's edge the splitter sits on. */
  edge: 'top' | 'left';
  /** The panel's size now (height for a top edge, width for a left edge), in CSS pixels. */
  size: number;
  min: number;
  max: number;
  /** Arrow keys move it this much (Shift: four times as much). */
  step: number;
  onResize: (size: number) => void;
  label: string;
  className: string;
  testId: string;
}

export function Splitter({
  edge,
  size,
  min,
  max,
  step,
  onResize,
  label,
  className,
  testId,
}: Props) {
  const drag = useRef<{ start: number; startSize: number } | undefined>(undefined);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  const along = (event: PointerEvent) => (edge === 'top' ? event.clientY : event.clientX);
  const [grow, shrink] = edge === 'top' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const by = step * (event.shiftKey ? 4 : 1);
    const to: Record<string, number> = {
      [grow]: size + by,
      [shrink]: size - by,
      PageUp: size + by * 4,
      PageDown: size - by * 4,
      Home: min,
      End: max,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(clamp(next));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { start: along(event), startSize: size };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    onResize(clamp(start.startSize + (start.start - along(event))));
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
      // A top edge is a horizontal line; a left edge a vertical one.
      aria-orientation={edge === 'top' ? 'horizontal' : 'vertical'}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={size}
      tabIndex={0}
      className={className}
      data-testid={testId}
      title={`Drag, or use ${edge === 'top' ? '↑ and ↓' : '← and →'}, to resize`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
    />
  );
}
