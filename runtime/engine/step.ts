// One step of a run: the node at the cursor is skipped (headless), executed, or resumed,
// and its outcome is turned into where the run goes next. Run-level effects (records,
// timers, other runs) are the engine's; this file only decides.
import { executorFor } from '../nodes/executors';
import type { NodeType } from '../nodes/definitions';
import { sideEffectsOf } from '../shared/node-definition';
import type { ResumeEvent, RunStep } from '../shared/run';
import type { ActiveRun } from './active-run';
import type { ExecServices } from './exec-services';
import { next, type StepOutcome, type WaitRequest } from './executor';
import { issueResumeKeys } from './issued-keys';
import { stepOutput } from './step-output';

export const SKIPPED_NO_CHAT = 'no chat bound';

/** Where the run goes after a step. */
export type Transition =
  | { kind: 'goto'; nodeId: string }
  | { kind: 'wait'; nodeId: string; request: WaitRequest; since: string }
  | { kind: 'complete'; output?: Record<string, unknown> }
  | { kind: 'fail'; error: string }
  | { kind: 'start-flow'; flowId: string };

type StepFields = Pick<RunStep, 'outputHandle' | 'skipped' | 'error' | 'warnings' | 'output'>;

export interface StepDeps {
  now(): Date;
  /** What executors get as `ctx.services` (scoped to the step by its context). */
  services: ExecServices;
  /** Called before a node with side effects runs (the engine writes a checkpoint). */
  beforeSideEffects(): Promise<void>;
}

export async function takeStep(active: ActiveRun, deps: StepDeps): Promise<Transition> {
  const nodeId = active.cursor?.nodeId;
  const transition = await stepAt(active, deps);
  // The node's next wait gets a fresh key once this step is over (issued-keys.ts).
  if (nodeId !== undefined && transition.kind !== 'wait' && active.graph.issuedKeys().has(nodeId)) {
    issueResumeKeys(active, deps.services.resumeKeys, nodeId);
  }
  return transition;
}

async function stepAt(active: ActiveRun, deps: StepDeps): Promise<Transition> {
  const cursor = active.cursor;
  if (!cursor) return { kind: 'fail', error: 'The run has no next node' };
  const node = active.graph.node(cursor.nodeId);
  if (!node) return { kind: 'fail', error: `The flow has no node "${cursor.nodeId}"` };
  const definition = active.graph.definition(node);
  // Only messages use it: built when one is, not on every step.
  const name = (): string => active.graph.describe(node.id);
  const resume = cursor.resume;
  const startedAt = resume?.wait.since ?? deps.now().toISOString();
  const input = resume && resume.event.kind !== 'timer' ? eventInput(resume.event) : undefined;
  // Assigned, not spread: this runs for every step of every run.
  const step = (fields: StepFields): RunStep => {
    const taken: RunStep = {
      nodeId: node.id,
      nodeType: node.type,
      startedAt,
      endedAt: deps.now().toISOString(),
    };
    if (input !== undefined) taken.input = input;
    if (fields.output !== undefined) taken.output = fields.output;
    if (fields.outputHandle !== undefined) taken.outputHandle = fields.outputHandle;
    if (fields.skipped !== undefined) taken.skipped = fields.skipped;
    if (fields.error !== undefined) taken.error = fields.error;
    if (fields.warnings !== undefined) taken.warnings = fields.warnings;
    return taken;
  };

  const parsed = active.graph.config(node);
  if (!parsed.ok) {
    const error = `Node ${name()} has an invalid configuration: ${parsed.message}`;
    active.addStep(step({ error }));
    return { kind: 'fail', error };
  }

  // Headless runs skip what needs a person (seed 001) and go on where the node would.
  if (definition.needsChat && !active.chat) {
    const handle = parsed.handles.has('next') ? 'next' : undefined;
    active.addStep(step({ skipped: SKIPPED_NO_CHAT, outputHandle: handle }));
    active.addChatSkipped();
    const target = handle && active.graph.target(node.id, handle);
    return target ? { kind: 'goto', nodeId: target } : { kind: 'complete' };
  }

  if (sideEffectsOf(definition, parsed.config) !== 'none') await deps.beforeSideEffects();
  let outcome: StepOutcome;
  active.beginStep();
  try {
    const executor = executorFor(node.type as NodeType);
    const ctx = active.context(node.id, deps.now, deps.services);
    if (!resume) outcome = await executor.execute(ctx, parsed.config);
    else if (resume.event.kind === 'timeout')
      outcome = next(resume.wait.timeoutHandle ?? 'timeout');
    else if (executor.resume)
      outcome = await executor.resume(ctx, parsed.config, resume.event, resume.wait);
    else outcome = next();
  } catch (error) {
    outcome = { kind: 'fail', error: error instanceof Error ? error.message : String(error) };
  }
  // What the node produced, recorded with its step whatever the outcome (not while it waits:
  // that step is recorded when the wait ends, with what the node set then).
  const output =
    outcome.kind === 'wait'
      ? undefined
      : stepOutput(
          active.setInStep(),
          active.run.variables,
          outcome.kind === 'end' ? outcome.output : undefined,
          outcome.kind === 'next' ? outcome.details : undefined,
        );
  switch (outcome.kind) {
    case 'next': {
      if (!parsed.handles.has(outcome.handle) && outcome.handle !== resume?.wait.timeoutHandle) {
        const error = `Node ${name()} chose an output it does not have ("${outcome.handle}")`;
        active.addStep(step({ error }));
        return { kind: 'fail', error };
      }
      active.addStep(step({ outputHandle: outcome.handle, warnings: outcome.warnings, output }));
      const branch = parsed.branches?.get(outcome.handle);
      if (branch !== undefined) active.addBranch(node.id, outcome.handle, branch);
      const target = active.graph.target(node.id, outcome.handle);
      // An unconnected output ends the run: that branch of the flow is done.
      return target ? { kind: 'goto', nodeId: target } : { kind: 'complete' };
    }
    case 'wait':
      // The step is recorded when the wait ends, so it spans the whole wait.
      return { kind: 'wait', nodeId: node.id, request: outcome.wait, since: startedAt };
    case 'fail':
      active.addStep(step({ error: outcome.error, output }));
      return { kind: 'fail', error: `Node ${name()} failed: ${outcome.error}` };
    case 'end':
      active.addStep(step({ output }));
      return { kind: 'complete', output: outcome.output };
    case 'goto':
      active.addStep(step({ outputHandle: `jump:${outcome.nodeId}`, output }));
      return active.graph.node(outcome.nodeId)
        ? { kind: 'goto', nodeId: outcome.nodeId }
        : {
            kind: 'fail',
            error: `Node ${name()} jumps to "${outcome.nodeId}", which is not in this flow`,
          };
    case 'start-flow':
      active.addStep(step({ outputHandle: `flow:${outcome.flowId}`, output }));
      return { kind: 'start-flow', flowId: outcome.flowId };
  }
}

function eventInput(event: ResumeEvent): unknown {
  switch (event.kind) {
    case 'input':
      return event.buttonId === undefined
        ? { text: event.text }
        : { text: event.text, buttonId: event.buttonId };
    case 'webhook':
      return event.payload;
    default:
      return undefined;
  }
}
