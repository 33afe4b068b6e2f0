// Puts the resume keys the engine issues (resume-keys.ts) into their variables: every keyed
// node's when a run starts, and one node's again after each of its steps, so the variable
// always holds the key of the node's next wait and the flow can send it out beforehand.
import type { ActiveRun } from './active-run';
import type { ResumeKeys } from './resume-keys';

export function issueResumeKeys(active: ActiveRun, keys: ResumeKeys, onlyNode?: string): void {
  const keyed = active.graph.issuedKeys();
  if (keyed.size === 0) return;
  for (const [nodeId, variable] of keyed) {
    if (onlyNode !== undefined && nodeId !== onlyNode) continue;
    const key = keys.issue({
      flowId: active.run.flowId,
      nodeId,
      runId: active.id,
      pass: active.visits(nodeId),
    });
    active.variables.set(variable, key);
  }
}
