import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Stripe from 'stripe';
import { verifyWebhookAuth } from '../../../../../runtime/security/webhook-auth';
import { webhookAuthSchema } from '../../../../../runtime/shared/webhook-security';
import { authRequest, NOW, NOW_SECONDS, SAMPLE_BODY } from './auth-request';
import { describeProvider, outcomeCode } from './provider-cases';

const SECRETS: [string, string] = [
  'whsec_5f3c0e8b1d2a4c6e8f0a1b3c5d7e9f1a',
  'whsec_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d',
];

function stripeHeader(secret: string, body: string, at: Date): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    timestamp: Math.floor(at.getTime() / 1000),
  });
}

describeProvider({
  name: 'Stripe (stripe.webhooks.generateTestHeaderString)',
  type: 'stripe',
  secrets: SECRETS,
  timestamped: true,
  sign: (secret, body, at) => ({ 'stripe-signature': stripeHeader(secret, body, at) }),
});

describe('Stripe: header details', () => {
  const auth = webhookAuthSchema.parse({ type: 'stripe', secretIds: ['s_a'] });
  const [secret, other] = SECRETS;
  const check = (header: string) =>
    outcomeCode(
      verifyWebhookAuth(
        auth,
        authRequest({ headers: { 'Stripe-Signature': header }, body: SAMPLE_BODY }),
        [secret],
        NOW,
      ),
    );
  const valid = stripeHeader(secret, SAMPLE_BODY, NOW);
  const validV1 = valid.split(',v1=')[1] ?? '';
  const otherV1 = stripeHeader(other, SAMPLE_BODY, NOW).split(',v1=')[1] ?? '';

  it('accepts any matching v1 among several (Stripe rolling its secret)', () => {
    assert.equal(check(`t=${NOW_SECONDS},v1=${otherV1},v1=${validV1},v0=abc`), 'ok');
  });

  it('the timestamp is signed: changing t breaks the signature', () => {
    assert.equal(check(`t=${NOW_SECONDS + 1},v1=${validV1}`), 'invalid_signature');
  });

  it('no t, two t, or no v1 is malformed', () => {
    assert.equal(check(`v1=${validV1}`), 'malformed_signature');
    assert.equal(check(`t=${NOW_SECONDS},t=${NOW_SECONDS},v1=${validV1}`), 'malformed_signature');
    assert.equal(check(`t=${NOW_SECONDS},v0=${validV1}`), 'malformed_signature');
    assert.equal(check(`t=soon,v1=${validV1}`), 'malformed_signature');
  });

  it('keys with the whole whsec_… string (base64-decoding it, as Standard Webhooks does, fails)', () => {
    const decodedKey = Buffer.from(secret.slice('whsec_'.length), 'base64').toString('latin1');
    const outcome = verifyWebhookAuth(
      auth,
      authRequest({ headers: { 'stripe-signature': valid }, body: SAMPLE_BODY }),
      [decodedKey],
      NOW,
    );
    assert.equal(outcomeCode(outcome), 'invalid_signature');
  });
});
