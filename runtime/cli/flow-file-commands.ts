// `hookflow import` and `hookflow export`. With a runtime on the data folder they go
// through its admin API (the folder lock forbids opening its stores twice); without one
// they open the stores directly under that lock. Either way the same API functions run.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../api/api-error';
import type { FlowsContext } from '../api/context';
import { exportFlow, importFlow } from '../api/import-export';
import { flowFileSchema } from '../shared/flow-file';
import { graphProblemSchema } from '../shared/publishing';
import { writeFileAtomic } from '../store/atomic-file';
import { defaultDataDir } from '../store/data-dir';
import { parseCommandArgs, UsageError } from './args';
import { withOfflineFlows } from './offline-flows';
import {
  AdminApiError,
  callAdmin,
  findRunningRuntime,
  NotAnsweringError,
  type RunningRuntime,
} from './running-runtime';

const importAnswerSchema = z.object({
  flow: z.object({ id: z.string(), name: z.string() }),
  published: z.boolean(),
  problems: z.array(graphProblemSchema),
});

/** Prints the new flow's id, alone, on stdout; everything else goes to stderr. */
export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    'data-dir': { type: 'string' },
    publish: { type: 'boolean', default: false },
    name: { type: 'string' },
  });
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) {
    throw new UsageError('hookflow import takes one flow file: hookflow import <file>');
  }
  const input = {
    document: await readJsonFile(path),
    publish: values.publish,
    ...(values.name === undefined ? {} : { name: values.name }),
  };
  const answer = await withFlows(
    resolve(values['data-dir'] ?? defaultDataDir()),
    { create: true },
    async (running) =>
      importAnswerSchema.parse(
        await callAdmin(running, '/api/flows/import', { method: 'POST', json: input }),
      ),
    (ctx) => importFlow(ctx, input),
  ).catch((error: unknown) => {
    // Imported as a draft, but not published: scripts still get the id to act on.
    if (error instanceof FlowCommandError && error.flowId) console.log(error.flowId);
    throw error;
  });
  console.log(answer.flow.id);
  const state = answer.published ? 'imported and published' : 'imported as a draft';
  const more =
    answer.problems.length === 0 ? '.' : answer.published ? ', with:' : '; Publish would report:';
  console.error(`"${answer.flow.name}" ${state}${more}`);
  for (const line of problemLines({ problems: answer.problems })) console.error(line);
}

export async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    'data-dir': { type: 'string' },
    out: { type: 'string' },
  });
  const [flowId, ...extra] = positionals;
  if (flowId === undefined || extra.length > 0) {
    throw new UsageError('hookflow export takes one flow id: hookflow export <flowId>');
  }
  const file = await withFlows(
    resolve(values['data-dir'] ?? defaultDataDir()),
    { create: false },
    async (running) =>
      flowFileSchema.parse(
        await callAdmin(running, `/api/flows/${encodeURIComponent(flowId)}/export`),
      ),
    async (ctx) => exportFlow(ctx, flowId),
  );
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (values.out === undefined) {
    process.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve(values.out), text);
  console.error(`Exported "${file.name}" to ${values.out}`);
}

/** Through the running runtime if there is one, else on the stores directly. */
async function withFlows<T>(
  dataDir: string,
  options: { create: boolean },
  online: (running: RunningRuntime) => Promise<T>,
  offline: (ctx: FlowsContext) => Promise<T>,
): Promise<T> {
  try {
    const running = await findRunningRuntime(dataDir);
    if (running) {
      try {
        return await online(running);
      } catch (error) {
        // runtime.json left behind by a runtime that is gone: the folder lock decides.
        if (!(error instanceof NotAnsweringError)) throw error;
      }
    }
    return await withOfflineFlows(dataDir, options, offline);
  } catch (error) {
    const failure = failureOf(error);
    if (!failure) throw error;
    throw new FlowCommandError(failureText(failure.message, failure.details), failure.flowId);
  }
}

/** A refusal from the API, as the user reads it; `flowId` names a flow created anyway. */
class FlowCommandError extends Error {
  override name = 'FlowCommandError';
  constructor(
    message: string,
    readonly flowId: string | undefined,
  ) {
    super(message);
  }
}

const detailsSchema = z.union([
  z.object({ problems: z.array(graphProblemSchema), flowId: z.string().optional() }),
  z.array(z.object({ path: z.string(), message: z.string() })),
]);

/** An API refusal, wherever it came from, with its details parsed. */
function failureOf(error: unknown) {
  const api = error instanceof ApiError || error instanceof AdminApiError ? error : undefined;
  if (!api) return undefined;
  const details = detailsSchema.safeParse(api.details);
  return {
    message: api.message,
    details: details.success ? details.data : undefined,
    flowId: details.success && !Array.isArray(details.data) ? details.data.flowId : undefined,
  };
}

function failureText(message: string, details: z.infer<typeof detailsSchema> | undefined) {
  const lines = problemLines(details);
  // Input problems: one is the message itself; several are listed under a count.
  if (Array.isArray(details)) {
    return lines.length > 1 ? [`${lines.length} problems:`, ...lines].join('\n') : message;
  }
  return [message, ...lines].join('\n');
}

function problemLines(details: z.infer<typeof detailsSchema> | undefined): string[] {
  if (details === undefined) return [];
  if (Array.isArray(details)) {
    return details.map(
      (problem) => `  ${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
    );
  }
  return details.problems.map((problem) => `  ${problem.severity}: ${problem.message}`);
}

async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
