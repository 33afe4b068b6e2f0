import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  looksLikeTypedCredential,
  secretsInFlow,
  pickableSecrets,
  typedSecretValue,
  withStoredSecret,
} from '../../../../../renderer/nodes/http-request/header-secrets';

describe('header secrets', () => {
  it('spots a credential typed into a credential header, not templates or secrets', () => {
    assert.equal(
      looksLikeTypedCredential({ name: 'Authorization', value: 'Bearer sk_live_abcdef123' }),
      true,
    );
    assert.equal(looksLikeTypedCredential({ name: 'x-api-key', value: 'abcdef123456' }), true);
    assert.equal(
      looksLikeTypedCredential({ name: 'Authorization', value: 'Bearer {{token}}' }),
      false,
    );
    assert.equal(looksLikeTypedCredential({ name: 'Authorization', value: '$API_TOKEN' }), false);
    assert.equal(
      looksLikeTypedCredential({
        name: 'Authorization',
        value: 'Bearer abcdef123',
        secretId: 's_x',
      }),
      false,
    );
    assert.equal(looksLikeTypedCredential({ name: 'Accept', value: 'application/json' }), false);
    assert.equal(looksLikeTypedCredential({ name: 'X-Token', value: 'sk_live_1234567890' }), true);
    assert.equal(
      looksLikeTypedCredential({ name: 'Idempotency-Key', value: 'order-12345678' }),
      false,
    );
    assert.equal(looksLikeTypedCredential({ name: 'Authorization', value: 'short' }), false);
  });

  it('moves a typed credential into the secret and keeps its scheme in the value', () => {
    const typed = { name: 'Authorization', value: 'Bearer sk_live_abcdef123' };
    assert.equal(typedSecretValue(typed), 'sk_live_abcdef123');
    assert.deepEqual(withStoredSecret(typed, 's_1'), {
      name: 'Authorization',
      value: 'Bearer {{secret}}',
      secretId: 's_1',
    });
    assert.deepEqual(withStoredSecret({ name: 'X-Api-Key', value: 'abcdef123456' }, 's_2'), {
      name: 'X-Api-Key',
      value: '',
      secretId: 's_2',
    });
  });

  it('gives an empty Authorization a Bearer value, and keeps any other value', () => {
    assert.equal(
      withStoredSecret({ name: 'authorization', value: '' }, 's_1').value,
      'Bearer {{secret}}',
    );
    assert.equal(
      withStoredSecret({ name: 'X-Sig', value: 'v1={{secret}}' }, 's_1').value,
      'v1={{secret}}',
    );
    assert.equal(typedSecretValue({ name: 'X-Sig', value: 'v1' }), '');
  });
});

describe('secretsInFlow', () => {
  it('offers each secret the flow’s HTTP Request headers use once, named by where it is used', () => {
    const known = secretsInFlow([
      {
        id: 'n_a',
        type: 'http-request',
        data: {
          label: 'Create CRM user',
          config: {
            headers: [
              { name: 'X-Api-Key', value: '', secretId: 's_key' },
              { name: 'Accept', value: 'application/json' },
              { name: ' ', value: '', secretId: 's_other' },
            ],
          },
        },
      },
      {
        id: 'n_b',
        type: 'http-request',
        data: { config: { headers: [{ name: 'X-Api-Key', secretId: 's_key' }, 'junk', null] } },
      },
      { id: 'n_c', type: 'webhook-trigger', data: { config: { headers: [{ secretId: 's_no' }] } } },
      { id: 'n_d', type: 'http-request', data: { config: undefined } },
    ]);
    assert.deepEqual(known, [
      { secretId: 's_key', label: 'X-Api-Key in “Create CRM user”' },
      { secretId: 's_other', label: 'a header in “Create CRM user”' },
    ]);
  });
});

describe('pickableSecrets', () => {
  it("offers the flow's secrets first, then the other stored ones by label or date, each once", () => {
    const inFlow = [{ secretId: 's_flow00001', label: 'X-Api-Key in “Create user”' }];
    const stored = [
      { id: 's_other0001', label: 'Authorization', updatedAt: '2026-12-07T10:00:00.000Z' },
      { id: 's_flow00001', label: 'X-Api-Key', updatedAt: '2026-12-06T10:00:00.000Z' },
      { id: 's_nolabel01', updatedAt: '2026-12-05T10:00:00.000Z' },
    ];
    assert.deepEqual(pickableSecrets(inFlow, stored), [
      { secretId: 's_flow00001', label: 'X-Api-Key in “Create user”' },
      { secretId: 's_other0001', label: 'Authorization' },
      { secretId: 's_nolabel01', label: 'a secret stored 2026-12-05' },
    ]);
    assert.deepEqual(pickableSecrets([], []), []);
  });
});
