// Publishing: the draft is validated, its configs parsed, and the result becomes the
// snapshot live traffic runs (DESIGN.md "Flow document"). Node ids are permanent: they are
// what webhook URLs are built from, so a published id never changes its node type
// (node-ids.ts).
import { hasErrors, validateGraph, withParsedConfigs } from '../engine/validate-graph';
import { nodeDefinitions } from '../nodes/definitions';
import type { DraftGraph, FlowDocument } from '../shared/flow-document';
import {
  publishInputSchema,
  type GraphProblem,
  type PublishResult,
  type VersionSummary,
} from '../shared/publishing';
import type { PublishedSnapshot } from '../store/flow-versions-store';
import { ApiError, notFound, parseInput } from './api-error';
import type { FlowsContext } from './context';
import { getFlow, revisionConflict } from './flows';
import { webhookIdConflicts } from './permanent-ids';

/** The draft's problems, for the designer to show while the user edits. */
export function validateFlow(ctx: FlowsContext, id: string): { problems: GraphProblem[] } {
  return { problems: checkGraph(ctx, getFlow(ctx, id).draft) };
}

/**
 * What Publish checks in a graph besides other flows' URLs: the graph itself, and that
 * every secret, project token and channel its configs name is in this runtime.
 */
export function checkGraph(
  ctx: Pick<FlowsContext, 'secrets' | 'projectTokens' | 'channelLookup'>,
  graph: DraftGraph,
): GraphProblem[] {
  return validateGraph(graph, nodeDefinitions, {
    secrets: ctx.secrets,
    projectTokens: ctx.projectTokens,
    channels: ctx.channelLookup,
  });
}

export async function publishFlow(
  ctx: FlowsContext,
  id: string,
  input: unknown,
): Promise<PublishResult> {
  const { revision } = parseInput(publishInputSchema, input ?? {});
  const flow = getFlow(ctx, id);
  if (revision !== undefined && revision !== flow.revision) throw revisionConflict(flow.revision);
  return publishGraph(ctx, id, flow.draft);
}

/**
 * Makes `graph` the flow's live snapshot, one version up, or throws 422 listing every
 * problem. Shared by Publish and by import with `publish: true`.
 */
export async function publishGraph(
  ctx: FlowsContext,
  id: string,
  graph: DraftGraph,
): Promise<PublishResult> {
  const problems = [...checkGraph(ctx, graph), ...webhookIdConflicts(ctx.flows, id, graph)];
  if (hasErrors(problems)) throw invalidFlow(problems);
  const publishedAt = new Date().toISOString();
  // Versions first: if the flow write then fails, the next publish still counts past it.
  const snapshot = await ctx.versions.add(id, getFlow(ctx, id).published?.version ?? 0, {
    publishedAt,
    graph: withParsedConfigs(graph),
  });
  const saved = await ctx.flows.update(id, (flow) => {
    // Two publishes at once: the one with the higher number stays live.
    if (flow.published && flow.published.version > snapshot.version) return;
    flow.published = snapshot;
    flow.updatedAt = publishedAt;
  });
  if (!saved) throw notFound('flow', id);
  ctx.events?.emit('flow-published', id);
  return { flow: saved, warnings: problems };
}

/** Takes the flow off live traffic; the draft and the version history stay. */
export async function unpublishFlow(ctx: FlowsContext, id: string): Promise<FlowDocument> {
  const wasPublished = getFlow(ctx, id).published !== null;
  const saved = await ctx.flows.update(id, (flow) => {
    if (flow.published === null) return;
    flow.published = null;
    flow.updatedAt = new Date().toISOString();
  });
  if (!saved) throw notFound('flow', id);
  if (wasPublished) ctx.events?.emit('flow-unpublished', id);
  return saved;
}

/** Kept versions, newest first. */
export async function listVersions(ctx: FlowsContext, id: string): Promise<VersionSummary[]> {
  const flow = getFlow(ctx, id);
  return (await keptVersions(ctx, flow)).map((snapshot) => ({
    version: snapshot.version,
    publishedAt: snapshot.publishedAt,
    nodeCount: snapshot.graph.nodes.length,
    live: snapshot.version === flow.published?.version,
  }));
}

export async function getVersion(
  ctx: FlowsContext,
  id: string,
  version: string,
): Promise<PublishedSnapshot> {
  const flow = getFlow(ctx, id);
  if (!/^\d{1,9}$/.test(version)) {
    throw new ApiError(400, 'invalid_input', `"${version}" is not a version number`);
  }
  const found = (await keptVersions(ctx, flow)).find(
    (snapshot) => snapshot.version === Number(version),
  );
  if (!found) {
    throw new ApiError(404, 'not_found', `Version ${version} of this flow is not kept`);
  }
  return found;
}

/** 422 listing every problem (warnings too, so the designer shows the whole picture). */
export function invalidFlow(
  problems: GraphProblem[],
  message?: string,
  extraDetails: Record<string, unknown> = {},
): ApiError {
  const errors = problems.filter((problem) => problem.severity === 'error');
  return new ApiError(
    422,
    'invalid_flow',
    message ??
      `${errors.length} ${errors.length === 1 ? 'problem stops' : 'problems stop'} this flow from being published`,
    { ...extraDetails, problems },
  );
}

/** The versions file, plus the live snapshot should that file have lost it. */
async function keptVersions(ctx: FlowsContext, flow: FlowDocument): Promise<PublishedSnapshot[]> {
  const kept = await ctx.versions.list(flow.id);
  const live = flow.published;
  const all =
    live && !kept.some((snapshot) => snapshot.version === live.version) ? [...kept, live] : kept;
  return [...all].sort((a, b) => b.version - a.version);
}
