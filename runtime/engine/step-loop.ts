// The step loop: a running run takes its steps one after another (step.ts takes one) until
// it leaves the loop. What leaving means for the run — its records, its wait, the run a
// Jump starts, its end — is run-driver.ts's; this file only executes steps.
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ActiveRun } from './active-run';
import type { ExecServices } from './exec-services';
import { loopMessage } from './loop-message';
import type { RunState } from './run-state';
import { takeStep, type Transition } from './step';

/** Steps between yields to the event loop, so a long loop cannot starve HTTP. */
const YIELD_EVERY = 64;

/** Why the loop let go of the run. */
export type LoopExit =
  /** The run ends, waits or jumps: the driver settles it. */
  | Exclude<Transition, { kind: 'goto' }>
  /** Hookflow is stopping: the run stays where it is, to be checkpointed there. */
  | { kind: 'pause' }
  /** Cancelled (the cancel queued behind the loop finishes it), or no longer running. */
  | { kind: 'leave' };

export interface StepLoopDeps {
  runs: Pick<RunState, 'holds' | 'stopping'>;
  /** Steps a run may take without a wait (a runaway loop fails with a message). */
  maxSteps: number;
  now: () => Date;
  /** What executors get as `ctx.services` (exec-services.ts). */
  services: ExecServices;
  /** Called before a node with side effects runs (the driver writes a checkpoint). */
  beforeSideEffects: () => Promise<void>;
  /** Told how long each step took (EngineOptions.onStep). */
  onStep?: (nodeType: string, ms: number) => void;
}

export async function runSteps(active: ActiveRun, deps: StepLoopDeps): Promise<LoopExit> {
  const { maxSteps, onStep } = deps;
  const stepDeps = {
    now: deps.now,
    services: deps.services,
    beforeSideEffects: deps.beforeSideEffects,
  };
  let taken = 0;
  while (deps.runs.holds(active) && active.run.status === 'running') {
    if (active.cancelled) return { kind: 'leave' };
    if (deps.runs.stopping) return { kind: 'pause' };
    if (active.stepsSinceWait >= maxSteps) {
      const error = loopMessage(maxSteps, active.recent, (nodeId) => active.graph.name(nodeId));
      return { kind: 'fail', error };
    }
    if (++taken % YIELD_EVERY === 0) await yieldToEventLoop();
    const began = onStep ? performance.now() : 0;
    const transition = await takeStep(active, stepDeps);
    const nodeType = active.run.steps.at(-1)?.nodeType;
    if (onStep && nodeType) onStep(nodeType, performance.now() - began);
    if (transition.kind !== 'goto') return transition;
    active.cursor = { nodeId: transition.nodeId };
    active.dirty = true;
  }
  return { kind: 'leave' };
}
