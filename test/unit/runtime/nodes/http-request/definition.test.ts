// The HTTP Request node's definition: defaults, the card summary, what it writes and
// reads, publish checks, and its crash behaviour chosen per node.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  httpRequestConfigSchema,
  httpRequestDefinition,
} from '../../../../../runtime/nodes/http-request/definition';
import {
  isFailureStatus,
  parseStatusList,
} from '../../../../../runtime/nodes/http-request/failure-statuses';
import { validateGraph } from '../../../../../runtime/engine/validate-graph';
import { sideEffectsOf, type GraphView } from '../../../../../runtime/shared/node-definition';

const parse = (input: Record<string, unknown>) => httpRequestConfigSchema.parse(input);
const graph: GraphView = { nodes: [], edges: [], variables: [] };
const problems = (input: Record<string, unknown>, secrets?: string[]) =>
  httpRequestDefinition.validate?.(parse(input), {
    graph,
    nodeId: 'n1',
    ...(secrets ? { secrets: { has: (id: string) => secrets.includes(id) } } : {}),
  }) ?? [];
const fields = (input: Record<string, unknown>, secrets?: string[]) =>
  problems(input, secrets).map((problem) => problem.field);

describe('HTTP Request definition', () => {
  it('defaults to a 5 s GET with no retries that refuses the private network', () => {
    const config = parse({});
    assert.equal(config.method, 'GET');
    assert.equal(config.timeoutSeconds, 5);
    assert.equal(config.retries.count, 0);
    assert.equal(config.allowPrivateNetwork, false);
    assert.equal(config.errors.messageVariable, 'httpErrorMessage');
    assert.deepEqual(
      httpRequestDefinition.outputs(config).map((output) => [output.id, output.kind]),
      [
        ['success', 'default'],
        ['failed', 'failure'],
      ],
    );
    assert.equal(httpRequestConfigSchema.safeParse({ timeoutSeconds: 121 }).success, false);
    assert.equal(httpRequestConfigSchema.safeParse({ timeoutSeconds: 0 }).success, false);
    assert.equal(httpRequestConfigSchema.safeParse({ retries: { count: 6 } }).success, false);
  });

  it('summarises as method, host and an ellipsis for the path', () => {
    const summary = (input: Record<string, unknown>) => httpRequestDefinition.summary(parse(input));
    assert.equal(
      summary({ method: 'POST', url: 'https://api.x.com/v1/users' }),
      'POST api.x.com/…',
    );
    assert.equal(summary({ url: 'https://api.x.com' }), 'GET api.x.com');
    assert.equal(summary({ url: '{{base}}/users' }), 'GET {{base}}/users');
    assert.equal(summary({}), 'GET · no URL yet');
  });

  it('is unrepeatable unless the user opts in to at-least-once', () => {
    assert.equal(sideEffectsOf(httpRequestDefinition, parse({})), 'unrepeatable');
    assert.equal(sideEffectsOf(httpRequestDefinition, parse({ atLeastOnce: true })), 'repeatable');
    assert.equal(sideEffectsOf(httpRequestDefinition, undefined), 'unrepeatable');
  });

  it('lists what it writes (none when asynchronous) and the empty query rows it reads', () => {
    const config = parse({
      query: [
        { name: 'email', value: '' },
        { name: 'x', value: 'fixed' },
      ],
      response: { mappings: [{ path: 'data.id', variable: 'id' }], statusVariable: 'status' },
    });
    assert.deepEqual(httpRequestDefinition.variablesWritten?.(config), [
      'id',
      'status',
      'httpErrorKind',
      'httpErrorStatus',
      'httpErrorMessage',
    ]);
    assert.deepEqual(httpRequestDefinition.variablesRead?.(config), ['email']);
    assert.deepEqual(
      httpRequestDefinition.variablesWritten?.({ ...config, asynchronous: true }),
      [],
    );
  });

  it('checks the URL, header names, paths, the JSON body and the status list on publish', () => {
    assert.deepEqual(fields({}), ['url']);
    assert.deepEqual(fields({ url: 'ftp://x.com/' }), ['url']);
    assert.deepEqual(fields({ url: 'https://x.com/{{id' }), ['url']);
    assert.deepEqual(fields({ url: 'api.example.com/{{id}}' }), ['url']);
    assert.deepEqual(fields({ url: '{{base}}/users' }), []);
    assert.deepEqual(
      fields({
        url: 'https://x.com/',
        headers: [
          { name: 'Bad Name', value: 'v' },
          { name: 'Content-Length', value: '3' },
          { name: 'X-Ok', value: '{{a' },
        ],
      }),
      ['headers[0].name', 'headers[1].name', 'headers[2].value'],
    );
    assert.deepEqual(
      fields(
        { url: 'https://x.com/', headers: [{ name: 'Authorization', value: '', secretId: 's_x' }] },
        ['s_other'],
      ),
      ['headers[0].secretId'],
    );
    assert.deepEqual(
      fields({
        url: 'https://x.com/',
        response: {
          mappings: [
            { path: 'data[', variable: 'a' },
            { path: 'data.id', variable: '' },
            { path: "$[0]['userId']", variable: 'b' },
          ],
        },
      }),
      ['response.mappings[0].path', 'response.mappings[1].variable'],
    );
    assert.deepEqual(
      fields({ url: 'https://x.com/', body: { kind: 'json', text: '{"a": {{x}}, "b": $TOTAL}' } }),
      [],
    );
    assert.deepEqual(fields({ url: 'https://x.com/', body: { kind: 'json', text: '{"a": ' } }), [
      'body.text',
    ]);
    assert.deepEqual(fields({ url: 'https://x.com/', failureStatuses: '404, 5xx' }), [
      'failureStatuses',
    ]);
  });

  it('reads failure statuses as codes and ranges; empty means outside 2xx', () => {
    assert.deepEqual(parseStatusList('404, 500-599'), {
      ok: true,
      ranges: [
        [404, 404],
        [500, 599],
      ],
    });
    assert.equal(parseStatusList('599-500').ok, false);
    assert.equal(isFailureStatus(302, ''), true);
    assert.equal(isFailureStatus(204, ''), false);
    assert.equal(isFailureStatus(404, '500-599'), false);
    assert.equal(isFailureStatus(503, '500-599'), true);
  });
});

describe('HTTP Request publish warnings', () => {
  const node = (id: string, type: string, config: Record<string, unknown>) => ({
    id,
    type,
    position: { x: 0, y: 0 },
    data: { config },
  });
  const graphOf = (reads: string, setFirst: boolean) => ({
    nodes: [
      node('n_start', 'start', { triggerType: 'manual' }),
      node('n_set', 'set-variable', { variable: setFirst ? 'userId' : 'other', value: '7' }),
      node('n_http', 'http-request', {
        url: `https://api.x.com/users/${reads}`,
        headers: [{ name: 'Authorization', value: 'Bearer {{secret}}', secretId: 's_1234567890' }],
      }),
    ],
    edges: [
      { id: 'e1', source: 'n_start', sourceHandle: 'next', target: 'n_set' },
      { id: 'e2', source: 'n_set', sourceHandle: 'next', target: 'n_http' },
    ],
    variables: [],
  });
  const warnings = (graph: ReturnType<typeof graphOf>) =>
    validateGraph(graph)
      .filter((problem) => problem.nodeId === 'n_http' && problem.severity === 'warning')
      .map((problem) => problem.detail);

  it('warns about a variable it reads that no node before it sets, never about {{secret}}', () => {
    assert.deepEqual(warnings(graphOf('{{userId}}', false)), [
      'Reads the variable userId, which no node before it sets',
      'Output "Success" leads nowhere, so the run ends there',
      'Output "Failed" leads nowhere, so the run ends there',
    ]);
    assert.deepEqual(warnings(graphOf('{{userId}}', true)).length, 2);
    assert.deepEqual(warnings(graphOf('{{body.id}}', false)).length, 2, 'a trigger field');
  });
});
