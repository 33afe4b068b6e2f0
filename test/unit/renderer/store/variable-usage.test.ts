import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isUnset,
  settableNames,
  triggerFields,
  variableUsage,
} from '../../../../renderer/store/variable-usage';

const node = (id: string, type: string, config: Record<string, unknown>, label?: string) => ({
  id,
  type,
  data: { ...(label ? { label } : {}), config },
});

const nodes = [
  node('n_start', 'start', { triggerType: 'manual' }),
  node(
    'n_ask',
    'collect-input',
    { prompt: 'Your email?', variable: 'email', validation: 'email' },
    'Ask email',
  ),
  node('n_check', 'condition', {
    rules: [{ left: 'email', operator: 'contains', right: '@example.com' }],
  }),
  node('n_hi', 'send-message', { text: 'Welcome {{email}}, {{ name }}! Total: {{body.total}}' }),
  node('n_menu', 'buttons', { prompt: 'Which team?', variable: 'Team' }),
  node('n_set', 'set-variable', { variable: 'email', source: 'path', path: 'body.email' }),
  node('n_done', 'end', { result: ['email', 'Team'] }),
];

describe('variableUsage', () => {
  it('lists every variable with its writers and readers, sorted by name', () => {
    const usages = variableUsage(nodes, [{ name: 'email', type: 'text' }]);
    assert.deepEqual(
      usages.map((usage) => usage.name),
      ['email', 'name', 'Team'],
    );
    const [email, name, team] = usages;
    assert.deepEqual(email?.declared, { name: 'email', type: 'text' });
    assert.deepEqual(
      email?.writers.map((ref) => [ref.nodeId, ref.title]),
      [
        ['n_ask', 'Ask email'],
        ['n_set', 'Set variable'],
      ],
    );
    assert.deepEqual(
      email?.readers.map((ref) => ref.nodeId),
      ['n_check', 'n_hi', 'n_done'],
    );
    assert.equal(email?.readers[0]?.title, 'Condition', 'no label: the type’s label');
    assert.deepEqual(name?.writers, []);
    assert.deepEqual(
      name?.readers.map((ref) => ref.nodeId),
      ['n_hi'],
    );
    assert.deepEqual(
      team?.writers.map((ref) => ref.nodeId),
      ['n_menu'],
    );
  });

  it('payload paths are not variables; declared but unused variables are listed', () => {
    const usages = variableUsage(nodes, [{ name: 'unused', type: 'number' }]);
    assert.ok(!usages.some((usage) => usage.name === 'body'));
    const unused = usages.find((usage) => usage.name === 'unused');
    assert.deepEqual(unused, {
      name: 'unused',
      declared: { name: 'unused', type: 'number' },
      writers: [],
      readers: [],
    });
  });

  it('flags a variable that is read but never set nor declared', () => {
    const usages = variableUsage(nodes, []);
    const byName = new Map(usages.map((usage) => [usage.name, usage]));
    assert.equal(isUnset(byName.get('name')!), true);
    assert.equal(isUnset(byName.get('email')!), false);
    assert.equal(
      isUnset({ ...byName.get('name')!, declared: { name: 'name', type: 'text' } }),
      false,
    );
  });

  it('a node of an unknown type still has its templates read', () => {
    const usages = variableUsage([node('n_x', 'teleport', { to: '{{planet}}' })], []);
    assert.deepEqual(
      usages.map((usage) => [usage.name, usage.readers[0]?.title, usage.readers[0]?.icon]),
      [['planet', 'teleport', '?']],
    );
  });
});

/** A Webhook Trigger mid-setup: HMAC chosen, no secret stored yet (its schema refuses it). */
const orders = node(
  'n_orders',
  'webhook-trigger',
  {
    webhookId: 'wh_variableUsageTrigger000001',
    mappings: [
      { path: 'body.customer.phone', variable: 'phone' },
      { path: 'body.order.total', variable: 'total' },
    ],
    saveFullBodyAs: 'payload',
    security: {
      auth: {
        type: 'hmac',
        algorithm: 'sha256',
        source: 'header',
        paramName: 'X-Sig',
        secretIds: [],
      },
    },
    events: { path: 'body.event', cases: [{ id: 'paid', value: 'order.paid' }] },
  },
  'Orders',
);

describe('what an Insert variable menu offers', () => {
  it('a Webhook Trigger sets its mapped variables and the full-body one, whatever its Security tab says', () => {
    const usages = variableUsage([orders, ...nodes], []);
    const writers = (name: string) =>
      usages.find((usage) => usage.name === name)?.writers.map((ref) => ref.title);
    assert.deepEqual(writers('phone'), ['Orders']);
    assert.deepEqual(writers('total'), ['Orders']);
    assert.deepEqual(writers('payload'), ['Orders']);
  });

  it('offers every variable set or declared, not the ones only read', () => {
    const usages = variableUsage([orders, ...nodes], [{ name: 'coupon', type: 'text' }]);
    assert.deepEqual(settableNames(usages), [
      'coupon',
      'email',
      'payload',
      'phone',
      'Team',
      'total',
    ]);
  });

  it('offers each trigger’s fields: the call’s parts and the paths it reads', () => {
    assert.deepEqual(triggerFields([orders, ...nodes]), [
      {
        trigger: { nodeId: 'n_orders', type: 'webhook-trigger', title: 'Orders', icon: '⚡' },
        fields: [
          'body',
          'query',
          'headers',
          'ip',
          'method',
          'body.customer.phone',
          'body.order.total',
          'body.event',
        ],
      },
    ]);
    // A manual Start has no call; a webhook Start has the call_node request (seed 000).
    const start = node('n_s', 'start', { triggerType: 'webhook' });
    assert.deepEqual(triggerFields(nodes), []);
    assert.deepEqual(triggerFields([start])[0]?.fields, [
      'body',
      'query',
      'params',
      'headers',
      'ip',
      'method',
    ]);
  });
});
