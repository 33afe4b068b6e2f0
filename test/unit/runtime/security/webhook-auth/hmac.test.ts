import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { verifyWebhookAuth, type AuthOutcome } from '../../../../../runtime/security/webhook-auth';
import {
  hmacPresets,
  webhookAuthSchema,
  type HmacAuth,
} from '../../../../../runtime/shared/webhook-security';
import { authRequest, NOW, SAMPLE_BODY } from './auth-request';

const SECRET = 'kiwify-token-8c1f4e2a9b';
const OTHER_SECRET = 'another-secret-77d0';

function hmacAuth(fields: Record<string, unknown>): HmacAuth {
  const auth = webhookAuthSchema.parse({ type: 'hmac', secretIds: ['s_1'], ...fields });
  assert.equal(auth.type, 'hmac');
  if (auth.type !== 'hmac') throw new Error('unreachable');
  return auth;
}

/** The signature a sender computes, independently of the code under test. */
function signature(
  algorithm: string,
  encoding: 'hex' | 'base64',
  secret: string,
  body: string,
): string {
  return createHmac(algorithm, secret).update(body, 'utf8').digest(encoding);
}

function signedRequest(auth: HmacAuth, value: string, body = SAMPLE_BODY) {
  return auth.source === 'query'
    ? authRequest({
        url: `/webhooks/flow/wh_1?${auth.paramName}=${encodeURIComponent(value)}`,
        body,
      })
    : authRequest({ headers: { [auth.paramName]: value }, body });
}

function code(outcome: AuthOutcome): string {
  return outcome.ok ? 'ok' : outcome.code;
}

describe('hmac: every algorithm × encoding × source × prefix', () => {
  for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
    for (const encoding of ['hex', 'base64'] as const) {
      for (const source of ['query', 'header'] as const) {
        for (const prefix of ['', `${algorithm}=`]) {
          const name = `${algorithm} ${encoding} ${source} prefix=${JSON.stringify(prefix)}`;
          const auth = hmacAuth({
            algorithm,
            encoding,
            source,
            prefix,
            paramName: source === 'query' ? 'sig' : 'X-Signature',
          });
          const good = prefix + signature(algorithm, encoding, SECRET, SAMPLE_BODY);

          it(`${name}: valid`, () => {
            const outcome = verifyWebhookAuth(auth, signedRequest(auth, good), [SECRET], NOW);
            assert.deepEqual(outcome, { ok: true, scheme: 'hmac' });
          });

          it(`${name}: tampered body, wrong secret, missing`, () => {
            const tampered = signedRequest(auth, good, SAMPLE_BODY.replace('4990', '4991'));
            assert.equal(
              code(verifyWebhookAuth(auth, tampered, [SECRET], NOW)),
              'invalid_signature',
            );
            const wrongSecret = signedRequest(auth, good);
            assert.equal(
              code(verifyWebhookAuth(auth, wrongSecret, [OTHER_SECRET], NOW)),
              'invalid_signature',
            );
            const missing = authRequest({ body: SAMPLE_BODY });
            assert.equal(
              code(verifyWebhookAuth(auth, missing, [SECRET], NOW)),
              'missing_signature',
            );
          });

          it(`${name}: rotation, the second secret matches`, () => {
            const outcome = verifyWebhookAuth(
              auth,
              signedRequest(auth, good),
              [OTHER_SECRET, SECRET],
              NOW,
            );
            assert.equal(outcome.ok, true);
          });
        }
      }
    }
  }
});

describe('hmac: parsing the signature', () => {
  const hexHeader = hmacAuth({ algorithm: 'sha256', source: 'header', paramName: 'X-Sig' });

  it('hex is case-insensitive', () => {
    const upper = signature('sha256', 'hex', SECRET, SAMPLE_BODY).toUpperCase();
    assert.equal(
      verifyWebhookAuth(hexHeader, signedRequest(hexHeader, upper), [SECRET], NOW).ok,
      true,
    );
  });

  it('the prefix is matched case-insensitively and required when configured', () => {
    const auth = hmacAuth({
      algorithm: 'sha256',
      source: 'header',
      paramName: 'X-Sig',
      prefix: 'sha256=',
    });
    const digest = signature('sha256', 'hex', SECRET, SAMPLE_BODY);
    assert.equal(
      verifyWebhookAuth(auth, signedRequest(auth, `SHA256=${digest}`), [SECRET], NOW).ok,
      true,
    );
    const outcome = verifyWebhookAuth(auth, signedRequest(auth, digest), [SECRET], NOW);
    assert.equal(code(outcome), 'malformed_signature');
    assert.match(outcome.ok ? '' : outcome.message, /start with "sha256="/);
  });

  it('not hex, odd length, or the wrong digest length is malformed, and says why', () => {
    const digest = signature('sha256', 'hex', SECRET, SAMPLE_BODY);
    for (const value of ['zz', digest.slice(1), signature('sha1', 'hex', SECRET, SAMPLE_BODY)]) {
      const outcome = verifyWebhookAuth(hexHeader, signedRequest(hexHeader, value), [SECRET], NOW);
      assert.equal(code(outcome), 'malformed_signature', value);
    }
    const sha1Sized = verifyWebhookAuth(
      hexHeader,
      signedRequest(hexHeader, signature('sha1', 'hex', SECRET, SAMPLE_BODY)),
      [SECRET],
      NOW,
    );
    assert.match(sha1Sized.ok ? '' : sha1Sized.message, /20 bytes.*HMAC-SHA256.*32.*algorithm/);
  });

  it('base64 in a query string survives a + left unencoded, and base64url is accepted', () => {
    const auth = hmacAuth({
      algorithm: 'sha256',
      encoding: 'base64',
      source: 'query',
      paramName: 'sig',
    });
    let body = SAMPLE_BODY;
    let digest = signature('sha256', 'base64', SECRET, body);
    for (let n = 0; !digest.includes('+'); n += 1) {
      body = `${SAMPLE_BODY} ${n}`;
      digest = signature('sha256', 'base64', SECRET, body);
    }
    const raw = authRequest({ url: `/w?sig=${digest}`, body });
    assert.equal(raw.query.sig, digest.replaceAll('+', ' '));
    assert.equal(verifyWebhookAuth(auth, raw, [SECRET], NOW).ok, true);
    const url = Buffer.from(digest, 'base64').toString('base64url');
    assert.equal(
      verifyWebhookAuth(auth, authRequest({ url: `/w?sig=${url}`, body }), [SECRET], NOW).ok,
      true,
    );
  });

  it('a repeated query parameter is refused', () => {
    const auth = hmacAuth({ algorithm: 'sha1', source: 'query', paramName: 'signature' });
    const digest = signature('sha1', 'hex', SECRET, SAMPLE_BODY);
    const request = authRequest({
      url: `/w?signature=${digest}&signature=${digest}`,
      body: SAMPLE_BODY,
    });
    assert.equal(code(verifyWebhookAuth(auth, request, [SECRET], NOW)), 'malformed_signature');
  });

  it('signs the raw bytes: re-encoding the same JSON does not verify', () => {
    const digest = signature('sha256', 'hex', SECRET, SAMPLE_BODY);
    const pretty = JSON.stringify(JSON.parse(SAMPLE_BODY), null, 2);
    const outcome = verifyWebhookAuth(
      hexHeader,
      signedRequest(hexHeader, digest, pretty),
      [SECRET],
      NOW,
    );
    assert.equal(code(outcome), 'invalid_signature');
    assert.match(outcome.ok ? '' : outcome.message, /check the secret.*not modified by a proxy/);
  });

  it('never echoes the secret or the expected signature', () => {
    const expected = signature('sha256', 'hex', SECRET, SAMPLE_BODY);
    const wrong = signature('sha256', 'hex', OTHER_SECRET, SAMPLE_BODY);
    const outcome = verifyWebhookAuth(hexHeader, signedRequest(hexHeader, wrong), [SECRET], NOW);
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.ok(!outcome.message.includes(SECRET));
    assert.ok(!outcome.message.includes(expected));
  });
});

describe('hmac: the Kiwify example from seed 001', () => {
  // "Example for Kiwify: Algorithm: SHA-1 · Source: query · Parameter: signature"
  const auth = hmacAuth({ algorithm: 'sha1', source: 'query', paramName: 'signature' });
  const body = JSON.stringify({
    order_id: 'b4e3c1d2',
    order_status: 'paid',
    webhook_event_type: 'order_approved',
    Customer: { full_name: 'Maria Souza', email: 'maria@example.com' },
  });
  const digest = createHmac('sha1', SECRET).update(body).digest('hex');

  it('the preset is exactly that configuration, with hex and no prefix', () => {
    assert.deepEqual(hmacPresets.kiwify.fields, {
      algorithm: 'sha1',
      source: 'query',
      paramName: 'signature',
      encoding: 'hex',
      prefix: '',
    });
    assert.deepEqual(hmacAuth(hmacPresets.kiwify.fields), auth);
  });

  it('accepts ?signature=<HMAC-SHA1 hex of the raw body>', () => {
    const request = authRequest({ url: `/webhooks/flow/wh_1?signature=${digest}`, body });
    assert.deepEqual(verifyWebhookAuth(auth, request, [SECRET], NOW), { ok: true, scheme: 'hmac' });
  });

  it('refuses a changed body, another token, and a call without the parameter', () => {
    const changed = authRequest({
      url: `/webhooks/flow/wh_1?signature=${digest}`,
      body: body.replace('paid', 'refunded'),
    });
    assert.equal(code(verifyWebhookAuth(auth, changed, [SECRET], NOW)), 'invalid_signature');
    const other = authRequest({ url: `/webhooks/flow/wh_1?signature=${digest}`, body });
    assert.equal(code(verifyWebhookAuth(auth, other, [OTHER_SECRET], NOW)), 'invalid_signature');
    const none = authRequest({ url: '/webhooks/flow/wh_1', body });
    const outcome = verifyWebhookAuth(auth, none, [SECRET], NOW);
    assert.equal(code(outcome), 'missing_signature');
    assert.match(outcome.ok ? '' : outcome.message, /"signature" query parameter/);
  });
});
