import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileTrigger } from '../../../../runtime/ingress/compile-trigger';
import { shippedEndpoints } from '../../../../runtime/ingress/endpoints';
import { TriggerMap } from '../../../../runtime/ingress/trigger-map';
import {
  draftFlow,
  flowsOf,
  graphWith,
  publishedFlow,
  startNode,
  webhookTriggerNode,
} from '../../../helpers/webhook-flows';

const none = new Set<string>();

describe('TriggerMap', () => {
  it('finds published Webhook Triggers by webhook id and Start webhooks by flow and node', () => {
    const hook = webhookTriggerNode();
    const flowA = publishedFlow('f_a', graphWith(hook));
    const flowB = publishedFlow('f_b', graphWith(startNode()));
    const map = new TriggerMap(flowsOf(flowA, flowB));
    map.rebuildAll();

    const found = map.lookupWebhook(String(hook.data.config.webhookId), none);
    assert.ok(found.ok && found.live);
    assert.equal(found.trigger.key, 'f_a/n_hook');
    assert.deepEqual([...found.trigger.methods], ['POST']);

    const start = map.lookupCallNode('f_b', 'n_start', none);
    assert.ok(start.ok && start.live);
    assert.deepEqual([...start.trigger.methods], ['GET', 'POST'], 'seed 000: GET and POST');
    assert.equal(start.trigger.allow, 'GET, POST');
  });

  it('says which id is wrong or that the flow is not published', () => {
    const hook = webhookTriggerNode();
    const unpublished = draftFlow('f_draft', graphWith(hook));
    const manual = publishedFlow('f_manual', graphWith(startNode({ triggerType: 'manual' })));
    const map = new TriggerMap(flowsOf(unpublished, manual));
    map.rebuildAll();

    const code = (lookup: ReturnType<TriggerMap['lookupWebhook']>) =>
      lookup.ok ? 'ok' : lookup.error.code;
    assert.equal(code(map.lookupWebhook('wh_nope_nope_nope_nope_nope', none)), 'webhook_not_found');
    assert.equal(
      code(map.lookupWebhook(String(hook.data.config.webhookId), none)),
      'flow_not_published',
    );
    assert.equal(code(map.lookupCallNode('f_unknown', 'n_start', none)), 'flow_not_found');
    assert.equal(code(map.lookupCallNode('f_draft', 'n_hook', none)), 'flow_not_published');
    assert.equal(code(map.lookupCallNode('f_manual', 'n_start', none)), 'not_a_webhook');
    assert.equal(code(map.lookupCallNode('f_manual', 'n_other', none)), 'node_not_found');
    const miss = map.lookupCallNode('f_manual', 'n_start', none);
    assert.ok(!miss.ok && miss.error.status === 404 && miss.flowId === 'f_manual');
  });

  it('finds a draft trigger only while it is listened to', () => {
    const hook = webhookTriggerNode();
    const flow = draftFlow('f_d', graphWith(hook));
    const map = new TriggerMap(flowsOf(flow));
    map.rebuildAll();
    const id = String(hook.data.config.webhookId);
    assert.equal(map.lookupWebhook(id, none).ok, false);
    const listened = map.lookupWebhook(id, new Set(['f_d/n_hook']));
    assert.ok(listened.ok);
    assert.equal(listened.live, false);
    assert.equal(listened.trigger.published, undefined);
  });

  it('replaces exactly one flow’s triggers when it is republished or unpublished', () => {
    const first = webhookTriggerNode();
    const flow = publishedFlow('f_x', graphWith(first));
    const flows = flowsOf(flow);
    const map = new TriggerMap(flows);
    map.rebuildAll();
    const second = webhookTriggerNode();
    flow.published = { version: 2, publishedAt: '', graph: graphWith(second) };
    map.rebuildFlow('f_x');
    assert.equal(map.lookupWebhook(String(first.data.config.webhookId), none).ok, false);
    const now = map.lookupWebhook(String(second.data.config.webhookId), none);
    assert.ok(now.ok && now.trigger.published?.version === 2);
    flow.published = null;
    map.rebuildFlow('f_x');
    assert.equal(map.published('f_x', 'n_hook'), undefined);
  });

  it('compiles methods, limits, allowlists, idempotency and redaction once', () => {
    const node = webhookTriggerNode({
      methods: ['PUT', 'POST'],
      bodyLimitBytes: 2048,
      security: {
        auth: { type: 'query', paramName: 'key', tokenSecretId: 's_abcdefgh' },
        ipAllowlist: ['10.0.0.0/8'],
      },
      idempotency: { source: 'header', name: 'X-GitHub-Delivery' },
    });
    const trigger = compileTrigger('f', node, shippedEndpoints.of(node));
    assert.ok(trigger);
    assert.equal(trigger.allow, 'PUT, POST');
    assert.equal(trigger.bodyLimitBytes, 2048);
    assert.ok(trigger.ip.allows('10.1.2.3'));
    assert.ok(!trigger.ip.allows('192.168.0.1'));
    assert.deepEqual(trigger.secretIds, ['s_abcdefgh']);
    assert.ok(trigger.redaction.query.has('key'));
    assert.deepEqual(trigger.idempotency, { source: 'header', name: 'x-github-delivery' });
    const invalid = webhookTriggerNode({ methods: 'POST' });
    assert.equal(compileTrigger('f', invalid, shippedEndpoints.of(invalid)), undefined);
  });
});
