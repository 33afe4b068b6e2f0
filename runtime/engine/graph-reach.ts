// Which nodes a run can get to: along edges, and through Jumps (a node that continues
// at another without an edge). Loops are fine: each node is visited once.
import type { GraphView } from '../shared/node-definition';

export function reachableFrom(
  starts: readonly string[],
  graph: GraphView,
  jumps: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const next = new Map<string, string[]>([...jumps].map(([id, targets]) => [id, [...targets]]));
  for (const edge of graph.edges) {
    const targets = next.get(edge.source);
    if (targets) targets.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  const reached = new Set(starts);
  const queue = [...starts];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const target of next.get(id) ?? []) {
      if (reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  return reached;
}
