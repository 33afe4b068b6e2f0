// The dock's top edge: drag it, or focus it and use ↑/↓, to make the dock taller or shorter.
import { DOCK_HEIGHT_STEP, MIN_DOCK_HEIGHT } from '../../store/dock-prefs';
import { useDock } from '../../store/dock-store';
import { Splitter } from '../../ui/Splitter';

interface Props {
  /** The height shown now (the stored one, clamped to the space there is). */
  height: number;
  max: number;
}

export function DockResizer({ height, max }: Props) {
  const setHeight = useDock((state) => state.setHeight);
  return (
    <Splitter
      edge="top"
      size={height}
      min={MIN_DOCK_HEIGHT}
      max={max}
      step={DOCK_HEIGHT_STEP}
      onResize={setHeight}
      label="Resize the panels"
      className="dock-resizer"
      testId="dock-resizer"
    />
  );
}
