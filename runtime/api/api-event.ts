// Launching a flow for one person by API (seed 004 "Launch the bot via API"): a Webhook
// event node's URL, `POST /api/v1/flows/{flowId}/events/{nodeId}`. The caller presents the
// node's own project token and names the person on the node's channel (`peer_id`) or the
// chat (`chat_id`); the run starts at the node bound to that chat in full mode, so what
// the flow sends reaches the person and is recorded in the chat. Seed 004's two
// conditions — the person allowed messages and has written to the bot — are the chats'
// write-first rule (runtime/chats/launch-chat.ts): refused there, no run starts.
import { z } from 'zod';
import { bindLaunchChat, type LaunchChats } from '../chats/launch-chat';
import { newRunId } from '../engine/durability';
import {
  apiEventConfigSchema,
  CHAT_ID_FIELD,
  PEER_ID_FIELD,
  type ApiEventConfig,
} from '../nodes/api-event/definition';
import type { FlowDocument } from '../shared/flow-document';
import { PROJECT_TOKEN_LEVEL_LABELS, type ProjectTokenInfo } from '../shared/project-tokens';
import type { RunStatus } from '../shared/run';
import { variableNameSchema } from '../shared/variable-name';
import type { ProjectTokensStore } from '../store/project-tokens-store';
import { ApiError, parseInput } from './api-error';
import type { ApiContext } from './context';
import { apiErrorFrom } from './runs';

/** At most this many variables per call (the body limit bounds their size). */
export const MAX_EVENT_VARIABLES = 100;
/** A call's body (peer, chat and variables) is small: larger is refused with 413. */
export const EVENT_BODY_LIMIT = '64kb';

const idText = z.string().trim().min(1).max(200);

export const apiEventInputSchema = z
  .object({
    /** The person's id on the node's channel; Telegram chat ids come as numbers too. */
    [PEER_ID_FIELD]: z.union([idText, z.number().int().transform(String)]).optional(),
    [CHAT_ID_FIELD]: idText.optional(),
    variables: z
      .record(variableNameSchema, z.unknown())
      .refine(
        (variables) => Object.keys(variables).length <= MAX_EVENT_VARIABLES,
        `Send at most ${MAX_EVENT_VARIABLES} variables`,
      )
      .optional(),
  })
  .strict()
  .refine(
    (input) => (input[PEER_ID_FIELD] === undefined) !== (input[CHAT_ID_FIELD] === undefined),
    {
      message: `Name the person: send "${PEER_ID_FIELD}" (their id on the channel) or "${CHAT_ID_FIELD}" (a Hookflow chat id), one of the two`,
    },
  );

export interface LaunchedEvent {
  runId: string;
  chatId: string;
  status: RunStatus;
  /** Where to read the run (with a Read runs token). */
  run: string;
}

export type EventsContext = Pick<ApiContext, 'flows' | 'engine'> & { chats: LaunchChats };

/** A published Webhook event node: its flow's live snapshot and its config. */
export interface LiveEvent {
  flow: FlowDocument;
  graph: NonNullable<FlowDocument['published']>['graph'];
  version: number;
  nodeId: string;
  config: ApiEventConfig;
}

/** The live Webhook event node at this URL, or 404 saying what to check. */
export function liveEvent(
  ctx: Pick<ApiContext, 'flows'>,
  flowId: string,
  nodeId: string,
): LiveEvent {
  const flow = ctx.flows.get(flowId);
  const published = flow?.published;
  const node = published?.graph.nodes.find((item) => item.id === nodeId);
  const config =
    node?.type === 'api-event' ? apiEventConfigSchema.safeParse(node.data.config) : undefined;
  if (!flow || !published || !config?.success) {
    const why = !flow
      ? `there is no flow "${flowId.slice(0, 80)}"`
      : !published
        ? `"${flow.name}" is not published`
        : `the published "${flow.name}" has no Webhook event node "${nodeId.slice(0, 80)}"`;
    throw new ApiError(
      404,
      'event_not_found',
      `No Webhook event at this URL: ${why}. Copy the URL from the node's inspector, and publish the flow.`,
    );
  }
  return { flow, graph: published.graph, version: published.version, nodeId, config: config.data };
}

/**
 * Only the node's own token launches it (any other token, valid or not for other uses, is
 * refused with 403 saying which one this event accepts).
 */
export function assertEventToken(
  event: LiveEvent,
  token: ProjectTokenInfo,
  tokens: Pick<ProjectTokensStore, 'info'>,
): void {
  if (token.id === event.config.tokenId) return;
  const accepted = tokens.info(event.config.tokenId);
  throw new ApiError(
    403,
    'token_not_accepted',
    accepted
      ? `This event accepts only the token "${accepted.name}" (${PROJECT_TOKEN_LEVEL_LABELS[accepted.level]}); "${token.name}" is another one. Send that token, or choose "${token.name}" in the node and publish again.`
      : `This event's token was deleted: choose a token in the node's inspector and publish again; "${token.name}" is not it.`,
    { accepts: event.config.tokenId },
  );
}

export async function launchEvent(
  ctx: EventsContext,
  event: LiveEvent,
  input: unknown,
): Promise<LaunchedEvent> {
  const parsed = parseInput(apiEventInputSchema, input);
  const variables = parsed.variables ?? {};
  assertDeclaredTypes(event.graph.variables, variables);
  // Chosen first, so the chat records the run's messages under its id.
  const runId = newRunId();
  const bound = await bindLaunchChat(ctx.chats, {
    channel: event.config.channel,
    peerId: parsed[PEER_ID_FIELD],
    chatId: parsed[CHAT_ID_FIELD],
    runId,
    flowId: event.flow.id,
  });
  if (!('binding' in bound)) throw new ApiError(bound.status, bound.code, bound.message);
  const { chat, binding } = bound;
  try {
    const run = await ctx.engine.startRun({
      runId,
      flowId: event.flow.id,
      graph: event.graph,
      version: event.version,
      triggerNodeId: event.nodeId,
      trigger: { type: 'api' },
      input: {
        method: 'POST',
        body: {
          ...(parsed[PEER_ID_FIELD] === undefined
            ? {}
            : { [PEER_ID_FIELD]: parsed[PEER_ID_FIELD] }),
          [CHAT_ID_FIELD]: chat.id,
          variables,
        },
      },
      variables,
      chat: binding,
      link: {
        chatId: chat.id,
        ...(chat.customerId === undefined ? {} : { customerId: chat.customerId }),
      },
    });
    return { runId: run.id, chatId: chat.id, status: run.status, run: `/api/v1/runs/${run.id}` };
  } catch (error) {
    throw apiErrorFrom(error);
  }
}

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  boolean: (value) => typeof value === 'boolean',
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  list: (value) => Array.isArray(value),
};

/** A variable the flow declares must come with its declared type (undeclared ones are free). */
function assertDeclaredTypes(
  declared: readonly { name: string; type: string }[],
  variables: Record<string, unknown>,
): void {
  const problems = declared.flatMap((variable) => {
    if (!Object.hasOwn(variables, variable.name)) return [];
    const fits = TYPE_CHECKS[variable.type]?.(variables[variable.name]) ?? true;
    return fits
      ? []
      : [
          {
            path: `variables.${variable.name}`,
            message: `The flow declares "${variable.name}" as ${variable.type}`,
          },
        ];
  });
  const first = problems[0];
  if (first) throw new ApiError(400, 'invalid_input', `${first.path}: ${first.message}`, problems);
}
