import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  verifyWebhookAuth,
  type AuthFailureCode,
  type AuthRequest,
} from '../../../../../runtime/security/webhook-auth';
import {
  webhookAuthSchema,
  type WebhookAuth,
} from '../../../../../runtime/shared/webhook-security';
import { authRequest, NOW } from './auth-request';

const CODES: readonly AuthFailureCode[] = [
  'missing_credentials',
  'invalid_token',
  'missing_signature',
  'invalid_signature',
  'signature_expired',
  'timestamp_in_future',
  'malformed_signature',
  'secret_not_configured',
];

const NAMES = [
  'authorization',
  'x-api-key',
  'x-sig',
  'token',
  'signature',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'svix-id',
  'svix-timestamp',
  'svix-signature',
  'stripe-signature',
  'x-hub-signature-256',
  'x-shopify-hmac-sha256',
  'x-slack-signature',
  'x-slack-request-timestamp',
  'constructor',
  'toString',
];

const nameArb = fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 20 }));

/** Plain noise, plus values shaped like the credentials each scheme parses. */
const valueArb = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc
    .tuple(
      fc.constantFrom(
        'Bearer ',
        'v1,',
        'v0=',
        'sha256=',
        't=',
        't=1772366400,v1=',
        'v1,AAAA v1,',
        '',
      ),
      fc.oneof(fc.string({ maxLength: 80 }), fc.base64String({ maxLength: 90 })),
    )
    .map(([prefix, rest]) => prefix + rest),
  fc.integer({ min: -1e10, max: 1e13 }).map(String),
  fc.base64String({ maxLength: 120 }),
);

const authArb: fc.Arbitrary<WebhookAuth> = fc
  .oneof(
    fc.constant({ type: 'public' }),
    fc.constant({ type: 'bearer', tokenSecretId: 's' }),
    fc.record({
      type: fc.constant('header'),
      headerName: fc.constantFrom(...NAMES),
      tokenSecretId: fc.constant('s'),
    }),
    fc.record({
      type: fc.constant('query'),
      paramName: fc.constantFrom(...NAMES),
      tokenSecretId: fc.constant('s'),
    }),
    fc.record({
      type: fc.constant('hmac'),
      algorithm: fc.constantFrom('sha1', 'sha256', 'sha512'),
      source: fc.constantFrom('query', 'header'),
      paramName: fc.constantFrom(...NAMES),
      encoding: fc.constantFrom('hex', 'base64'),
      prefix: fc.constantFrom('', 'sha256=', 'v0=', '='),
      secretIds: fc.constant(['s']),
    }),
    fc.record({
      type: fc.constantFrom('standard-webhooks', 'stripe', 'github', 'shopify', 'slack'),
      secretIds: fc.constant(['s']),
      toleranceSeconds: fc.integer({ min: 1, max: 86_400 }),
    }),
  )
  .map((raw) => webhookAuthSchema.parse(raw));

const requestArb: fc.Arbitrary<AuthRequest> = fc.record({
  method: fc.constantFrom('POST', 'GET', 'PUT'),
  headers: fc.dictionary(nameArb, fc.option(valueArb, { nil: undefined }), { maxKeys: 8 }),
  query: fc.dictionary(
    nameArb,
    fc.option(fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 })), { nil: undefined }),
    { maxKeys: 5 },
  ),
  rawBody: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  url: fc.string({ maxLength: 60 }),
});

describe('verifyWebhookAuth properties', () => {
  it('never throws, and every refusal is a well-formed 401 that echoes no secret', () => {
    fc.assert(
      fc.property(
        authArb,
        requestArb,
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
        fc.date({ noInvalidDate: false }),
        (auth, request, secrets, now) => {
          const outcome = verifyWebhookAuth(auth, request, secrets, now);
          if (outcome.ok) {
            assert.equal(outcome.scheme, auth.type);
            return;
          }
          assert.equal(outcome.status, 401);
          assert.ok(CODES.includes(outcome.code), outcome.code);
          assert.ok(outcome.message.length > 10);
          for (const secret of secrets) {
            if (secret.length >= 12) assert.ok(!outcome.message.includes(secret));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('accepts only the public type without any credential', () => {
    fc.assert(
      fc.property(authArb, fc.uint8Array({ maxLength: 64 }), (auth, body) => {
        const outcome = verifyWebhookAuth(
          auth,
          authRequest({ body: Buffer.from(body) }),
          ['secret-1'],
          NOW,
        );
        assert.equal(outcome.ok, auth.type === 'public');
      }),
    );
  });

  it('an HMAC signature over any body verifies, and a one-bit change to the body does not', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.constantFrom('sha1', 'sha256', 'sha512'),
        fc.constantFrom('hex', 'base64'),
        fc.constantFrom('query', 'header'),
        fc.nat(),
        (bytes, secret, algorithm, encoding, source, flip) => {
          const body = Buffer.from(bytes);
          const auth = webhookAuthSchema.parse({
            type: 'hmac',
            algorithm,
            encoding,
            source,
            paramName: 'x-sig',
            secretIds: ['s'],
          });
          const digest = createHmac(algorithm, secret).update(body).digest(encoding);
          const request = (payload: Buffer) =>
            source === 'query'
              ? authRequest({ url: `/w?x-sig=${encodeURIComponent(digest)}`, body: payload })
              : authRequest({ headers: { 'x-sig': digest }, body: payload });
          assert.equal(verifyWebhookAuth(auth, request(body), [secret], NOW).ok, true);
          const tampered = Buffer.from(body);
          const index = flip % tampered.length;
          tampered[index] = (tampered[index] ?? 0) ^ (1 << (flip % 8));
          assert.equal(verifyWebhookAuth(auth, request(tampered), [secret], NOW).ok, false);
        },
      ),
    );
  });
});
