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
import type { GraphProblem } from '../../../../runtime/shared/publishing';

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
        (p) =>
          p.severity === 'error' &&
          /Add a trigger \(Start, Webhook Trigger, Webhook event\)/.test(p.message),
      ),
    );
    assert.equal(hasErrors(problems), true);
  });

  it('reports config problems with their field path, naming the node and the field for people', () => {
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
    assert.match(start?.message ?? '', /^"Begin" — Trigger type: /);
    assert.match(start?.detail ?? '', /^Trigger type: /);
    const router = problems.find((p) => p.nodeId === 'r');
    assert.equal(router?.field, 'cases[1].value');
    // A test type without field labels: the key in words, never the path.
    assert.equal(router?.message, 'Router — Value: Enter a value');
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
    assert.equal(
      unknownHandle?.message,
      'Router — An edge to End leaves from output "cancelled", which it does not have (its outputs: "paid", "refunded", "Else")',
    );
    assert.ok(
      bad.some(
        (p) =>
          p.edgeId === 'e3' && p.message === 'End — Has no outputs, but an edge to Start leaves it',
      ),
    );
  });

  it('refuses edges into a trigger and duplicate edges', () => {
    const problems = validateGraph(
      graph(
        [node('s', 'start'), node('e', 'end')],
        [edge('e1', 's', 'e'), edge('e2', 's', 'e'), edge('e3', 's', 's')],
      ),
    );
    assert.ok(
      problems.some(
        (p) => p.edgeId === 'e2' && p.message === 'Start — Output "Next" is connected to End twice',
      ),
    );
    assert.ok(
      problems.some(
        (p) => p.edgeId === 'e3' && p.nodeId === 's' && /into this trigger/.test(p.message),
      ),
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
    assert.equal(problems[0]?.message, '"Orphan" — Cannot be reached from any trigger');
    assert.equal(problems[0]?.detail, 'Cannot be reached from any trigger');
  });

  it('warns about an output with no edge, but not about End, which has none', () => {
    const problems = validateGraph(graph([node('s', 'start')]));
    assert.deepEqual(problems, [
      {
        nodeId: 's',
        handle: 'next',
        message: 'Start — Output "Next" leads nowhere, so the run ends there',
        detail: 'Output "Next" leads nowhere, so the run ends there',
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
        message: 'Jump — Target: Jump target "nowhere" does not exist',
        detail: 'Target: Jump target "nowhere" does not exist',
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
        p.nodeId === 'x' && /Unknown node type "teleport"/.test(p.message),
      (p: (typeof problems)[number]) =>
        p.edgeId === 'e2' && /a node that is not in the flow \("ghost"\)/.test(p.message),
      (p: (typeof problems)[number]) => p.edgeId === 'e3' && /into this trigger/.test(p.message),
      (p: (typeof problems)[number]) =>
        p.nodeId === 'island' && /Cannot be reached/.test(p.message),
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

describe('validateGraph names nodes and fields for people (issue 10, 5.8)', () => {
  it('names an unlabelled node by its type, numbered when the flow has several, never by id', () => {
    const problems = validateGraph(
      graph(
        [
          node('n_start', 'start'),
          node('n_a6ec4adda76f', 'set-variable', { variable: 'a' }),
          node('n_b1', 'set-variable', {}, 'Keep total'),
          node('n_c2', 'set-variable', {}),
          node('n_msg', 'send-message', { text: '' }),
        ],
        [
          edge('e1', 'n_start', 'n_a6ec4adda76f'),
          edge('e2', 'n_a6ec4adda76f', 'n_b1'),
          edge('e3', 'n_b1', 'n_c2'),
          edge('e4', 'n_c2', 'n_msg'),
        ],
      ),
    );
    const messages = problems.map((p) => p.message);
    assert.ok(
      messages.every((message) => !/n_[a-z0-9]/.test(message)),
      messages.join('\n'),
    );
    assert.ok(messages.includes('"Keep total" — Variable: Choose a variable'), messages.join('\n'));
    assert.ok(messages.includes('Set variable 3 — Variable: Choose a variable'));
    assert.ok(messages.includes('Send message — Message: Write the message'));
    assert.ok(
      messages.includes('Send message — Output "Next" leads nowhere, so the run ends there'),
    );
    // The field path stays for the designer to find the control.
    assert.equal(
      problems.find((p) => p.nodeId === 'n_msg' && p.severity === 'error')?.field,
      'text',
    );
  });

  it('names list items by position: "Rule 2 value", not rules[1].left', () => {
    const problems = validateGraph(
      graph(
        [
          node('s', 'start'),
          node('c', 'condition', {
            rules: [
              { left: 'email', operator: 'exists' },
              { left: '', operator: 'equals', right: 'x' },
            ],
          }),
          node('e', 'end'),
        ],
        [edge('e1', 's', 'c'), edge('e2', 'c', 'e', 'true'), edge('e3', 'c', 'e', 'else')],
      ),
    );
    assert.deepEqual(
      problems.map((p) => [p.field, p.message]),
      [['rules[1].left', 'Condition — Rule 2 value: Say what to check']],
    );
  });
});

describe('validateGraph warns about chat nodes no chat can reach (issue 10, 5.5)', () => {
  const trigger = (id: string, label?: string) =>
    node(id, 'webhook-trigger', { webhookId: 'wh_aaaaaaaaaaaaaaaaaaaaaaaa' }, label);
  const chatWarnings = (problems: readonly GraphProblem[]) =>
    problems.filter((p) => p.code === 'chat_node_headless');

  it('warns (without blocking) when only Webhook Triggers, which run headless, lead to a Send message', () => {
    const problems = validateGraph(
      graph(
        [trigger('t', 'Orders'), node('m', 'send-message', { text: 'Hi' }), node('e', 'end')],
        [edge('e1', 't', 'm'), edge('e2', 'm', 'e')],
      ),
    );
    assert.equal(hasErrors(problems), false, JSON.stringify(problems));
    assert.deepEqual(chatWarnings(problems), [
      {
        nodeId: 'm',
        code: 'chat_node_headless',
        severity: 'warning',
        message:
          'Send message — Skipped in every run: only "Orders" leads here, and its runs have no chat (headless), so this node talks to no one. To reach a chat, turn on Customer and Chat binding on the trigger (Customer & Chat tab), or start this path at a Start node.',
        detail:
          'Skipped in every run: only "Orders" leads here, and its runs have no chat (headless), so this node talks to no one. To reach a chat, turn on Customer and Chat binding on the trigger (Customer & Chat tab), or start this path at a Start node.',
      },
    ]);
  });

  it('names every headless trigger that leads there, and every chat node behind them', () => {
    const problems = validateGraph(
      graph(
        [
          trigger('t1'),
          trigger('t2'),
          node('c', 'condition', { rules: [{ left: 'x', operator: 'exists' }] }),
          node('b', 'buttons', { prompt: 'Pick' }),
          node('ask', 'collect-input', { prompt: 'Email?', variable: 'email' }, 'Ask email'),
          node('e', 'end'),
        ],
        [
          edge('e1', 't1', 'c'),
          edge('e2', 't2', 'c'),
          edge('e3', 'c', 'b', 'true'),
          edge('e4', 'c', 'ask', 'else'),
          edge('e5', 'b', 'e', 'yes'),
          edge('e6', 'b', 'e', 'no'),
          edge('e7', 'ask', 'e'),
          edge('e8', 'ask', 'e', 'failure'),
        ],
      ),
    );
    assert.deepEqual(
      chatWarnings(problems).map((p) => p.nodeId),
      ['b', 'ask'],
    );
    assert.match(
      chatWarnings(problems)[0]?.message ?? '',
      /only Webhook Trigger 1, Webhook Trigger 2 lead here, and their runs have no chat/,
    );
  });

  it('says nothing where a chat can come: a Start node, or a Jump from a Start path', () => {
    const startPath = validateGraph(
      graph(
        [node('s', 'start'), trigger('t'), node('m', 'send-message', { text: 'Hi' })],
        [edge('e1', 's', 'm'), edge('e2', 't', 'm')],
      ),
    );
    assert.deepEqual(chatWarnings(startPath), []);
    const jumpedTo = validateGraph(
      graph(
        [
          node('s', 'start'),
          node('j', 'jump', { to: 'node', nodeId: 'm' }),
          trigger('t'),
          node('m', 'send-message', { text: 'Hi' }),
        ],
        [edge('e1', 's', 'j'), edge('e2', 't', 'm')],
      ),
    );
    assert.deepEqual(chatWarnings(jumpedTo), []);
    const webhookStart = validateGraph(
      graph(
        [node('s', 'start', { triggerType: 'webhook' }), node('m', 'send-message', { text: 'Hi' })],
        [edge('e1', 's', 'm')],
      ),
    );
    assert.deepEqual(chatWarnings(webhookStart), []);
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
