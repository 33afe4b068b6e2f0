// The path a run took, drawn on the canvas: the nodes it visited with their step numbers,
// and the edges it followed. An edge counts as taken when step i left its node through
// the edge's output and step i+1 (or the wait the run is parked at) is the edge's target.

export interface StepLike {
  nodeId: string;
  outputHandle?: string | undefined;
  skipped?: string | undefined;
  error?: string | undefined;
}

export interface EdgeLike {
  id: string;
  source: string;
  sourceHandle?: string | null | undefined;
  target: string;
}

export type VisitState = 'ok' | 'skipped' | 'failed' | 'waiting';

export interface NodeVisit {
  /** 1-based step numbers, in order (several when a loop came back). */
  steps: number[];
  state: VisitState;
}

export interface RunPath {
  visits: ReadonlyMap<string, NodeVisit>;
  /** Edge id → how many times the run followed it. */
  takenEdges: ReadonlyMap<string, number>;
  /** Nodes of the run's steps that the canvas no longer has (the draft changed since). */
  missingNodes: string[];
}

export function runPath(
  run: { steps: readonly StepLike[]; waiting?: { nodeId: string } | undefined },
  edges: readonly EdgeLike[],
  canvasNodeIds: ReadonlySet<string>,
): RunPath {
  const numbers = new Map<string, number[]>();
  const failed = new Set<string>();
  const ran = new Set<string>();
  const taken = new Map<string, number>();
  const { steps, waiting } = run;
  const visit = (nodeId: string, number: number) =>
    numbers.set(nodeId, [...(numbers.get(nodeId) ?? []), number]);

  steps.forEach((step, index) => {
    visit(step.nodeId, index + 1);
    if (step.error !== undefined) failed.add(step.nodeId);
    if (step.skipped === undefined) ran.add(step.nodeId);
    const nextNode = steps[index + 1]?.nodeId ?? waiting?.nodeId;
    if (step.outputHandle === undefined || nextNode === undefined) return;
    for (const edge of edges) {
      if (
        edge.source === step.nodeId &&
        (edge.sourceHandle ?? 'next') === step.outputHandle &&
        edge.target === nextNode
      ) {
        taken.set(edge.id, (taken.get(edge.id) ?? 0) + 1);
      }
    }
  });
  if (waiting) visit(waiting.nodeId, steps.length + 1);

  const visits = new Map<string, NodeVisit>();
  for (const [nodeId, stepNumbers] of numbers) {
    // A failure on the node wins, then the wait it is parked at; "skipped" only when no
    // visit of the node actually ran.
    const state: VisitState = failed.has(nodeId)
      ? 'failed'
      : waiting?.nodeId === nodeId
        ? 'waiting'
        : ran.has(nodeId)
          ? 'ok'
          : 'skipped';
    visits.set(nodeId, { steps: stepNumbers, state });
  }
  const missingNodes = [...numbers.keys()].filter((nodeId) => !canvasNodeIds.has(nodeId));
  return { visits, takenEdges: taken, missingNodes };
}

/** The marker on a visited node: `3`, `2 · 5`, or `2 · 5 … 14 (×6)` for long loops. */
export function visitLabel(steps: readonly number[]): string {
  if (steps.length <= 3) return steps.join(' · ');
  return `${steps[0]} · ${steps[1]} … ${steps.at(-1)} (×${steps.length})`;
}
