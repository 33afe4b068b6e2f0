// Every authentication type and every security refusal over real HTTP, with signatures made
// by the providers' own libraries. Each refusal runs nothing and is logged with its outcome.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { sign as githubSign } from '@octokit/webhooks-methods';
import { getHmac } from '@shopify/shopify-api/test-helpers';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import type { CallPage } from '../../runtime/shared/calls';
import type { RunPage } from '../../runtime/shared/run';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createPublishedFlow } from '../helpers/admin-api';
import { createSecret } from '../helpers/webhook-runtime';

const BODY = JSON.stringify({ id: 'evt_1', type: 'order.paid', amount: 4990 });
const TOKEN = 'tok_7b1d0c4e9f2a5b8c3d6e1f0a9b8c7d6e5f4a3b2c';

interface Hook {
  flowId: string;
  url: string;
}

async function hook(rt: TestRuntime, security: Record<string, unknown>): Promise<Hook> {
  const trigger = webhookTriggerNode({ security });
  const flow = await createPublishedFlow(rt, graphWith(trigger));
  return {
    flowId: flow.id,
    url: `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`,
  };
}

const post = (url: string, headers: Record<string, string> = {}, body = BODY) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function expectRun(response: Response, rt: TestRuntime): Promise<void> {
  assert.equal(response.status, 202, await response.clone().text());
  const { runId } = await json<{ runId: string }>(response);
  assert.equal((await waitForRun(rt, runId)).status, 'completed');
}

async function expectRefused(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  const body = await json<{ error: { code: string; message: string } }>(response);
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 10, 'the message says what to do');
  return response;
}

// One runtime for the whole file: started at load, stopped after the last test.
const rt: TestRuntime = await startTestRuntime();

describe('webhook security over HTTP', () => {
  it('Bearer: 401 with WWW-Authenticate when missing or wrong, 202 when right', async () => {
    const tokenSecretId = await createSecret(rt, TOKEN);
    const { url, flowId } = await hook(rt, { auth: { type: 'bearer', tokenSecretId } });
    const missing = await expectRefused(await post(url), 401, 'missing_credentials');
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer realm="hookflow"/);
    const wrong = await expectRefused(
      await post(url, { authorization: 'Bearer nope' }),
      401,
      'invalid_token',
    );
    assert.match(wrong.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    await expectRun(await post(url, { authorization: `Bearer ${TOKEN}` }), rt);

    const runs = await json<RunPage>(await rt.api(`/api/runs?flowId=${flowId}`));
    assert.equal(runs.runs.length, 1, 'only the authenticated call ran');
    const log = await json<CallPage>(await rt.api(`/api/flows/${flowId}/nodes/n_hook/calls`));
    assert.deepEqual(
      log.calls.map((call) => [call.status, call.auth.outcome]),
      [
        [202, 'passed'],
        [401, 'failed'],
        [401, 'failed'],
      ],
    );
  });

  it('Custom header and query param tokens', async () => {
    const tokenSecretId = await createSecret(rt, TOKEN);
    const header = await hook(rt, {
      auth: { type: 'header', headerName: 'X-Hook-Token', tokenSecretId },
    });
    await expectRefused(await post(header.url, { 'x-hook-token': 'bad' }), 401, 'invalid_token');
    await expectRun(await post(header.url, { 'X-Hook-Token': TOKEN }), rt);

    const query = await hook(rt, { auth: { type: 'query', tokenSecretId } });
    await expectRefused(await post(`${query.url}?token=bad`), 401, 'invalid_token');
    await expectRefused(await post(query.url), 401, 'missing_credentials');
    await expectRun(await post(`${query.url}?token=${TOKEN}`), rt);
  });

  it('HMAC SHA-256 in a header with a prefix, and SHA-512 base64 in the query', async () => {
    const secret = 'hmac-secret-1';
    const secretIds = [await createSecret(rt, secret)];
    const sha256 = await hook(rt, {
      auth: {
        type: 'hmac',
        algorithm: 'sha256',
        source: 'header',
        paramName: 'X-Signature',
        prefix: 'sha256=',
        secretIds,
      },
    });
    const digest = createHmac('sha256', secret).update(BODY).digest('hex');
    await expectRun(await post(sha256.url, { 'x-signature': `sha256=${digest}` }), rt);
    await expectRefused(
      await post(sha256.url, { 'x-signature': `sha256=${digest}` }, `${BODY} `),
      401,
      'invalid_signature',
    );
    const sha512 = await hook(rt, {
      auth: {
        type: 'hmac',
        algorithm: 'sha512',
        source: 'query',
        paramName: 'sig',
        encoding: 'base64',
        secretIds,
      },
    });
    const b64 = createHmac('sha512', secret).update(BODY).digest('base64');
    await expectRun(await post(`${sha512.url}?sig=${encodeURIComponent(b64)}`), rt);
  });

  it('provider schemes with their own libraries: Standard Webhooks, Stripe, GitHub, Shopify, Slack', async () => {
    const now = new Date();
    const seconds = String(Math.floor(now.getTime() / 1000));

    const swSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const sw = await hook(rt, {
      auth: { type: 'standard-webhooks', secretIds: [await createSecret(rt, swSecret)] },
    });
    const swHeaders = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': seconds,
      'webhook-signature': new Webhook(swSecret).sign('msg_1', now, BODY),
    };
    await expectRun(await post(sw.url, swHeaders), rt);
    const stale = new Date(now.getTime() - 600_000);
    await expectRefused(
      await post(sw.url, {
        'webhook-id': 'msg_2',
        'webhook-timestamp': String(Math.floor(stale.getTime() / 1000)),
        'webhook-signature': new Webhook(swSecret).sign('msg_2', stale, BODY),
      }),
      401,
      'signature_expired',
    );

    const stripeSecret = 'whsec_5f3c0e8b1d2a4c6e8f0a1b3c5d7e9f1a';
    const stripe = await hook(rt, {
      auth: { type: 'stripe', secretIds: [await createSecret(rt, stripeSecret)] },
    });
    const stripeHeader = Stripe.webhooks.generateTestHeaderString({
      payload: BODY,
      secret: stripeSecret,
    });
    await expectRun(await post(stripe.url, { 'stripe-signature': stripeHeader }), rt);
    await expectRefused(
      await post(stripe.url, { 'stripe-signature': stripeHeader }, BODY.replace('4990', '1')),
      401,
      'invalid_signature',
    );

    const githubSecret = "It's a Secret to Everybody";
    const github = await hook(rt, {
      auth: { type: 'github', secretIds: [await createSecret(rt, githubSecret)] },
    });
    await expectRun(
      await post(github.url, { 'x-hub-signature-256': await githubSign(githubSecret, BODY) }),
      rt,
    );

    const shopifySecret = 'shpss_4c1e8d9a7b6f';
    const shopify = await hook(rt, {
      auth: { type: 'shopify', secretIds: [await createSecret(rt, shopifySecret)] },
    });
    await expectRun(
      await post(shopify.url, { 'x-shopify-hmac-sha256': getHmac(BODY, shopifySecret) }),
      rt,
    );

    const slackSecret = '8f742231b10e8888abcd99yyyzzz85a5';
    const slack = await hook(rt, {
      auth: { type: 'slack', secretIds: [await createSecret(rt, slackSecret)] },
    });
    const slackSignature = `v0=${createHmac('sha256', slackSecret).update(`v0:${seconds}:${BODY}`).digest('hex')}`;
    await expectRun(
      await post(slack.url, {
        'x-slack-signature': slackSignature,
        'x-slack-request-timestamp': seconds,
      }),
      rt,
    );
    await expectRefused(await post(slack.url), 401, 'missing_signature');
  });

  it('a token that is gone fails closed', async () => {
    // A token this folder never held cannot be published (import-secrets.test.ts); one
    // deleted after publishing still leaves the live version naming it.
    const tokenId = await createSecret(rt, TOKEN);
    const { url } = await hook(rt, { auth: { type: 'bearer', tokenSecretId: tokenId } });
    assert.equal((await rt.api(`/api/secrets/${tokenId}`, { method: 'DELETE' })).status, 204);
    await expectRefused(
      await post(url, { authorization: `Bearer ${TOKEN}` }),
      401,
      'secret_not_configured',
    );
  });

  it('IP allowlist: 403 from elsewhere; X-Forwarded-For from a direct caller is not trusted', async () => {
    const elsewhere = await hook(rt, { ipAllowlist: ['203.0.113.0/24'] });
    const refused = await expectRefused(
      await post(elsewhere.url, { 'x-forwarded-for': '203.0.113.7' }),
      403,
      'ip_not_allowed',
    );
    assert.ok(refused);
    const loopback = await hook(rt, { ipAllowlist: ['127.0.0.1', '::1'] });
    await expectRun(await post(loopback.url), rt);
    const log = await json<CallPage>(
      await rt.api(`/api/flows/${elsewhere.flowId}/nodes/n_hook/calls`),
    );
    assert.equal(log.calls[0]?.ip, '127.0.0.1');
    assert.equal(log.calls[0]?.auth.outcome, 'not-checked', 'refused before auth');
  });

  it('origin allowlist: 403 without a listed Origin (Referer as fallback)', async () => {
    const { url } = await hook(rt, { originAllowlist: ['https://app.kiwify.com.br'] });
    await expectRefused(await post(url), 403, 'origin_not_allowed');
    await expectRefused(
      await post(url, { origin: 'https://evil.example' }),
      403,
      'origin_not_allowed',
    );
    await expectRun(await post(url, { origin: 'https://app.kiwify.com.br' }), rt);
    await expectRun(await post(url, { referer: 'https://app.kiwify.com.br/orders/1' }), rt);
  });
});
