// Why a call to a resume endpoint woke no run (runtime/ingress/pipeline.ts answers by it):
// the key was never issued for this node (404), its wait has ended and how (410, seed 003's
// payment callback that comes too late), or the run has not got to the wait yet (the
// provider answered faster than the flow moved on: the ingress waits for it a little).
// Read from the run log, which records every wait's end: no table of issued keys is kept.
import type { Run } from '../shared/run';
import type { ResumeKeys } from './resume-keys';

/** How a wait ended: resumed by an earlier call, timed out, or the run stopped. */
export type WaitEnding = 'resumed' | 'timed-out' | 'cancelled' | 'run-ended';

export type MissedWait =
  | { kind: 'unknown' }
  | { kind: 'ended'; runId: string; how: WaitEnding }
  /** The run goes on but is not (yet) waiting on this key. */
  | { kind: 'not-yet'; runId: string };

export async function explainMissedWait(
  keys: ResumeKeys,
  read: (runId: string) => Promise<Run | undefined>,
  place: { flowId: string; nodeId: string; key: string },
): Promise<MissedWait> {
  const issued = keys.read(place.flowId, place.nodeId, place.key);
  if (!issued) return { kind: 'unknown' };
  const { runId, pass } = issued;
  const run = await read(runId);
  // Issued by this Hookflow, but the run log no longer keeps the run (retention).
  if (!run || run.flowId !== place.flowId) return { kind: 'ended', runId, how: 'run-ended' };
  const steps = run.steps.filter((step) => step.nodeId === place.nodeId);
  const step = steps[pass];
  if (step) {
    // A resumed wait's step holds the call that resumed it; a timeout's step holds nothing.
    if (step.input !== undefined) return { kind: 'ended', runId, how: 'resumed' };
    return { kind: 'ended', runId, how: step.error === undefined ? 'timed-out' : 'run-ended' };
  }
  if (run.status === 'completed' || run.status === 'failed') {
    const stoppedHere = run.endNode?.nodeId === place.nodeId && run.error === 'Cancelled';
    return { kind: 'ended', runId, how: stoppedHere ? 'cancelled' : 'run-ended' };
  }
  return { kind: 'not-yet', runId };
}
