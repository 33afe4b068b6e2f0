import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AUTH_CHOICES,
  authChoiceOf,
  readAuth,
  readSecurity,
  storedSecretIds,
  switchAuth,
  switchSignatureSource,
} from '../../../../../renderer/inspector/webhook-security/auth-draft';
import {
  webhookAuthSchema,
  type HmacAuth,
  type WebhookAuth,
} from '../../../../../runtime/shared/webhook-security';

describe('readAuth and readSecurity', () => {
  it('reads a half-made draft as typed: a type chosen, no token yet', () => {
    assert.deepEqual(readAuth({ type: 'bearer' }), { type: 'bearer', tokenSecretId: '' });
    assert.deepEqual(readAuth({ type: 'query' }), {
      type: 'query',
      paramName: 'token',
      tokenSecretId: '',
    });
    assert.deepEqual(readAuth({ type: 'hmac', algorithm: 'sha512', secretIds: ['s_1'] }), {
      type: 'hmac',
      algorithm: 'sha512',
      source: 'header',
      paramName: 'X-Signature',
      encoding: 'hex',
      prefix: '',
      secretIds: ['s_1'],
    });
  });

  it('reads anything it does not understand as public', () => {
    assert.deepEqual(readAuth({ type: 'nope' }), { type: 'public' });
    assert.deepEqual(readAuth(undefined), { type: 'public' });
    assert.deepEqual(readAuth('bearer'), { type: 'public' });
  });

  it('a Start node without security reads as public and open', () => {
    assert.deepEqual(readSecurity(undefined), {
      auth: { type: 'public' },
      ipAllowlist: [],
      originAllowlist: [],
    });
    assert.deepEqual(readSecurity({ ipAllowlist: 'x', originAllowlist: ['https://a.example'] }), {
      auth: { type: 'public' },
      ipAllowlist: [],
      originAllowlist: ['https://a.example'],
    });
  });

  it('a draft with its secrets stored is what the schema accepts', () => {
    for (const choice of AUTH_CHOICES) {
      const auth = switchAuth({ type: 'public' }, choice.value);
      const filled: WebhookAuth =
        'tokenSecretId' in auth
          ? { ...auth, tokenSecretId: 's_token123' }
          : 'secretIds' in auth
            ? { ...auth, secretIds: ['s_secret123'] }
            : auth;
      assert.ok(webhookAuthSchema.safeParse(filled).success, `${choice.value} validates`);
    }
  });

  it('a draft without its secret does not validate (publish refuses it)', () => {
    assert.equal(webhookAuthSchema.safeParse(readAuth({ type: 'bearer' })).success, false);
    assert.equal(webhookAuthSchema.safeParse(readAuth({ type: 'stripe' })).success, false);
  });
});

describe('switchAuth', () => {
  it('carries the token between bearer, header and query; query defaults to ?token=', () => {
    const bearer: WebhookAuth = { type: 'bearer', tokenSecretId: 's_1' };
    assert.deepEqual(switchAuth(bearer, 'query'), {
      type: 'query',
      paramName: 'token',
      tokenSecretId: 's_1',
    });
    assert.deepEqual(
      switchAuth({ type: 'query', paramName: 'key', tokenSecretId: 's_1' }, 'header'),
      { type: 'header', headerName: 'X-Webhook-Token', tokenSecretId: 's_1' },
    );
  });

  it('never carries a token into a signature check, or the other way round', () => {
    assert.deepEqual(switchAuth({ type: 'bearer', tokenSecretId: 's_1' }, 'stripe'), {
      type: 'stripe',
      secretIds: [],
      toleranceSeconds: 300,
    });
    assert.deepEqual(
      switchAuth({ type: 'github', secretIds: ['s_1'], toleranceSeconds: 300 }, 'bearer'),
      {
        type: 'bearer',
        tokenSecretId: '',
      },
    );
  });

  it('keeps the secrets (rotation) between signature types, and Kiwify is its HMAC preset', () => {
    const stripe: WebhookAuth = { type: 'stripe', secretIds: ['s_a', 's_b'], toleranceSeconds: 60 };
    const kiwify = switchAuth(stripe, 'kiwify');
    assert.deepEqual(kiwify, {
      type: 'hmac',
      preset: 'kiwify',
      algorithm: 'sha1',
      source: 'query',
      paramName: 'signature',
      encoding: 'hex',
      prefix: '',
      secretIds: ['s_a', 's_b'],
    });
    assert.equal(authChoiceOf(kiwify), 'kiwify');
    assert.ok(webhookAuthSchema.safeParse(kiwify).success);
    assert.deepEqual(switchAuth(kiwify, 'slack'), {
      type: 'slack',
      secretIds: ['s_a', 's_b'],
      toleranceSeconds: 300,
    });
  });

  it('a generic HMAC with Kiwify’s fields stays generic: a preset is only ever chosen', () => {
    let auth = switchAuth({ type: 'public' }, 'hmac');
    assert.equal(auth.type, 'hmac');
    if (auth.type !== 'hmac') return;
    auth = { ...auth, algorithm: 'sha1', paramName: 'signature' };
    auth = switchSignatureSource(auth, 'query');
    assert.deepEqual(
      [auth.algorithm, auth.source, auth.paramName, auth.encoding, auth.prefix],
      ['sha1', 'query', 'signature', 'hex', ''],
    );
    assert.equal(authChoiceOf(auth), 'hmac');
    assert.equal('preset' in auth, false);
  });

  it('choosing HMAC again keeps a custom HMAC as it is, and a preset’s fields to edit', () => {
    const custom: WebhookAuth = {
      type: 'hmac',
      algorithm: 'sha512',
      source: 'header',
      paramName: 'X-Sig',
      encoding: 'base64',
      prefix: 'v1=',
      secretIds: ['s_1'],
    };
    assert.equal(switchAuth(custom, 'hmac'), custom);
    assert.equal(authChoiceOf(custom), 'hmac');
    const fromKiwify = switchAuth(switchAuth(custom, 'kiwify'), 'hmac');
    assert.deepEqual(fromKiwify, {
      type: 'hmac',
      algorithm: 'sha1',
      source: 'query',
      paramName: 'signature',
      encoding: 'hex',
      prefix: '',
      secretIds: ['s_1'],
    });
    assert.equal(authChoiceOf(fromKiwify), 'hmac');
  });

  it('a preset’s fields are fixed: changed, the schema says to choose HMAC', () => {
    const kiwify = switchAuth({ type: 'public' }, 'kiwify');
    const changed = { ...kiwify, algorithm: 'sha256', secretIds: ['s_1'] };
    const parsed = webhookAuthSchema.safeParse(changed);
    assert.equal(parsed.success, false);
    assert.match(parsed.error?.issues[0]?.message ?? '', /Kiwify preset .*choose HMAC signature/);
  });
});

describe('switchSignatureSource', () => {
  const hmac = (source: 'header' | 'query', paramName: string): HmacAuth => ({
    type: 'hmac',
    algorithm: 'sha256',
    source,
    paramName,
    encoding: 'hex',
    prefix: '',
    secretIds: [],
  });

  it('a name left at its default follows the source; a typed one stays', () => {
    assert.equal(
      switchSignatureSource(hmac('header', 'X-Signature'), 'query').paramName,
      'signature',
    );
    assert.equal(
      switchSignatureSource(hmac('query', 'signature'), 'header').paramName,
      'X-Signature',
    );
    assert.equal(switchSignatureSource(hmac('header', ''), 'query').paramName, 'signature');
    assert.equal(
      switchSignatureSource(hmac('header', 'X-Hub-Sig'), 'query').paramName,
      'X-Hub-Sig',
    );
    assert.equal(switchSignatureSource(hmac('query', 'sig'), 'header').paramName, 'sig');
    const same = hmac('query', 'signature');
    assert.equal(switchSignatureSource(same, 'query'), same);
  });
});

describe('storedSecretIds', () => {
  it('lists the stored ids, not the empty placeholders', () => {
    assert.deepEqual(storedSecretIds({ type: 'public' }), []);
    assert.deepEqual(storedSecretIds({ type: 'bearer', tokenSecretId: '' }), []);
    assert.deepEqual(storedSecretIds({ type: 'bearer', tokenSecretId: 's_1' }), ['s_1']);
    assert.deepEqual(
      storedSecretIds({ type: 'github', secretIds: ['s_1', ''], toleranceSeconds: 300 }),
      ['s_1'],
    );
  });
});
