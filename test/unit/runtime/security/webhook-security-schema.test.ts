// Tests runtime/shared/webhook-security.ts (kept beside the checks that use it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeWebhookAuth,
  hmacPresets,
  providerAuthTypes,
  providerPresets,
  webhookAuthSchema,
  webhookAuthSecretIds,
  webhookSecuritySchema,
} from '../../../../runtime/shared/webhook-security';

describe('webhookSecuritySchema', () => {
  it('defaults to a public webhook with empty allowlists', () => {
    assert.deepEqual(webhookSecuritySchema.parse({}), {
      auth: { type: 'public' },
      ipAllowlist: [],
      originAllowlist: [],
    });
  });

  it('fills the documented defaults', () => {
    assert.deepEqual(webhookAuthSchema.parse({ type: 'query', tokenSecretId: 's_1' }), {
      type: 'query',
      paramName: 'token',
      tokenSecretId: 's_1',
    });
    assert.deepEqual(
      webhookAuthSchema.parse({
        type: 'hmac',
        algorithm: 'sha256',
        source: 'header',
        paramName: 'X-Signature',
        secretIds: ['s_1'],
      }),
      {
        type: 'hmac',
        algorithm: 'sha256',
        source: 'header',
        paramName: 'X-Signature',
        encoding: 'hex',
        prefix: '',
        secretIds: ['s_1'],
      },
    );
    for (const type of providerAuthTypes) {
      assert.deepEqual(webhookAuthSchema.parse({ type, secretIds: ['s_1'] }), {
        type,
        secretIds: ['s_1'],
        toleranceSeconds: 300,
      });
    }
  });

  it('refuses unknown types, bad header names and bad secret lists', () => {
    const refused: unknown[] = [
      { type: 'basic', tokenSecretId: 's' },
      { type: 'bearer' },
      { type: 'header', headerName: 'X Api Key', tokenSecretId: 's' },
      { type: 'header', headerName: 'X-Key:', tokenSecretId: 's' },
      { type: 'header', headerName: '', tokenSecretId: 's' },
      { type: 'stripe', secretIds: [] },
      { type: 'stripe', secretIds: ['a', 'b', 'c', 'd', 'e', 'f'] },
      { type: 'stripe', secretIds: ['a', 'a'] },
      { type: 'slack', secretIds: ['a'], toleranceSeconds: 0 },
      { type: 'slack', secretIds: ['a'], toleranceSeconds: 1.5 },
      { type: 'hmac', algorithm: 'md5', source: 'query', paramName: 'sig', secretIds: ['a'] },
      { type: 'hmac', algorithm: 'sha1', source: 'body', paramName: 'sig', secretIds: ['a'] },
      {
        type: 'hmac',
        algorithm: 'sha1',
        source: 'header',
        paramName: 'bad name',
        secretIds: ['a'],
      },
    ];
    for (const config of refused) {
      assert.equal(webhookAuthSchema.safeParse(config).success, false, JSON.stringify(config));
    }
  });

  it('a query parameter name may hold characters a header name may not', () => {
    const parsed = webhookAuthSchema.safeParse({
      type: 'hmac',
      algorithm: 'sha1',
      source: 'query',
      paramName: 'sig[0]',
      secretIds: ['a'],
    });
    assert.equal(parsed.success, true);
  });

  it('points at the field when an HMAC header name is invalid', () => {
    const parsed = webhookAuthSchema.safeParse({
      type: 'hmac',
      algorithm: 'sha1',
      source: 'header',
      paramName: 'bad name',
      secretIds: ['a'],
    });
    assert.equal(parsed.success, false);
    assert.deepEqual(parsed.error?.issues[0]?.path, ['paramName']);
  });
});

describe('presets and helpers', () => {
  it('every provider has a preset with its signature headers', () => {
    for (const type of providerAuthTypes) {
      assert.ok(providerPresets[type].signatureHeaders.length > 0, type);
    }
    assert.equal(providerPresets.github.timestamped, false);
    assert.equal(providerPresets.shopify.timestamped, false);
    assert.equal(providerPresets.stripe.timestamped, true);
  });

  it('the Kiwify preset makes a complete HMAC config', () => {
    const parsed = webhookAuthSchema.parse({
      type: 'hmac',
      ...hmacPresets.kiwify.fields,
      secretIds: ['s_k'],
    });
    assert.equal(describeWebhookAuth(parsed), 'HMAC SHA-1 (query signature)');
  });

  it('lists the secret ids a config needs, in order', () => {
    assert.deepEqual(webhookAuthSecretIds({ type: 'public' }), []);
    assert.deepEqual(webhookAuthSecretIds({ type: 'bearer', tokenSecretId: 's_t' }), ['s_t']);
    assert.deepEqual(
      webhookAuthSecretIds({
        type: 'stripe',
        secretIds: ['s_new', 's_old'],
        toleranceSeconds: 300,
      }),
      ['s_new', 's_old'],
    );
  });

  it('describes each type in one line without secrets', () => {
    assert.equal(describeWebhookAuth({ type: 'public' }), 'Public');
    assert.equal(
      describeWebhookAuth({ type: 'header', headerName: 'X-Api-Key', tokenSecretId: 's_t' }),
      'Token in header X-Api-Key',
    );
    assert.equal(
      describeWebhookAuth({ type: 'query', paramName: 'token', tokenSecretId: 's_t' }),
      'Token in ?token=',
    );
    assert.equal(
      describeWebhookAuth({ type: 'slack', secretIds: ['s'], toleranceSeconds: 300 }),
      'Slack signature',
    );
  });
});
