// Runs as the admin API and the designer see them (browser-safe). A run is one execution
// of a flow graph: where it started, every step it took, and how it ended or what it is
// waiting for. The engine's own bookkeeping (checkpoints, graph refs) is in runtime/engine.
import { z } from 'zod';
import { SHIPPED_CHANNEL_IDS } from './channel-ids';
import { httpExchangeSchema } from './http-exchange';
import { runBindingSchema } from './run-binding';

export const runStatusSchema = z.enum(['running', 'waiting', 'completed', 'failed']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** Completed or failed: nothing more happens to the run. */
export function runHasEnded(status: RunStatus): boolean {
  return status === 'completed' || status === 'failed';
}

/** 'full' when a chat is bound to the run, 'headless' otherwise (seed 001). */
export const runModeSchema = z.enum(['full', 'headless']);
export type RunMode = z.infer<typeof runModeSchema>;

export const runTriggerSchema = z.object({
  type: z.enum(['manual', 'webhook', 'api', ...SHIPPED_CHANNEL_IDS, 'jump']),
  /** The trigger node the run started from. */
  nodeId: z.string(),
  /** The inbound call that started it (webhook runs). */
  callId: z.string().optional(),
  /** The run that jumped into this flow (jump runs). */
  parentRunId: z.string().optional(),
  /** The logged call this run replays (an admin re-ran it). */
  replayOf: z.string().optional(),
});
export type RunTrigger = z.infer<typeof runTriggerSchema>;

export const waitKindSchema = z.enum(['input', 'timer', 'webhook']);
export type WaitKind = z.infer<typeof waitKindSchema>;

/**
 * What a waiting run waits for. `key` matches the resuming event: the chat's key for
 * `input`, a callback token for `webhook`, the run id for `timer`. For a timer `until` is
 * when it fires; for the others it is an optional deadline after which the run continues
 * on `timeoutHandle`.
 */
export const waitSpecSchema = z.object({
  kind: waitKindSchema,
  nodeId: z.string(),
  key: z.string(),
  since: z.string(),
  until: z.string().optional(),
  timeoutHandle: z.string().optional(),
  /** What the waiting node needs when it resumes (e.g. how many retries so far). */
  state: z.record(z.string(), z.unknown()).optional(),
});
export type WaitSpec = z.infer<typeof waitSpecSchema>;

/** The event that ends a wait. */
export const resumeEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('input'), text: z.string(), buttonId: z.string().optional() }),
  z.object({ kind: z.literal('timer') }),
  z.object({ kind: z.literal('webhook'), payload: z.unknown().optional() }),
  z.object({ kind: z.literal('timeout') }),
]);
export type ResumeEvent = z.infer<typeof resumeEventSchema>;

/**
 * What a step produced, beside what it received (`input`): the variables it set and an End
 * node's result, each value bounded (runtime/engine/step-output.ts). The output handle,
 * warnings and error have fields of their own.
 */
export const stepOutputSchema = z.object({
  variables: z.record(z.string(), z.unknown()).optional(),
  result: z.record(z.string(), z.unknown()).optional(),
  /** An HTTP Request step: what was sent, what came back, what was mapped. */
  http: httpExchangeSchema.optional(),
  /** A Webhook Trigger step with Customer & Chat binding: what the binding did. */
  binding: runBindingSchema.optional(),
});
export type StepOutput = z.infer<typeof stepOutputSchema>;

export const runStepSchema = z.object({
  nodeId: z.string(),
  nodeType: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  /** What the node received from outside: the reply that ended a wait. */
  input: z.unknown().optional(),
  /** What the node produced; absent when it set nothing (and in runs recorded before it). */
  output: stepOutputSchema.optional(),
  outputHandle: z.string().optional(),
  /** Why the node did not execute (headless runs skip chat nodes). */
  skipped: z.string().optional(),
  /** What the node noticed that did not stop it (a trigger's mappings that found nothing). */
  warnings: z.array(z.string()).optional(),
  error: z.string().optional(),
});
export type RunStep = z.infer<typeof runStepSchema>;

/**
 * An output a run chose where the flow branches (an event case, a Condition's True or
 * Else, a button): with the end node, what tells one run from the next in a list.
 */
export const runBranchSchema = z.object({
  nodeId: z.string(),
  /** The node's name for people in the version the run ran (node-names.ts). */
  node: z.string(),
  handle: z.string(),
  /** The output's label in that version ("Purchase approved", "Else"). */
  label: z.string(),
});
export type RunBranch = z.infer<typeof runBranchSchema>;

/** How many branches a run remembers (the first ones): a chat that loops takes many. */
export const MAX_RUN_BRANCHES = 8;

const runFields = {
  id: z.string(),
  flowId: z.string(),
  flowVersion: z.union([z.literal('draft'), z.number().int().positive()]),
  trigger: runTriggerSchema,
  mode: runModeSchema,
  status: runStatusSchema,
  variables: z.record(z.string(), z.unknown()),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  error: z.string().optional(),
  waiting: waitSpecSchema.optional(),
  /** The End node's chosen variables. */
  output: z.record(z.string(), z.unknown()).optional(),
  /** Set when a Jump handed the conversation to another flow's run. */
  jumpedTo: z.object({ flowId: z.string(), runId: z.string() }).optional(),
  // The three below are absent from runs recorded before they existed: read them as none.
  /** Where the flow branched, in order (the first MAX_RUN_BRANCHES). */
  branches: z.array(runBranchSchema).optional(),
  /** The node the run ended at, completed or failed (its name as in `branches`). */
  endNode: z.object({ nodeId: z.string(), name: z.string() }).optional(),
  /** Steps of nodes that talk to a person, skipped because the run had no chat (headless). */
  chatSkipped: z.number().int().positive().optional(),
  /** The customer the trigger's Customer binding found or created (seed 001). */
  customerId: z.string().optional(),
  /** The chat its Chat binding found or created; set, the run is full. */
  chatId: z.string().optional(),
};

export const runSchema = z.object({ ...runFields, steps: z.array(runStepSchema) });
export type Run = z.infer<typeof runSchema>;

/** What `GET /api/runs` lists: everything but the steps. */
export const runSummarySchema = z.object({ ...runFields, stepCount: z.number().int() });
export type RunSummary = z.infer<typeof runSummarySchema>;

export interface RunPage {
  runs: RunSummary[];
  /** Pass as `before` to get the next (older) page; absent on the last page. */
  next?: string;
}

export const RUN_ID_PATTERN = /^r_[A-Za-z0-9_-]{6,64}$/;
