import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import {
  hasErrors,
  validateGraph,
  withParsedConfigs,
} from '../../../../runtime/engine/validate-graph';
import { nodeDefinitions } from '../../../../runtime/nodes/definitions';
import {
  defineNode,
  type GraphView,
  type NodeDefinition,
} from '../../../../runtime/shared/node-definition';

// Test-only node types: outputs that depend on the config (one per case, plus else), and
// a type with its own `validate` hook. Real node types arrive in other branches.
const routerDefinition = defineNode({
  type: 'test-router',
  label: 'Router',
  category: 'logic',
  description: 'Routes by case.',
  icon: '?',
  configSchema: z.object({
    cases: z.array(z.object({ id: z.string(), value: z.string().min(1, 'Enter a value') })),
    caseSensitive: z.boolean().default(false),
  }),
  outputs: (config) => [
    ...config.cases.map((c) => ({ id: c.id, label: c.value, kind: 'case' as const })),
    { id: 'else', label: 'Else', kind: 'else' },
  ],
  isTrigger: false,
  needsChat: false,
  sideEffects: 'none',
  summary: () => 'Router',
});

const jumpDefinition = defineNode({
  type: 'test-jump',
  label: 'Jump',
  category: 'flow',
  description: 'Continues at another node.',
  icon: '↪',
  configSchema: z.object({ target: z.string().default('') }),
  outputs: () => [],
  isTrigger: false,
  needsChat: false,
  sideEffects: 'none',
  summary: () => 'Jump',
  validate: (config, { graph, nodeId }) =>
    graph.nodes.some((node) => node.id === config.target && node.id !== nodeId)
      ? []
      : [{ field: 'target', message: `Jump target "${config.target}" does not exist` }],
});

const definitions: readonly NodeDefinition[] = [
  ...nodeDefinitions,
  routerDefinition,
  jumpDefinition,
];

type TestNode = GraphView['nodes'][number];

function node(id: string, type: string, config: Record<string, unknown> = {}, label?: string) {
  const result: TestNode = { id, type, data: { config, ...(label ? { label } : {}) } };
  return result;
}

function edge(id: string, source: string, target: string, sourceHandle = 'next') {
  return { id, source, sourceHandle, target };
}

function graph(nodes: TestNode[], edges: GraphView['edges'] = []): GraphView {
  return { nodes, edges, variables: [] };
}

const valid = graph([node('s', 'start'), node('e', 'end')], [edge('e1', 's', 'e')]);

describe('validateGraph', () => {
  it('accepts a connected Start → End flow with no problems', () => {
    assert.deepEqual(validateGraph(valid), []);
  });

  it('requires at least one trigger', () => {
    const problems = validateGraph(graph([node('e', 'end')]));
    assert.ok(
      problems.some(
        (p) => p.severity === 'error' && /Add a trigger \(Start, Webhook Trigger\)/.test(p.message),
      ),
    );
    assert.equal(hasErrors(problems), true);
  });

  it('reports config problems with their field path, naming the node by label or type', () => {
    const problems = validateGraph(
      graph(
        [
          node('s', 'start', { triggerType: 'carrier-pigeon' }, 'Begin'),
          node('r', 'test-router', {
            cases: [
              { id: 'a', value: 'x' },
              { id: 'b', value: '' },
            ],
          }),
        ],
        [edge('e1', 's', 'r')],
      ),
      definitions,
    );
    const start = problems.find((p) => p.nodeId === 's');
    assert.equal(start?.field, 'triggerType');
    assert.match(start?.message ?? '', /^"Begin" \(s\): triggerType: /);
    const router = problems.find((p) => p.nodeId === 'r');
    assert.equal(router?.field, 'cases[1].value');
    assert.match(router?.message ?? '', /^Router \(r\): cases\[1\]\.value: Enter a value/);
  });

  it('checks edge handles against the outputs the source declares for its own config', () => {
    const router = node('r', 'test-router', {
      cases: [
        { id: 'paid', value: 'paid' },
        { id: 'refunded', value: 'refunded' },
      ],
    });
    const nodes = [node('s', 'start'), router, node('e', 'end')];
    const ok = validateGraph(
      graph(nodes, [
        edge('e1', 's', 'r'),
        edge('e2', 'r', 'e', 'paid'),
        edge('e3', 'r', 'e', 'refunded'),
        edge('e4', 'r', 'e', 'else'),
      ]),
      definitions,
    );
    assert.deepEqual(ok, []);
    const bad = validateGraph(
      graph(nodes, [
        edge('e1', 's', 'r'),
        edge('e2', 'r', 'e', 'cancelled'),
        edge('e3', 'e', 's', 'next'),
      ]),
      definitions,
    );
    const unknownHandle = bad.find((p) => p.edgeId === 'e2');
    assert.equal(unknownHandle?.severity, 'error');
    assert.equal(unknownHandle?.handle, 'cancelled');
    assert.match(unknownHandle?.message ?? '', /"cancelled", which it does not have .*"paid"/);
    assert.ok(
      bad.some((p) => p.edgeId === 'e3' && /End \(e\), which has no outputs/.test(p.message)),
    );
  });

  it('refuses edges into a trigger and duplicate edges', () => {
    const problems = validateGraph(
      graph(
        [node('s', 'start'), node('e', 'end')],
        [edge('e1', 's', 'e'), edge('e2', 's', 'e'), edge('e3', 's', 's')],
      ),
    );
    assert.ok(problems.some((p) => p.edgeId === 'e2' && /repeats edge e1/.test(p.message)));
    assert.ok(
      problems.some((p) => p.edgeId === 'e3' && p.nodeId === 's' && /a trigger/.test(p.message)),
    );
    assert.ok(!problems.some((p) => p.edgeId === 'e1'));
  });

  it('reports nodes no trigger reaches, and allows loops', () => {
    const router = node('r', 'test-router', { cases: [{ id: 'again', value: 'again' }] });
    const problems = validateGraph(
      graph(
        [node('s', 'start'), router, node('e', 'end'), node('lost', 'end', {}, 'Orphan')],
        [edge('e1', 's', 'r'), edge('e2', 'r', 'r', 'again'), edge('e3', 'r', 'e', 'else')],
      ),
      definitions,
    );
    assert.deepEqual(
      problems.map((p) => [p.nodeId, p.severity]),
      [['lost', 'error']],
    );
    assert.match(
      problems[0]?.message ?? '',
      /"Orphan" \(lost\) cannot be reached from any trigger/,
    );
  });

  it('warns about an output with no edge, but not about End, which has none', () => {
    const problems = validateGraph(graph([node('s', 'start')]));
    assert.deepEqual(problems, [
      {
        nodeId: 's',
        handle: 'next',
        message: 'Start (s): output "Next" leads nowhere, so the run ends there',
        severity: 'warning',
      },
    ]);
    assert.equal(hasErrors(problems), false);
  });

  it('runs a node type’s own validate hook with the parsed config and the graph', () => {
    const nodes = [node('s', 'start'), node('j', 'test-jump', { target: 'nowhere' })];
    const problems = validateGraph(graph(nodes, [edge('e1', 's', 'j')]), definitions);
    assert.deepEqual(problems, [
      {
        nodeId: 'j',
        field: 'target',
        message: 'Jump (j): target: Jump target "nowhere" does not exist',
        severity: 'error',
      },
    ]);
    const fixed = [node('s', 'start'), node('j', 'test-jump', { target: 's' })];
    assert.deepEqual(validateGraph(graph(fixed, [edge('e1', 's', 'j')]), definitions), []);
  });

  it('returns every problem at once, errors before warnings', () => {
    const problems = validateGraph(
      graph(
        [
          node('s', 'start', { triggerType: 1 }),
          node('s2', 'start'),
          node('r', 'test-router', { cases: 'nope' }),
          node('x', 'teleport'),
          node('island', 'end'),
        ],
        [edge('e1', 's2', 'r'), edge('e2', 's2', 'ghost'), edge('e3', 's2', 's')],
      ),
      definitions,
    );
    const errors = problems.filter((p) => p.severity === 'error');
    assert.ok(errors.length >= 6, JSON.stringify(problems, null, 2));
    for (const expected of [
      (p: (typeof problems)[number]) => p.nodeId === 's' && p.field === 'triggerType',
      (p: (typeof problems)[number]) => p.nodeId === 'r' && p.field === 'cases',
      (p: (typeof problems)[number]) =>
        p.nodeId === 'x' && /unknown node type "teleport"/.test(p.message),
      (p: (typeof problems)[number]) =>
        p.edgeId === 'e2' && /"ghost" does not exist/.test(p.message),
      (p: (typeof problems)[number]) => p.edgeId === 'e3' && /a trigger/.test(p.message),
      (p: (typeof problems)[number]) =>
        p.nodeId === 'island' && /cannot be reached/.test(p.message),
    ]) {
      assert.ok(problems.some(expected), `${expected.toString()} in ${JSON.stringify(problems)}`);
    }
    const firstWarning = problems.findIndex((p) => p.severity === 'warning');
    assert.ok(
      firstWarning === -1 || problems.slice(firstWarning).every((p) => p.severity === 'warning'),
    );
  });

  it('reports two nodes sharing an id', () => {
    const problems = validateGraph(
      graph([node('s', 'start'), node('s', 'end')], [edge('e1', 's', 's')]),
    );
    assert.ok(problems.some((p) => /Two nodes share the id "s"/.test(p.message)));
  });
});

describe('withParsedConfigs', () => {
  it('stores configs with defaults applied and leaves invalid ones as they are', () => {
    const parsed = withParsedConfigs(
      graph([
        node('s', 'start', {}),
        node('r', 'test-router', { cases: [] }),
        node('bad', 'test-router', { cases: 3 }),
      ]),
      definitions,
    );
    assert.deepEqual(
      parsed.nodes.map((n) => n.data.config),
      [{ triggerType: 'manual' }, { cases: [], caseSensitive: false }, { cases: 3 }],
    );
  });
});
