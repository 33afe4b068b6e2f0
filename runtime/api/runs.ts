// Runs, independent of HTTP: list, read, start by hand, cancel.
import { z } from 'zod';
import { EngineError } from '../engine/engine';
import { manualTriggerNode } from '../engine/engine-support';
import { hasErrors, validateGraph } from '../engine/validate-graph';
import type { DraftGraph, FlowDocument } from '../shared/flow-document';
import { runStatusSchema, type Run, type RunPage } from '../shared/run';
import { variableNameSchema } from '../shared/variable-name';
import { ApiError, notFound, parseInput } from './api-error';
import type { ApiContext } from './context';
import { getFlow } from './flows';
import { invalidFlow } from './publish';

const isoTime = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'Use an ISO 8601 time')
  .transform((text) => new Date(text).toISOString());

export const runQuerySchema = z.object({
  flowId: z.string().max(64).optional(),
  status: runStatusSchema.optional(),
  /** `true`: only runs that skipped chat nodes (headless); `false`: only runs that did not. */
  chatSkipped: z
    .enum(['true', 'false'], 'Use chatSkipped=true or chatSkipped=false')
    .transform((text) => text === 'true')
    .optional(),
  /** Only runs whose customer binding linked this customer. */
  customerId: z.string().max(64).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(200).optional(),
});

export const manualRunInputSchema = z
  .object({
    /** Run the draft (validated first) instead of the published version. */
    draft: z.boolean().default(false),
    variables: z.record(variableNameSchema, z.unknown()).optional(),
    /** A payload to try the flow with, readable as `body` like a webhook's. */
    body: z.unknown().optional(),
    query: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export function listRuns(ctx: ApiContext, query: unknown): Promise<RunPage> {
  return ctx.engine.listRuns(parseInput(runQuerySchema, query));
}

export async function getRun(ctx: ApiContext, id: string): Promise<Run> {
  const run = await ctx.engine.getRun(id);
  if (!run) throw notFound('run', id);
  return run;
}

export async function startManualRun(
  ctx: ApiContext,
  flowId: string,
  input: unknown,
): Promise<Run> {
  const { draft, variables, body, query } = parseInput(manualRunInputSchema, input ?? {});
  const flow = getFlow(ctx, flowId);
  const { graph, version } = runnableGraph(flow, draft);
  try {
    return await ctx.engine.startRun({
      flowId,
      graph,
      version,
      triggerNodeId: startNodeOf(graph),
      trigger: { type: 'manual' },
      input: { body, query: query ?? {}, method: 'MANUAL' },
      variables,
    });
  } catch (error) {
    throw apiErrorFrom(error);
  }
}

export async function cancelRun(ctx: ApiContext, id: string): Promise<Run> {
  try {
    return await ctx.engine.cancel(id);
  } catch (error) {
    throw apiErrorFrom(error);
  }
}

/** The graph a manual run or a test chat executes: the published one, or the checked draft. */
export function runnableGraph(
  flow: FlowDocument,
  draft: boolean,
): { graph: DraftGraph; version: number | 'draft' } {
  if (draft) {
    assertDraftRunnable(flow.draft);
    return { graph: flow.draft, version: 'draft' };
  }
  if (!flow.published) {
    throw new ApiError(
      409,
      'not_published',
      `"${flow.name}" is not published yet. Publish it, or run the draft with { "draft": true }.`,
    );
  }
  return { graph: flow.published.graph, version: flow.published.version };
}

export function startNodeOf(graph: DraftGraph): string {
  const start = manualTriggerNode(graph);
  if (!start) {
    throw new ApiError(
      422,
      'no_start_node',
      'This flow has no Start node with the manual trigger (nor a single trigger) to start from',
    );
  }
  return start;
}

/** Draft graphs are saved unvalidated; a run of one is checked like a publish would be. */
function assertDraftRunnable(graph: DraftGraph): void {
  const problems = validateGraph(graph);
  if (hasErrors(problems)) {
    throw invalidFlow(problems, 'The draft has problems that stop it from running');
  }
}

export function apiErrorFrom(error: unknown): unknown {
  if (!(error instanceof EngineError)) return error;
  const status = { not_found: 404, finished: 409, stopping: 503, invalid_trigger: 422 }[error.code];
  return new ApiError(status, error.code, error.message);
}
