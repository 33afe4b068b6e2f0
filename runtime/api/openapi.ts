// The OpenAPI 3.1 document of the public API (`GET /api/v1/openapi.json`). Written by hand
// beside the routes; test/integration/api-v1.test.ts checks that it lists exactly the
// routes server/routes/api-v1-routes.ts answers, so the two cannot drift apart.
const error = {
  description: 'A JSON error: `{ "error": { "code", "message" } }`',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const bearer = [{ projectToken: [] }];

export const API_V1_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Hookflow public API',
    version: '1',
    description:
      'Launch published flows (also for one person on a chat channel, at a Webhook event node) and read their runs from other services. Authorise with a project token (Settings → API tokens): `Authorization: Bearer hf_pt_…`.',
  },
  components: {
    securitySchemes: { projectToken: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
          },
        },
      },
      LaunchedRun: {
        type: 'object',
        required: ['runId', 'status', 'run'],
        properties: {
          runId: { type: 'string' },
          status: { type: 'string', enum: ['running', 'waiting', 'completed', 'failed'] },
          run: { type: 'string', description: 'The run’s URL in this API' },
        },
      },
      LaunchedEvent: {
        type: 'object',
        required: ['runId', 'chatId', 'status', 'run'],
        properties: {
          runId: { type: 'string' },
          chatId: { type: 'string', description: 'The chat the run talks in' },
          status: { type: 'string', enum: ['running', 'waiting', 'completed', 'failed'] },
          run: { type: 'string', description: 'The run’s URL in this API' },
        },
      },
      Run: {
        type: 'object',
        required: ['id', 'flowId', 'flowVersion', 'status', 'startedAt', 'variables'],
        properties: {
          id: { type: 'string' },
          flowId: { type: 'string' },
          flowVersion: { oneOf: [{ type: 'integer' }, { const: 'draft' }] },
          status: { type: 'string', enum: ['running', 'waiting', 'completed', 'failed'] },
          startedAt: { type: 'string', format: 'date-time' },
          endedAt: { type: 'string', format: 'date-time' },
          error: { type: 'string' },
          waiting: {
            type: 'object',
            properties: {
              kind: { type: 'string' },
              nodeId: { type: 'string' },
              until: { type: 'string', format: 'date-time' },
            },
          },
          variables: { type: 'object' },
          output: { type: 'object' },
          endNode: {
            type: 'object',
            properties: { nodeId: { type: 'string' }, name: { type: 'string' } },
          },
        },
      },
    },
  },
  paths: {
    '/api/v1/openapi.json': {
      get: {
        summary: 'This document',
        responses: { '200': { description: 'The OpenAPI document' } },
      },
    },
    '/api/v1/flows/{flowId}/runs': {
      post: {
        summary: 'Launch a run of the flow’s published version (token level: Block execution)',
        security: bearer,
        parameters: [{ name: 'flowId', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: { variables: { type: 'object' } },
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The run has started',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/LaunchedRun' } },
            },
          },
          '400': error,
          '401': error,
          '403': error,
          '404': error,
          '409': error,
          '429': error,
        },
      },
    },
    '/api/v1/flows/{flowId}/events/{nodeId}': {
      post: {
        summary:
          'Launch the flow at a Webhook event node for one person, bound to their chat (token: the one chosen in the node)',
        security: bearer,
        parameters: [
          { name: 'flowId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'nodeId', in: 'path', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                description: 'Exactly one of peer_id and chat_id.',
                properties: {
                  peer_id: {
                    oneOf: [{ type: 'string' }, { type: 'integer' }],
                    description: 'The person’s id on the node’s channel (a Telegram chat id)',
                  },
                  chat_id: { type: 'string', description: 'A Hookflow chat id' },
                  variables: { type: 'object', maxProperties: 100 },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The run has started, bound to the chat',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/LaunchedEvent' } },
            },
          },
          '400': error,
          '401': error,
          '403': error,
          '404': error,
          '409': {
            ...error,
            description:
              'No run started: `not_written_first` (the person has not written to the bot, and it cannot write first) or `channel_not_connected`',
          },
          '413': error,
          '415': error,
          '429': error,
        },
      },
    },
    '/api/v1/runs/{runId}': {
      get: {
        summary: 'Read a run (token level: Read runs)',
        security: bearer,
        parameters: [{ name: 'runId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'The run',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Run' } } },
          },
          '401': error,
          '403': error,
          '404': error,
          '429': error,
        },
      },
    },
  },
} as const;
