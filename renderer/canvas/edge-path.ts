// Path geometry for loop edges (to an earlier node, or a node to itself): out of the
// source to the right, down below both cards, back left, and into the target from the
// left, so a loop never runs across the cards it joins.

const LOOP_GAP = 36;
const LOOP_REACH = 48;

/** An edge whose target input sits left of (or level with) its source output. */
export function isBackEdge(sourceX: number, targetX: number): boolean {
  return targetX < sourceX + 8;
}

export interface LoopGeometry {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  /** The lowest bottom edge of the two cards (flow coordinates). */
  bottom: number;
}

/** The SVG path of a loop edge and the y of its lowest run. */
export function loopPath({ sourceX, sourceY, targetX, targetY, bottom }: LoopGeometry): {
  path: string;
  y: number;
} {
  const y = Math.max(bottom, sourceY, targetY) + LOOP_GAP;
  const out = sourceX + LOOP_REACH;
  const back = targetX - LOOP_REACH;
  return {
    y,
    path:
      `M ${sourceX} ${sourceY} C ${out} ${sourceY}, ${out} ${y}, ${sourceX} ${y} ` +
      `L ${targetX} ${y} C ${back} ${y}, ${back} ${targetY}, ${targetX} ${targetY}`,
  };
}
