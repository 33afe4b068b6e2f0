import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { verifySlackRequest } from '@slack/bolt';
import { verifyWebhookAuth } from '../../../../../runtime/security/webhook-auth';
import { webhookAuthSchema } from '../../../../../runtime/shared/webhook-security';
import { authRequest, NOW, NOW_SECONDS, SAMPLE_BODY } from './auth-request';
import { describeProvider, outcomeCode } from './provider-cases';

const SECRETS: [string, string] = [
  '8f742231b10e8888abcd99yyyzzz85a5',
  '2b1e5d7c9a0f3e6d8c4b2a1f0e9d8c7b',
];

/** Slack's documented method: v0= + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
function slackHeaders(secret: string, body: string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'X-Slack-Signature': signature, 'X-Slack-Request-Timestamp': timestamp };
}

describe('Slack: the test vector is real', () => {
  it("bolt's verifySlackRequest accepts the same request", () => {
    const headers = slackHeaders(SECRETS[0], SAMPLE_BODY, NOW);
    assert.doesNotThrow(() =>
      verifySlackRequest({
        signingSecret: SECRETS[0],
        body: SAMPLE_BODY,
        headers: {
          'x-slack-signature': headers['X-Slack-Signature'] ?? '',
          'x-slack-request-timestamp': NOW_SECONDS,
        },
        nowMilliseconds: NOW.getTime(),
      }),
    );
    const auth = webhookAuthSchema.parse({ type: 'slack', secretIds: ['s_a'] });
    const request = authRequest({ headers, body: SAMPLE_BODY });
    assert.equal(verifyWebhookAuth(auth, request, [SECRETS[0]], NOW).ok, true);
  });

  it('bolt refuses what Hookflow refuses (tampered body)', () => {
    const headers = slackHeaders(SECRETS[0], SAMPLE_BODY, NOW);
    assert.throws(() =>
      verifySlackRequest({
        signingSecret: SECRETS[0],
        body: `${SAMPLE_BODY} `,
        headers: {
          'x-slack-signature': headers['X-Slack-Signature'] ?? '',
          'x-slack-request-timestamp': NOW_SECONDS,
        },
        nowMilliseconds: NOW.getTime(),
      }),
    );
  });
});

describeProvider({
  name: 'Slack (v0 signature, checked against @slack/bolt above)',
  type: 'slack',
  secrets: SECRETS,
  timestamped: true,
  sign: slackHeaders,
});

describe('Slack: header details', () => {
  const auth = webhookAuthSchema.parse({ type: 'slack', secretIds: ['s_a'] });
  const headers = slackHeaders(SECRETS[0], SAMPLE_BODY, NOW);
  const check = (overrides: Record<string, string>) =>
    outcomeCode(
      verifyWebhookAuth(
        auth,
        authRequest({ headers: { ...headers, ...overrides }, body: SAMPLE_BODY }),
        [SECRETS[0]],
        NOW,
      ),
    );

  it('the timestamp is signed, and required', () => {
    assert.equal(
      check({ 'X-Slack-Request-Timestamp': String(NOW_SECONDS - 1) }),
      'invalid_signature',
    );
    const { 'X-Slack-Request-Timestamp': _t, ...withoutTimestamp } = headers;
    const request = authRequest({ headers: withoutTimestamp, body: SAMPLE_BODY });
    assert.equal(
      outcomeCode(verifyWebhookAuth(auth, request, [SECRETS[0]], NOW)),
      'missing_signature',
    );
  });

  it('another version or encoding is malformed', () => {
    const hex = (headers['X-Slack-Signature'] ?? '').slice(3);
    assert.equal(check({ 'X-Slack-Signature': `v1=${hex}` }), 'malformed_signature');
    assert.equal(check({ 'X-Slack-Signature': 'v0=not-hex' }), 'malformed_signature');
    assert.equal(check({ 'X-Slack-Request-Timestamp': 'yesterday' }), 'malformed_signature');
  });
});
