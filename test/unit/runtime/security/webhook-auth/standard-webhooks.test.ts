import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import {
  generateStandardWebhooksSecret,
  verifyWebhookAuth,
} from '../../../../../runtime/security/webhook-auth';
import { webhookAuthSchema } from '../../../../../runtime/shared/webhook-security';
import { authRequest, NOW, NOW_SECONDS, SAMPLE_BODY } from './auth-request';
import { describeProvider, outcomeCode } from './provider-cases';

const SECRETS: [string, string] = [
  `whsec_${Buffer.from('standard-webhooks-test-key-one!').toString('base64')}`,
  `whsec_${Buffer.from('standard-webhooks-test-key-two!').toString('base64')}`,
];

describeProvider({
  name: 'Standard Webhooks (webhook-* headers, standardwebhooks)',
  type: 'standard-webhooks',
  secrets: SECRETS,
  timestamped: true,
  sign: (secret, body, at) => ({
    'webhook-id': 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign('msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', at, body),
  }),
});

describeProvider({
  name: 'Svix (svix-* headers, svix)',
  type: 'standard-webhooks',
  secrets: SECRETS,
  timestamped: true,
  sign: (secret, body, at) => ({
    'svix-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
    'svix-signature': new SvixWebhook(secret).sign('msg_p5jXN8AQM9LWM0D4loKWxJek', at, body),
  }),
});

describe('Standard Webhooks: header details', () => {
  const auth = webhookAuthSchema.parse({ type: 'standard-webhooks', secretIds: ['s_a'] });
  const [secret] = SECRETS;
  const signed = new Webhook(secret).sign('msg_1', NOW, SAMPLE_BODY);
  const headers = {
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(NOW_SECONDS),
    'webhook-signature': signed,
  };
  const check = (overrides: Record<string, string>) =>
    outcomeCode(
      verifyWebhookAuth(
        auth,
        authRequest({ headers: { ...headers, ...overrides }, body: SAMPLE_BODY }),
        [secret],
        NOW,
      ),
    );

  it('finds the valid v1 among several entries (the sender rotating its key)', () => {
    const other = new Webhook(SECRETS[1]).sign('msg_1', NOW, SAMPLE_BODY);
    assert.equal(check({ 'webhook-signature': `${other} v1a,AAAA ${signed}` }), 'ok');
  });

  it('the id and timestamp are signed: changing either breaks the signature', () => {
    assert.equal(check({ 'webhook-id': 'msg_2' }), 'invalid_signature');
    assert.equal(check({ 'webhook-timestamp': String(NOW_SECONDS + 1) }), 'invalid_signature');
  });

  it('missing id or timestamp: missing_signature; malformed parts: malformed_signature', () => {
    const { 'webhook-id': _id, ...withoutId } = headers;
    const request = authRequest({ headers: withoutId, body: SAMPLE_BODY });
    assert.equal(outcomeCode(verifyWebhookAuth(auth, request, [secret], NOW)), 'missing_signature');
    assert.equal(check({ 'webhook-timestamp': '1.5e9' }), 'malformed_signature');
    assert.equal(check({ 'webhook-signature': 'v2,abcd' }), 'malformed_signature');
    assert.equal(check({ 'webhook-signature': 'v1,!!!' }), 'malformed_signature');
  });

  it('keys with the bytes after whsec_, not the string (that is Stripe)', () => {
    const wholeString = `whsec_${Buffer.from(secret).toString('base64')}`;
    assert.equal(
      outcomeCode(
        verifyWebhookAuth(auth, authRequest({ headers, body: SAMPLE_BODY }), [wholeString], NOW),
      ),
      'invalid_signature',
    );
  });

  it('generates secrets the library accepts', () => {
    const fresh = generateStandardWebhooksSecret();
    assert.match(fresh, /^whsec_[A-Za-z0-9+/]{43}=$/);
    const signature = new Webhook(fresh).sign('msg_9', NOW, SAMPLE_BODY);
    const request = authRequest({
      headers: {
        'webhook-id': 'msg_9',
        'webhook-timestamp': String(NOW_SECONDS),
        'webhook-signature': signature,
      },
      body: SAMPLE_BODY,
    });
    assert.equal(verifyWebhookAuth(auth, request, [fresh], NOW).ok, true);
  });
});
