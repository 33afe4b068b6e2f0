import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  conversationKeyOf,
  waitForWebhookConfigSchema,
  waitForWebhookDefinition,
} from '../../../../../runtime/nodes/wait-for-webhook/definition';

describe('Wait for webhook definition', () => {
  it('finds the key in a JSON or form body field, else in the query; only text counts', () => {
    assert.equal(conversationKeyOf({ body: { conversation_key: 'k1' }, query: {} }), 'k1');
    assert.equal(
      conversationKeyOf({ body: { conversation_key: 'k1' }, query: { conversation_key: 'k2' } }),
      'k1',
    );
    assert.equal(conversationKeyOf({ body: 'text', query: { conversation_key: 'k2' } }), 'k2');
    assert.equal(conversationKeyOf({ body: { conversation_key: 5 }, query: {} }), undefined);
    assert.equal(
      conversationKeyOf({ body: [], query: { conversation_key: ['a', 'b'] } }),
      undefined,
    );
    assert.equal(conversationKeyOf({ body: { conversation_key: '' }, query: {} }), undefined);
  });

  it('waits 1–300 whole seconds, maps at most 50 variables, and has Success and Failure', () => {
    const parse = (config: unknown) => waitForWebhookConfigSchema.safeParse(config).success;
    assert.equal(parse({}), true);
    assert.equal(parse({ timeoutSeconds: 1 }), true);
    assert.equal(parse({ timeoutSeconds: 300 }), true);
    assert.equal(parse({ timeoutSeconds: 0 }), false);
    assert.equal(parse({ timeoutSeconds: 301 }), false);
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ path: `body.a${i}`, variable: `v${i}` }));
    assert.equal(parse({ mappings: rows(50) }), true);
    assert.equal(parse({ mappings: rows(51) }), false);
    const config = waitForWebhookConfigSchema.parse({});
    assert.deepEqual(
      waitForWebhookDefinition.outputs(config).map((output) => output.id),
      ['success', 'failure'],
    );
    assert.equal(
      waitForWebhookDefinition.endpoint?.issuedKeyVariable?.(config),
      'conversation_key',
    );
  });
});
