// Flow CRUD, independent of HTTP.
import { randomBytes } from 'node:crypto';
import {
  createFlowInputSchema,
  updateFlowInputSchema,
  type FlowDocument,
  type FlowSummary,
} from '../shared/flow-document';
import { withParsedConfigs } from '../engine/validate-graph';
import { emptyFlow } from '../store/flows-store';
import { ApiError, notFound, parseInput } from './api-error';
import type { ApiContext, FlowsContext } from './context';
import { assertNodeTypesKept } from './node-ids';

/** 128 random bits: flow ids appear in public URLs and must not be guessable. */
export function newFlowId(): string {
  return `f_${randomBytes(16).toString('base64url')}`;
}

export function summarizeFlow(flow: FlowDocument): FlowSummary {
  return {
    id: flow.id,
    name: flow.name,
    createdAt: flow.createdAt,
    updatedAt: flow.updatedAt,
    revision: flow.revision,
    nodeCount: flow.draft.nodes.length,
    publishedVersion: flow.published?.version ?? null,
    hasUnpublishedChanges:
      flow.published === null
        ? flow.draft.nodes.length > 0
        : // Published configs are stored parsed; compare the draft parsed the same way.
          JSON.stringify(flow.published.graph) !== JSON.stringify(withParsedConfigs(flow.draft)),
  };
}

export function listFlows(ctx: ApiContext): FlowSummary[] {
  return ctx.flows
    .list()
    .map(summarizeFlow)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function getFlow(ctx: Pick<ApiContext, 'flows'>, id: string): FlowDocument {
  const flow = ctx.flows.get(id);
  if (!flow) throw notFound('flow', id);
  return flow;
}

export async function createFlow(ctx: ApiContext, input: unknown): Promise<FlowDocument> {
  const { name, draft } = parseInput(createFlowInputSchema, input);
  const flow = emptyFlow(newFlowId(), name);
  if (draft) flow.draft = draft;
  assertGraphConsistent(flow.draft);
  return ctx.flows.create(flow);
}

export async function updateFlow(
  ctx: Pick<ApiContext, 'flows'>,
  id: string,
  input: unknown,
): Promise<FlowDocument> {
  const patch = parseInput(updateFlowInputSchema, input);
  if (patch.draft) assertGraphConsistent(patch.draft);
  getFlow(ctx, id);
  const saved = await ctx.flows.update(id, (flow) => {
    if (patch.revision !== undefined && patch.revision !== flow.revision) {
      throw revisionConflict(flow.revision);
    }
    if (patch.name !== undefined) flow.name = patch.name;
    if (patch.draft !== undefined) {
      assertNodeTypesKept(flow.published?.graph, patch.draft);
      flow.draft = patch.draft;
    }
    flow.revision += 1;
    flow.updatedAt = new Date().toISOString();
  });
  if (!saved) throw notFound('flow', id);
  return saved;
}

export async function deleteFlow(ctx: FlowsContext, id: string): Promise<void> {
  if (!(await ctx.flows.delete(id))) throw notFound('flow', id);
  // Announced before anything else can fail: live traffic must stop with the flow.
  ctx.events?.emit('flow-deleted', id);
  await ctx.versions.delete(id);
}

export function revisionConflict(currentRevision: number): ApiError {
  return new ApiError(
    409,
    'revision_conflict',
    'This flow was changed elsewhere (another window?). Reload it to see the latest version.',
    { currentRevision },
  );
}

/** Structural checks a draft must pass to be saved: unique ids, edges between real nodes. */
export function assertGraphConsistent(graph: FlowDocument['draft'], at = 'draft'): void {
  const problems: { path: string; message: string }[] = [];
  const nodeIds = new Set<string>();
  graph.nodes.forEach((node, index) => {
    if (nodeIds.has(node.id)) {
      problems.push({
        path: `${at}.nodes[${index}].id`,
        message: `Duplicate node id "${node.id}"`,
      });
    }
    nodeIds.add(node.id);
  });
  const edgeIds = new Set<string>();
  graph.edges.forEach((edge, index) => {
    if (edgeIds.has(edge.id)) {
      problems.push({
        path: `${at}.edges[${index}].id`,
        message: `Duplicate edge id "${edge.id}"`,
      });
    }
    edgeIds.add(edge.id);
    for (const end of ['source', 'target'] as const) {
      if (!nodeIds.has(edge[end])) {
        problems.push({
          path: `${at}.edges[${index}].${end}`,
          message: `Edge points to unknown node "${edge[end]}"`,
        });
      }
    }
  });
  const variableNames = new Set<string>();
  graph.variables.forEach((variable, index) => {
    if (variableNames.has(variable.name)) {
      problems.push({
        path: `${at}.variables[${index}].name`,
        message: `Duplicate variable "${variable.name}"`,
      });
    }
    variableNames.add(variable.name);
  });
  if (problems.length > 0) {
    throw new ApiError(400, 'invalid_input', problems[0]?.message ?? 'Invalid graph', problems);
  }
}
