// Webhook event (seed 004 "Launch the bot via API"): another service — a course platform
// once a client has bought a course — launches the flow for one person by calling
// `POST /api/v1/flows/{flowId}/events/{nodeId}` with the project token chosen here and the
// person's id on the chosen channel. The run talks to that person there (full mode). The
// route and its checks are runtime/api/api-event.ts; this file is what the node is.
import { z } from 'zod';
import { defaultOutput, defineNode } from '../../shared/node-definition';
import type { NodeConfigProblem, ValidationLookups } from '../../shared/node-validation';
import {
  levelAllows,
  PROJECT_TOKEN_ID_PATTERN,
  PROJECT_TOKEN_LEVEL_LABELS,
} from '../../shared/project-tokens';

/** The body fields a call names the person by (seed 004: "peer_id is the ID of the chat"). */
export const PEER_ID_FIELD = 'peer_id';
export const CHAT_ID_FIELD = 'chat_id';
/** What the run reads of the call: `{{body.peer_id}}`, `{{body.variables.course}}`. */
const EVENT_FIELDS = ['body', `body.${PEER_ID_FIELD}`, `body.${CHAT_ID_FIELD}`, 'body.variables'];

const CHANNEL_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const apiEventConfigSchema = z.object({
  /** The project token callers must present (Block execution or Admin API); '' until chosen. */
  tokenId: z.union([z.literal(''), z.string().regex(PROJECT_TOKEN_ID_PATTERN)]).default(''),
  /** The chat channel the person is on (seed 004 step 4 "Choose a channel"). */
  channel: z.string().regex(CHANNEL_ID, 'Choose a channel').default('test-chat'),
});
export type ApiEventConfig = z.infer<typeof apiEventConfigSchema>;

/** The event's path under the public listener (the OpenAPI document names it the same). */
export function apiEventPath(flowId: string, nodeId: string): string {
  return `/api/v1/flows/${encodeURIComponent(flowId)}/events/${encodeURIComponent(nodeId)}`;
}

/**
 * What the schema cannot know: the token exists and may launch flows, the channel exists.
 * Each is checked only where the runtime can say (publish, the draft check).
 */
export function apiEventProblems(
  config: ApiEventConfig,
  lookups: ValidationLookups,
): NodeConfigProblem[] {
  const problems: NodeConfigProblem[] = [];
  if (config.tokenId === '') {
    problems.push({
      field: 'tokenId',
      message: 'Choose the project token callers send, or create one (level Block execution)',
    });
  } else if (lookups.projectTokens) {
    const token = lookups.projectTokens.info(config.tokenId);
    if (!token) {
      problems.push({
        field: 'tokenId',
        message:
          'The chosen token does not exist here (deleted, or the flow came from another Hookflow): choose another token or create one (level Block execution)',
      });
    } else if (!levelAllows(token.level, 'block-execution')) {
      problems.push({
        field: 'tokenId',
        message: `The token "${token.name}" has the level ${PROJECT_TOKEN_LEVEL_LABELS[token.level]}, which cannot launch flows: choose a Block execution token`,
      });
    }
  }
  const channels = lookups.channels?.list();
  if (channels && !channels.some((channel) => channel.id === config.channel)) {
    problems.push({
      field: 'channel',
      message: `There is no channel "${config.channel}": choose one of ${channels.map((channel) => channel.label).join(', ')}`,
    });
  }
  return problems;
}

export const apiEventDefinition = defineNode({
  type: 'api-event',
  label: 'Webhook event',
  category: 'trigger',
  description:
    'Starts the flow for one person when another service calls its URL with a project token (launch the bot via API).',
  icon: '⇲',
  configSchema: apiEventConfigSchema,
  outputs: () => defaultOutput,
  isTrigger: true,
  needsChat: false,
  // Every run it starts talks to the person the call names (a refused call starts none).
  canBindChat: () => true,
  fieldLabels: { tokenId: 'Token', channel: 'Channel' },
  sideEffects: 'none',
  summary: (config) =>
    config.tokenId === '' ? 'Choose a token' : `By API · channel ${config.channel}`,
  triggerFields: () => EVENT_FIELDS,
  validate: (config, context) => apiEventProblems(config, context),
});
