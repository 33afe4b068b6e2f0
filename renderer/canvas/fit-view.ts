// Zoom to fit and "is it in view" for a canvas whose right edge the inspector may cover:
// the flow fits into the part left visible, and a zoom floor low enough that no flow is
// ever too wide to fit.
import { getViewportForBounds, type FitViewOptions, type Rect } from '@xyflow/react';

type Padding = NonNullable<FitViewOptions['padding']>;

/** Zoom to fit never magnifies past 100 %: a small flow stays its size. */
export const MAX_FIT_ZOOM = 1;
/** How far the wheel zooms out; zoom to fit goes further when a flow needs it. */
export const MIN_ZOOM = 0.1;
/** Space kept round a fitted flow, in pixels; the top clears the canvas toolbar. */
const FIT_MARGIN = { top: 64, right: 40, bottom: 40, left: 40 };

/** Fit padding with `overlap` pixels of the right edge covered (by the inspector). */
export function fitPadding(overlap: number): Padding {
  return {
    top: `${FIT_MARGIN.top}px`,
    right: `${FIT_MARGIN.right + overlap}px`,
    bottom: `${FIT_MARGIN.bottom}px`,
    left: `${FIT_MARGIN.left}px`,
  };
}

/**
 * The zoom at which `bounds` fits a `width` × `height` pane with that padding, or
 * undefined when there is nothing to fit (or no room at all).
 */
export function zoomToFit(
  bounds: Rect,
  width: number,
  height: number,
  padding: Padding,
): number | undefined {
  if (bounds.width <= 0 || bounds.height <= 0 || width <= 0 || height <= 0) return undefined;
  const { zoom } = getViewportForBounds(bounds, width, height, 0, MAX_FIT_ZOOM, padding);
  return Number.isFinite(zoom) && zoom > 0 ? zoom : undefined;
}

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The canvas's on-screen box less the `overlap` pixels the inspector covers on its right.
 * Copied field by field: a DOMRect's fields are getters, which a spread does not copy.
 */
export function visibleRect(pane: ScreenRect, overlap: number): ScreenRect {
  const { left, top, bottom } = pane;
  return { left, top, bottom, right: Math.max(left, pane.right - overlap) };
}

/**
 * The flow point to centre the view on (xyflow's setCenter centres in the whole canvas) so
 * that `point` lands in the middle of the visible part: right by half the cover.
 */
export function centreBesideCover(point: { x: number; y: number }, zoom: number, overlap: number) {
  return { x: point.x + overlap / 2 / zoom, y: point.y };
}
