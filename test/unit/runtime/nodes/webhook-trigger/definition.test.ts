import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateGraph } from '../../../../../runtime/engine/validate-graph';
import {
  webhookTriggerConfigSchema,
  webhookTriggerDefinition,
  webhookTriggerCanBindChat,
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

  describe('Customer & Chat binding problems (seed 001)', () => {
    const problemsOf = (config: Record<string, unknown>) =>
      webhookTriggerProblems(
        webhookTriggerConfigSchema.parse({ webhookId: newWebhookId(), ...config }),
      ).map((problem) => [problem.field, problem.message]);
    const row = (id: string, field: string, path: string, search = false) => ({
      id,
      field,
      path,
      search,
    });

    it('says nothing while the toggles are off, whatever the rows hold', () => {
      assert.deepEqual(
        problemsOf({
          customer: { enabled: false, rows: [row('a', 'email', '')] },
          chat: { enabled: false, contactPath: '' },
        }),
        [],
      );
    });

    it('asks for the search icon when no row (or no row at all) has it', () => {
      const text = /^Turn on the search icon 🔍 on at least one field/;
      for (const rows of [[], [row('a', 'email', 'body.email')]]) {
        const problems = problemsOf({ customer: { enabled: true, rows } });
        assert.equal(problems.length, 1, JSON.stringify(problems));
        assert.equal(problems[0]?.[0], 'customer.rows');
        assert.match(problems[0]?.[1] ?? '', text);
      }
      assert.deepEqual(
        problemsOf({ customer: { enabled: true, rows: [row('a', 'email', 'body.email', true)] } }),
        [],
      );
    });

    it('names rows with an empty or invalid path, and duplicate row ids, by index', () => {
      const problems = problemsOf({
        customer: {
          enabled: true,
          rows: [
            row('a', 'email', 'body.email', true),
            row('b', 'name', ''),
            row('a', 'phone', 'body..phone'),
          ],
        },
      });
      assert.deepEqual(
        problems.map(([field]) => field),
        ['customer.rows[1].path', 'customer.rows[2].id', 'customer.rows[2].path'],
      );
      assert.match(problems[1]?.[1] ?? '', /already has the id "a"/);
      assert.match(problems[2]?.[1] ?? '', /"body\.\.phone" is not a valid path/);
    });

    it('asks for the chat contact path, and checks it parses', () => {
      assert.deepEqual(
        problemsOf({ chat: { enabled: true, contactPath: '' } }).map(([field]) => field),
        ['chat.contactPath'],
      );
      assert.match(
        problemsOf({ chat: { enabled: true, contactPath: 'body.[' } })[0]?.[1] ?? '',
        /not a valid path/,
      );
      assert.deepEqual(problemsOf({ chat: { enabled: true, contactPath: 'body.phone' } }), []);
    });

    it('the inspector names the binding fields by their labels', () => {
      const graph = graphWith(
        webhookTriggerNode({ customer: { enabled: true, rows: [row('a', 'email', '')] } }),
      );
      const messages = validateGraph(graph)
        .filter((problem) => problem.severity === 'error')
        .map((problem) => problem.message);
      assert.ok(
        messages.some((message) => message.includes('Customer field 1 body path')),
        JSON.stringify(messages),
      );
      assert.ok(messages.some((message) => message.includes('Customer fields')));
    });

    it('can bind a chat (full mode) exactly when both bindings are on', () => {
      const can = (customer: boolean, chat: boolean) =>
        webhookTriggerCanBindChat(
          webhookTriggerConfigSchema.parse({
            customer: { enabled: customer },
            chat: { enabled: chat },
          }),
        );
      assert.deepEqual(
        [can(false, false), can(true, false), can(false, true), can(true, true)],
        [false, false, false, true],
      );
      const fullTrigger = webhookTriggerNode({
        customer: { enabled: true, rows: [row('a', 'email', 'body.email', true)] },
        chat: { enabled: true, contactPath: 'body.email', contactType: 'email' },
      });
      const graph = graphWith(fullTrigger);
      graph.nodes.push({
        id: 'n_say',
        type: 'send-message',
        position: { x: 0, y: 0 },
        data: { config: { text: 'Hi' } },
      });
      graph.edges = [
        { id: 'e1', source: fullTrigger.id, sourceHandle: 'next', target: 'n_say' },
        { id: 'e2', source: 'n_say', sourceHandle: 'next', target: 'n_end_next' },
      ];
      const codes = validateGraph(graph).map((problem) => problem.code);
      assert.ok(!codes.includes('chat_node_headless'), JSON.stringify(codes));
      fullTrigger.data.config = { ...fullTrigger.data.config, chat: { enabled: false } };
      assert.ok(validateGraph(graph).some((problem) => problem.code === 'chat_node_headless'));
    });
  });
});
