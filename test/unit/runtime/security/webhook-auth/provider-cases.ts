// The cases every provider scheme must pass, with signatures made by the provider's own
// library (each test file passes a `sign` that calls it): valid, tampered body, wrong secret,
// missing headers, a rotated secret, and — where a timestamp is signed — the replay window
// on both sides.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifyWebhookAuth, type AuthOutcome } from '../../../../../runtime/security/webhook-auth';
import {
  webhookAuthSchema,
  type WebhookAuth,
} from '../../../../../runtime/shared/webhook-security';
import { authRequest, NOW, SAMPLE_BODY } from './auth-request';

export interface ProviderFixture {
  name: string;
  type: WebhookAuth['type'];
  /** Two different secrets, in the format the provider issues them. */
  secrets: [string, string];
  timestamped: boolean;
  /** The headers the provider sends for `body` signed with `secret` at `at`. */
  sign(
    secret: string,
    body: string,
    at: Date,
  ): Promise<Record<string, string>> | Record<string, string>;
}

export function outcomeCode(outcome: AuthOutcome): string {
  return outcome.ok ? 'ok' : outcome.code;
}

function secondsFromNow(seconds: number): Date {
  return new Date(NOW.getTime() + seconds * 1000);
}

export function describeProvider(fixture: ProviderFixture): void {
  const [first, second] = fixture.secrets;
  const auth = webhookAuthSchema.parse({ type: fixture.type, secretIds: ['s_a', 's_b'] });

  async function verify(options: {
    signedWith?: string;
    secrets?: string[];
    at?: Date;
    body?: string;
    config?: WebhookAuth;
  }): Promise<AuthOutcome> {
    const headers = await fixture.sign(options.signedWith ?? first, SAMPLE_BODY, options.at ?? NOW);
    const request = authRequest({ headers, body: options.body ?? SAMPLE_BODY });
    return verifyWebhookAuth(options.config ?? auth, request, options.secrets ?? [first], NOW);
  }

  describe(`${fixture.name}: signatures from the provider's library`, () => {
    it('valid', async () => {
      assert.deepEqual(await verify({}), { ok: true, scheme: fixture.type });
    });

    it('tampered body: invalid_signature with a hint, nothing secret echoed', async () => {
      const outcome = await verify({ body: SAMPLE_BODY.replace('4990', '4991') });
      assert.equal(outcomeCode(outcome), 'invalid_signature');
      if (outcome.ok) return;
      assert.match(outcome.message, /check the secret/);
      assert.ok(!outcome.message.includes(first));
    });

    it('wrong secret: invalid_signature', async () => {
      assert.equal(outcomeCode(await verify({ signedWith: second })), 'invalid_signature');
    });

    it('no signature headers: missing_signature', () => {
      const request = authRequest({ body: SAMPLE_BODY });
      assert.equal(
        outcomeCode(verifyWebhookAuth(auth, request, [first], NOW)),
        'missing_signature',
      );
    });

    it('rotation: verifies with the second of two secrets', async () => {
      const outcome = await verify({ signedWith: second, secrets: [first, second] });
      assert.deepEqual(outcome, { ok: true, scheme: fixture.type });
    });

    if (fixture.timestamped) {
      it('stale timestamp: signature_expired; exactly at the tolerance still passes', async () => {
        assert.equal(outcomeCode(await verify({ at: secondsFromNow(-301) })), 'signature_expired');
        assert.equal(outcomeCode(await verify({ at: secondsFromNow(-300) })), 'ok');
      });

      it('future timestamp: timestamp_in_future; exactly at the tolerance still passes', async () => {
        assert.equal(outcomeCode(await verify({ at: secondsFromNow(301) })), 'timestamp_in_future');
        assert.equal(outcomeCode(await verify({ at: secondsFromNow(300) })), 'ok');
      });

      it('honours a configured tolerance', async () => {
        const strict = webhookAuthSchema.parse({
          type: fixture.type,
          secretIds: ['s_a'],
          toleranceSeconds: 60,
        });
        const at = secondsFromNow(-120);
        assert.equal(outcomeCode(await verify({ at })), 'ok');
        assert.equal(outcomeCode(await verify({ at, config: strict })), 'signature_expired');
        const ahead = secondsFromNow(120);
        assert.equal(
          outcomeCode(await verify({ at: ahead, config: strict })),
          'timestamp_in_future',
        );
      });
    } else {
      it('signs no timestamp, so an old delivery (a retry) still verifies', async () => {
        assert.equal(outcomeCode(await verify({ at: secondsFromNow(-86_400) })), 'ok');
      });
    }
  });
}
