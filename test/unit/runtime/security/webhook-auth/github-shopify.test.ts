import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { sign } from '@octokit/webhooks-methods';
import { getHmac } from '@shopify/shopify-api/test-helpers';
import { verifyWebhookAuth } from '../../../../../runtime/security/webhook-auth';
import { webhookAuthSchema } from '../../../../../runtime/shared/webhook-security';
import { authRequest, NOW, SAMPLE_BODY } from './auth-request';
import { describeProvider, outcomeCode } from './provider-cases';

const GITHUB_SECRETS: [string, string] = ["It's a Secret to Everybody", 'rotated-github-secret-2'];
const SHOPIFY_SECRETS: [string, string] = ['shpss_4c1e8d9a7b6f', 'shpss_previous_2b3a'];

describeProvider({
  name: 'GitHub (@octokit/webhooks-methods sign)',
  type: 'github',
  secrets: GITHUB_SECRETS,
  timestamped: false,
  sign: async (secret, body) => ({
    'X-Hub-Signature-256': await sign(secret, body),
    'X-GitHub-Event': 'push',
  }),
});

describeProvider({
  name: 'Shopify (@shopify/shopify-api/test-helpers getHmac)',
  type: 'shopify',
  secrets: SHOPIFY_SECRETS,
  timestamped: false,
  sign: (secret, body) => ({
    'X-Shopify-Hmac-Sha256': getHmac(body, secret),
    'X-Shopify-Topic': 'orders/create',
  }),
});

describe('GitHub: header details', () => {
  const auth = webhookAuthSchema.parse({ type: 'github', secretIds: ['s_a'] });
  const [secret] = GITHUB_SECRETS;

  it('the legacy SHA-1 X-Hub-Signature alone is not enough', () => {
    const legacy = `sha1=${createHmac('sha1', secret).update(SAMPLE_BODY).digest('hex')}`;
    const request = authRequest({ headers: { 'X-Hub-Signature': legacy }, body: SAMPLE_BODY });
    assert.equal(outcomeCode(verifyWebhookAuth(auth, request, [secret], NOW)), 'missing_signature');
  });

  it('a signature without its sha256= prefix is malformed', async () => {
    const bare = (await sign(secret, SAMPLE_BODY)).slice('sha256='.length);
    const request = authRequest({ headers: { 'X-Hub-Signature-256': bare }, body: SAMPLE_BODY });
    assert.equal(
      outcomeCode(verifyWebhookAuth(auth, request, [secret], NOW)),
      'malformed_signature',
    );
  });
});

describe('Shopify: header details', () => {
  it('a hex digest where base64 is expected does not verify', () => {
    const auth = webhookAuthSchema.parse({ type: 'shopify', secretIds: ['s_a'] });
    const [secret] = SHOPIFY_SECRETS;
    const hex = createHmac('sha256', secret).update(SAMPLE_BODY).digest('hex');
    const request = authRequest({ headers: { 'X-Shopify-Hmac-Sha256': hex }, body: SAMPLE_BODY });
    // Hex digits are base64 characters too: they decode, to 48 bytes instead of 32.
    assert.equal(
      outcomeCode(verifyWebhookAuth(auth, request, [secret], NOW)),
      'malformed_signature',
    );
  });
});
