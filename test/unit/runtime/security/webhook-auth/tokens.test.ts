import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  generateWebhookToken,
  verifyWebhookAuth,
  type AuthOutcome,
} from '../../../../../runtime/security/webhook-auth';
import { webhookAuthSchema } from '../../../../../runtime/shared/webhook-security';
import { authRequest, NOW } from './auth-request';

const TOKEN = 'tok_6f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e';
const OLD_TOKEN = 'tok_previous_0123456789abcdef0123';

function failure(outcome: AuthOutcome) {
  assert.equal(outcome.ok, false);
  if (outcome.ok) throw new Error('unreachable');
  assert.equal(outcome.status, 401);
  return outcome;
}

describe('public', () => {
  it('accepts anything, without secrets', () => {
    const auth = webhookAuthSchema.parse({ type: 'public' });
    assert.deepEqual(verifyWebhookAuth(auth, authRequest({}), [], NOW), {
      ok: true,
      scheme: 'public',
    });
  });
});

describe('bearer', () => {
  const auth = webhookAuthSchema.parse({ type: 'bearer', tokenSecretId: 's_tok' });

  it('accepts the token, with the scheme in any case', () => {
    for (const header of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `BEARER   ${TOKEN} `]) {
      const request = authRequest({ headers: { Authorization: header } });
      assert.deepEqual(verifyWebhookAuth(auth, request, [TOKEN], NOW), {
        ok: true,
        scheme: 'bearer',
      });
    }
  });

  it('missing: 401 missing_credentials with a WWW-Authenticate challenge', () => {
    const outcome = failure(verifyWebhookAuth(auth, authRequest({}), [TOKEN], NOW));
    assert.equal(outcome.code, 'missing_credentials');
    assert.equal(outcome.wwwAuthenticate, 'Bearer realm="hookflow"');
    assert.match(outcome.message, /Authorization: Bearer <token>/);
  });

  it('another scheme counts as missing credentials', () => {
    const request = authRequest({ headers: { authorization: `Basic ${TOKEN}` } });
    const outcome = failure(verifyWebhookAuth(auth, request, [TOKEN], NOW));
    assert.equal(outcome.code, 'missing_credentials');
    assert.equal(outcome.wwwAuthenticate, 'Bearer realm="hookflow"');
  });

  it('wrong: invalid_token, error="invalid_token" in the challenge, token never echoed', () => {
    const request = authRequest({ headers: { authorization: 'Bearer not-the-token' } });
    const outcome = failure(verifyWebhookAuth(auth, request, [TOKEN], NOW));
    assert.equal(outcome.code, 'invalid_token');
    assert.equal(outcome.wwwAuthenticate, 'Bearer realm="hookflow", error="invalid_token"');
    assert.doesNotMatch(outcome.message, /not-the-token/);
    assert.ok(!outcome.message.includes(TOKEN));
  });

  it('a prefix or an extension of the token is wrong', () => {
    for (const given of [TOKEN.slice(0, -1), `${TOKEN}x`]) {
      const request = authRequest({ headers: { authorization: `Bearer ${given}` } });
      assert.equal(failure(verifyWebhookAuth(auth, request, [TOKEN], NOW)).code, 'invalid_token');
    }
  });

  it('fails closed when the secret value is missing or empty', () => {
    const request = authRequest({ headers: { authorization: 'Bearer ' } });
    for (const secrets of [[], ['']]) {
      const outcome = failure(verifyWebhookAuth(auth, request, secrets, NOW));
      assert.equal(outcome.code, 'secret_not_configured');
    }
  });
});

describe('custom header', () => {
  const auth = webhookAuthSchema.parse({
    type: 'header',
    headerName: 'X-Api-Key',
    tokenSecretId: 's_tok',
  });

  it('accepts the token; the header name is case-insensitive', () => {
    for (const name of ['X-Api-Key', 'x-api-key', 'X-API-KEY']) {
      const request = authRequest({ headers: { [name]: TOKEN } });
      assert.deepEqual(verifyWebhookAuth(auth, request, [TOKEN], NOW), {
        ok: true,
        scheme: 'header',
      });
    }
    // Even when a caller hands over headers whose names were not lower-cased.
    const raw = { ...authRequest({}), headers: { 'X-API-KEY': TOKEN } };
    assert.equal(verifyWebhookAuth(auth, raw, [TOKEN], NOW).ok, true);
  });

  it('missing: missing_credentials naming the header, no challenge', () => {
    const outcome = failure(
      verifyWebhookAuth(auth, authRequest({ headers: { authorization: TOKEN } }), [TOKEN], NOW),
    );
    assert.equal(outcome.code, 'missing_credentials');
    assert.match(outcome.message, /X-Api-Key/);
    assert.equal(outcome.wwwAuthenticate, undefined);
  });

  it('wrong: invalid_token', () => {
    const request = authRequest({ headers: { 'x-api-key': 'nope' } });
    assert.equal(failure(verifyWebhookAuth(auth, request, [TOKEN], NOW)).code, 'invalid_token');
  });

  it('a header named like an Object.prototype member reads no prototype', () => {
    const proto = webhookAuthSchema.parse({
      type: 'header',
      headerName: 'constructor',
      tokenSecretId: 's_tok',
    });
    const outcome = failure(verifyWebhookAuth(proto, authRequest({}), [TOKEN], NOW));
    assert.equal(outcome.code, 'missing_credentials');
  });
});

describe('query param', () => {
  const auth = webhookAuthSchema.parse({ type: 'query', tokenSecretId: 's_tok' });

  it('defaults to ?token= and accepts the token', () => {
    assert.equal(auth.type === 'query' && auth.paramName, 'token');
    const request = authRequest({ url: `/webhooks/flow/wh_1?token=${TOKEN}&a=1` });
    assert.deepEqual(verifyWebhookAuth(auth, request, [TOKEN], NOW), { ok: true, scheme: 'query' });
  });

  it('uses the configured parameter name', () => {
    const custom = webhookAuthSchema.parse({
      type: 'query',
      paramName: 'key',
      tokenSecretId: 's',
    });
    const ok = authRequest({ url: `/w?key=${TOKEN}` });
    const wrongName = authRequest({ url: `/w?token=${TOKEN}` });
    assert.equal(verifyWebhookAuth(custom, ok, [TOKEN], NOW).ok, true);
    assert.equal(
      failure(verifyWebhookAuth(custom, wrongName, [TOKEN], NOW)).code,
      'missing_credentials',
    );
  });

  it('missing, empty, wrong and repeated are refused', () => {
    const cases: [string, string][] = [
      ['/w', 'missing_credentials'],
      ['/w?token=', 'missing_credentials'],
      ['/w?token=wrong', 'invalid_token'],
      [`/w?token=${TOKEN}&token=${TOKEN}`, 'invalid_token'],
    ];
    for (const [url, code] of cases) {
      const outcome = failure(verifyWebhookAuth(auth, authRequest({ url }), [TOKEN], NOW));
      assert.equal(outcome.code, code, url);
      assert.ok(!outcome.message.includes(TOKEN));
    }
  });

  it('a token sent in a header instead is missing', () => {
    const request = authRequest({ headers: { token: TOKEN } });
    assert.equal(
      failure(verifyWebhookAuth(auth, request, [TOKEN], NOW)).code,
      'missing_credentials',
    );
  });

  it('accepts any of the given tokens (rotation)', () => {
    const request = authRequest({ url: `/w?token=${TOKEN}` });
    assert.equal(verifyWebhookAuth(auth, request, [OLD_TOKEN, TOKEN], NOW).ok, true);
  });
});

describe('generateWebhookToken', () => {
  it('is 32 random bytes as base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => generateWebhookToken()));
    assert.equal(tokens.size, 50);
    for (const token of tokens) {
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(token, 'base64url').length, 32);
    }
  });
});
