import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateGraph } from '../../../../../runtime/engine/validate-graph';
import {
  webhookTriggerConfigSchema,
  webhookTriggerDefinition,
  webhookTriggerProblems,
} from '../../../../../runtime/nodes/webhook-trigger/definition';
import { describeNodeConfig } from '../../../../../runtime/shared/node-definition';
import { newWebhookId, WEBHOOK_ID_PATTERN } from '../../../../../runtime/shared/webhook-trigger';
import { graphWith, webhookTriggerNode } from '../../../../helpers/webhook-flows';

describe('Webhook Trigger definition', () => {
  it('has defaults: POST, 1 MiB, public, 202 accepted, no idempotency', () => {
    const config = webhookTriggerConfigSchema.parse({ webhookId: newWebhookId() });
    assert.deepEqual(config.methods, ['POST']);
    assert.equal(config.bodyLimitBytes, 1024 * 1024);
    assert.deepEqual(config.security.auth, { type: 'public' });
    assert.equal(config.response.mode, 'accepted');
    assert.equal(config.idempotency.source, 'none');
    assert.equal(
      webhookTriggerConfigSchema.safeParse({ bodyLimitBytes: 26 * 1024 * 1024 }).success,
      false,
    );
  });

  it('has one case handle per event case plus else, or next without cases', () => {
    const none = describeNodeConfig(webhookTriggerDefinition, {});
    assert.deepEqual(
      none.outputs.map((handle) => handle.id),
      ['next'],
    );
    const kiwify = describeNodeConfig(webhookTriggerDefinition, {
      events: {
        path: 'body.event',
        cases: [
          { id: 'approved', label: 'Start onboarding', value: 'order_approved' },
          { id: 'refunded', label: 'Cancel access', value: 'order_refunded' },
        ],
      },
    });
    assert.deepEqual(
      kiwify.outputs.map((handle) => [handle.id, handle.kind]),
      [
        ['approved', 'case'],
        ['refunded', 'case'],
        ['else', 'else'],
      ],
    );
    const reserved = webhookTriggerConfigSchema.safeParse({
      events: { cases: [{ id: 'else', value: 'x' }] },
    });
    assert.equal(reserved.success, false);
  });

  it('a problem in one section keeps the outputs the events section defines', () => {
    const events = {
      path: 'body.event',
      cases: [{ id: 'approved', label: 'Start onboarding', value: 'order_approved' }],
    };
    // HMAC chosen, no secret stored yet: the config does not validate.
    const halfSecured = describeNodeConfig(webhookTriggerDefinition, {
      events,
      security: {
        auth: {
          type: 'hmac',
          algorithm: 'sha1',
          source: 'query',
          paramName: 'signature',
          secretIds: [],
        },
      },
    });
    assert.equal(halfSecured.config, undefined);
    assert.equal(halfSecured.summary, 'Needs attention');
    assert.deepEqual(
      halfSecured.problems.map((problem) => problem.path),
      ['security.auth.secretIds'],
    );
    assert.deepEqual(
      halfSecured.outputs.map((handle) => [handle.id, handle.label]),
      [
        ['approved', 'Start onboarding'],
        ['else', 'Else'],
      ],
    );
    // A broken events section itself: its outputs cannot be known, the defaults are shown.
    const brokenEvents = describeNodeConfig(webhookTriggerDefinition, {
      events: { cases: [{ id: 'has space', value: 'x' }] },
    });
    assert.deepEqual(
      brokenEvents.outputs.map((handle) => handle.id),
      ['next'],
    );
  });

  it('generates unguessable webhook ids, and fresh ones for copies', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newWebhookId()));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, WEBHOOK_ID_PATTERN);
    // 16 random bytes → 22 base64url characters after "wh_".
    assert.equal(newWebhookId().length, 25);
    const initial = webhookTriggerDefinition.initialConfig?.();
    assert.match(String(initial?.webhookId), WEBHOOK_ID_PATTERN);
    const copy = webhookTriggerDefinition.withFreshIds?.({ webhookId: 'wh_old', methods: ['GET'] });
    assert.notEqual(copy?.webhookId, 'wh_old');
    assert.deepEqual(copy?.methods, ['GET']);
  });

  it('refuses to publish without a URL id, with bad paths, or cases without an event path', () => {
    const problems = webhookTriggerProblems(
      webhookTriggerConfigSchema.parse({
        mappings: [
          { path: 'body.user.name', variable: 'customer_name' },
          { path: 'body..x', variable: 'x' },
        ],
        events: { cases: [{ id: 'a', value: '{{ unclosed' }] },
      }),
    );
    const fields = problems.map((problem) => problem.field);
    assert.deepEqual(fields, [
      'webhookId',
      'mappings[1].path',
      'events.path',
      'events.cases[0].value',
    ]);
    const ok = validateGraph(
      graphWith(
        webhookTriggerNode({ mappings: [{ path: 'body.data[0].email', variable: 'email' }] }),
      ),
    );
    assert.deepEqual(
      ok.filter((problem) => problem.severity === 'error'),
      [],
    );
  });
});
