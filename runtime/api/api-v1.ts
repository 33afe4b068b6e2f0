// The public API, version 1 (seed 004 "Launch the bot via API"), as transport-free
// functions: launch a published flow, read a run. Callers are other services holding a
// project token; server/routes/api-v1-routes.ts checks the token before calling these.
import { z } from 'zod';
import type { Run, RunStatus } from '../shared/run';
import { variableNameSchema } from '../shared/variable-name';
import { ApiError, parseInput } from './api-error';
import type { ApiContext } from './context';
import { apiErrorFrom, runnableGraph, startNodeOf } from './runs';

export const launchRunInputSchema = z
  .object({
    /** The run's starting variables. */
    variables: z.record(variableNameSchema, z.unknown()).optional(),
  })
  .strict();

/** What launching answers (202): the run has started and goes on on its own. */
export interface LaunchedRun {
  runId: string;
  status: RunStatus;
  /** Where to read it (with a Read runs token). */
  run: string;
}

export type RunsContext = Pick<ApiContext, 'flows' | 'engine'>;

export async function launchRun(
  ctx: RunsContext,
  flowId: string,
  input: unknown,
): Promise<LaunchedRun> {
  const { variables } = parseInput(launchRunInputSchema, input ?? {});
  const flow = ctx.flows.get(flowId);
  if (!flow) {
    throw new ApiError(
      404,
      'flow_not_found',
      `No flow with id "${flowId.slice(0, 80)}": check the flow id in the URL.`,
    );
  }
  const { graph, version } = runnableGraph(flow, false);
  try {
    const run = await ctx.engine.startRun({
      flowId,
      graph,
      version,
      triggerNodeId: startNodeOf(graph),
      trigger: { type: 'api' },
      input: { method: 'POST' },
      variables,
    });
    return { runId: run.id, status: run.status, run: `/api/v1/runs/${run.id}` };
  } catch (error) {
    throw apiErrorFrom(error);
  }
}

/** A run as the public API shows it: where it is and what it holds, not its steps. */
export interface PublicRun {
  id: string;
  flowId: string;
  flowVersion: Run['flowVersion'];
  status: RunStatus;
  startedAt: string;
  endedAt?: string;
  error?: string;
  /** What it waits for, while it waits. */
  waiting?: { kind: string; nodeId: string; until?: string };
  variables: Record<string, unknown>;
  output?: Record<string, unknown>;
  endNode?: { nodeId: string; name: string };
}

export async function readRun(ctx: RunsContext, id: string): Promise<PublicRun> {
  const run = await ctx.engine.getRun(id);
  if (!run) {
    throw new ApiError(
      404,
      'run_not_found',
      `No run with id "${id.slice(0, 80)}": check the run id (launching a flow answers it).`,
    );
  }
  return {
    id: run.id,
    flowId: run.flowId,
    flowVersion: run.flowVersion,
    status: run.status,
    startedAt: run.startedAt,
    ...(run.endedAt ? { endedAt: run.endedAt } : {}),
    ...(run.error ? { error: run.error } : {}),
    ...(run.waiting
      ? {
          waiting: {
            kind: run.waiting.kind,
            nodeId: run.waiting.nodeId,
            ...(run.waiting.until ? { until: run.waiting.until } : {}),
          },
        }
      : {}),
    variables: run.variables,
    ...(run.output ? { output: run.output } : {}),
    ...(run.endNode ? { endNode: run.endNode } : {}),
  };
}
