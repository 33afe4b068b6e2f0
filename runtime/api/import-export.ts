// Flow files: export writes the draft and the published snapshot; import always creates a
// new flow (new id, a free name) and never overwrites one. Node ids are kept: they are
// unique within a flow, and the new flow id keeps the new flow's URLs apart.
import { z } from 'zod';
import { hasErrors, validateGraph, withParsedConfigs } from '../engine/validate-graph';
import { CURRENT_SCHEMA_VERSION, type DraftGraph } from '../shared/flow-document';
import { FLOW_FILE_FORMAT, flowFileSchema, type FlowFile } from '../shared/flow-file';
import {
  importInputSchema,
  importPreviewInputSchema,
  type GraphProblem,
  type ImportPreview,
  type ImportResult,
} from '../shared/publishing';
import { declaredSchemaVersion, migrateFlowFile } from '../store/flow-migrations';
import { emptyFlow } from '../store/flows-store';
import { ApiError, parseInput } from './api-error';
import type { FlowsContext } from './context';
import { uniqueFlowName } from './duplicate';
import { assertGraphConsistent, getFlow, newFlowId } from './flows';
import { nodeTypeChanges } from './node-ids';
import { configIdRenewer } from './permanent-ids';
import { checkGraph, invalidFlow, publishGraph } from './publish';

export function exportFlow(ctx: Pick<FlowsContext, 'flows'>, id: string): FlowFile {
  const flow = getFlow(ctx, id);
  return {
    format: FLOW_FILE_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name: flow.name,
    exportedAt: new Date().toISOString(),
    draft: flow.draft,
    ...(flow.published ? { published: flow.published } : {}),
  };
}

/** A file name for the download: the flow's name with only safe characters. */
export function exportFileName(file: FlowFile): string {
  const slug = file.name
    .replace(/[^A-Za-z0-9 _-]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${slug || 'flow'}.flow.json`;
}

/**
 * Imports a flow file as a new flow.
 *
 * `publish: true` makes live what was live where the file came from: its published
 * snapshot, or its draft if it was never published. If that does not validate here, the
 * flow is still created, as a draft, and the answer is 422 `invalid_flow` whose
 * `details.flowId` names it and whose message says it was imported as a draft.
 *
 * Without `publish`, nothing goes live; a published snapshot in the file is kept as the
 * new flow's version 1 in its history (when it validates here), so nothing is lost.
 */
export async function importFlow(ctx: FlowsContext, input: unknown): Promise<ImportResult> {
  const { document, publish, name } = parseInput(importInputSchema, input);
  // Fresh webhook ids: an imported copy must not answer on the URLs of the original.
  const file = withFreshFileIds(parseFlowFile(document));
  const live = publish ? (file.published?.graph ?? file.draft) : undefined;
  if (live && file.published) assertDraftKeepsTypes(file.published.graph, file.draft);

  const flow = emptyFlow(newFlowId(), uniqueFlowName(ctx, name ?? file.name));
  flow.draft = file.draft;
  const created = await ctx.flows.create(flow);

  if (!live) {
    const problems = checkGraph(ctx, file.draft);
    if (file.published) problems.push(...(await keepInHistory(ctx, created.id, file.published)));
    return { flow: created, published: false, problems };
  }
  try {
    const { flow: published, warnings } = await publishGraph(ctx, created.id, live);
    return { flow: published, published: true, problems: warnings };
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'invalid_flow')) throw error;
    const problems = checkGraph(ctx, live);
    const count = problems.filter((problem) => problem.severity === 'error').length;
    throw invalidFlow(
      problems,
      `Imported "${created.name}" as a draft (flow ${created.id}), but ${count} ` +
        `${count === 1 ? 'problem stops' : 'problems stop'} it from being published`,
      { flowId: created.id, importedAs: 'draft' },
    );
  }
}

/**
 * What importing a file would do, without doing it: the problems Publish would report
 * here for what "Import and publish" makes live (its published version, else its draft),
 * secrets this data folder does not hold included. Read-only.
 */
export function previewImport(ctx: FlowsContext, input: unknown): ImportPreview {
  const { document } = parseInput(importPreviewInputSchema, input);
  const file = withFreshFileIds(parseFlowFile(document));
  const live = file.published?.graph ?? file.draft;
  return {
    name: file.name,
    nodeCount: file.draft.nodes.length,
    publishes: file.published ? 'published' : 'draft',
    problems: checkGraph(ctx, live),
  };
}

function withFreshFileIds(file: FlowFile): FlowFile {
  const renew = configIdRenewer();
  return {
    ...file,
    draft: renew(file.draft),
    ...(file.published
      ? { published: { ...file.published, graph: renew(file.published.graph) } }
      : {}),
  };
}

/** Validates a flow file after migrating it; anything wrong is a 400 listing every problem. */
export function parseFlowFile(raw: unknown): FlowFile {
  const looksLikeFile = typeof raw === 'object' && raw !== null && 'format' in raw;
  if (!looksLikeFile || raw.format !== FLOW_FILE_FORMAT) {
    throw new ApiError(
      400,
      'invalid_input',
      `This is not a Hookflow flow file: "format" must be "${FLOW_FILE_FORMAT}"`,
      [{ path: 'document.format', message: `Expected "${FLOW_FILE_FORMAT}"` }],
    );
  }
  const version = declaredSchemaVersion(raw);
  if (version !== undefined && version > CURRENT_SCHEMA_VERSION) {
    throw new ApiError(
      400,
      'unsupported_version',
      `This flow file was written by a newer Hookflow (schema version ${version}; this one ` +
        `reads up to ${CURRENT_SCHEMA_VERSION}). Update Hookflow to import it.`,
    );
  }
  const { document } = parseInput(z.object({ document: flowFileSchema }), {
    document: migrateFlowFile(raw),
  });
  assertGraphConsistent(document.draft, 'document.draft');
  if (document.published) {
    assertGraphConsistent(document.published.graph, 'document.published.graph');
  }
  return document;
}

function assertDraftKeepsTypes(published: DraftGraph, draft: DraftGraph): void {
  const changes = nodeTypeChanges(published, draft);
  if (changes.length === 0) return;
  throw new ApiError(
    400,
    'invalid_input',
    `The file's draft changes the type of published node "${changes[0]?.nodeId}"; node ids are permanent`,
    changes.map((change) => ({
      path: 'document.draft.nodes',
      message: `Node "${change.nodeId}" is published as "${change.publishedType}" but is "${change.draftType}" in the draft`,
    })),
  );
}

async function keepInHistory(
  ctx: FlowsContext,
  flowId: string,
  snapshot: NonNullable<FlowFile['published']>,
): Promise<GraphProblem[]> {
  const problems = validateGraph(snapshot.graph);
  if (hasErrors(problems)) {
    return [
      {
        severity: 'warning',
        message:
          "The file's published version does not validate in this Hookflow and was not kept; " +
          'the draft was imported',
      },
    ];
  }
  await ctx.versions.add(flowId, 0, {
    publishedAt: snapshot.publishedAt,
    graph: withParsedConfigs(snapshot.graph),
  });
  return [];
}
