import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { REDACTED } from '../../../../runtime/security/redacted';
import {
  MIN_REDACTED_VALUE_LENGTH,
  redactEntries,
  SecretValues,
} from '../../../../runtime/security/redact-values';

const TOKEN = 'tok_7b1d0c4e9f2a5b8c3d6e';
const OTHER = 'sec_0f9e8d7c6b5a49382716';
const others = (count: number) =>
  Array.from({ length: count }, () => randomBytes(24).toString('base64url'));

// Few secrets are searched one by one, many (more than 16) in one hashed pass: both agree.
const strategies = [
  ['a few secrets', SecretValues.of([TOKEN, OTHER])],
  ['many secrets', SecretValues.of([TOKEN, OTHER, ...others(40)])],
] as const;

describe('redaction by value', () => {
  for (const [name, secrets] of strategies) {
    it(`${name}: cuts every secret out of text and bytes, wherever it is`, () => {
      const cases: [string, string][] = [
        [TOKEN, REDACTED],
        [`Bearer ${TOKEN}`, `Bearer ${REDACTED}`],
        [`${TOKEN}${OTHER}`, `${REDACTED}${REDACTED}`],
        [`a=${TOKEN}&b=${TOKEN}&c=${OTHER}!`, `a=${REDACTED}&b=${REDACTED}&c=${REDACTED}!`],
        ['nothing secret here, but long enough', 'nothing secret here, but long enough'],
        [`ünïcödé ${TOKEN} ✓`, `ünïcödé ${REDACTED} ✓`],
        [TOKEN.slice(0, -1), TOKEN.slice(0, -1)],
      ];
      for (const [text, expected] of cases) {
        assert.equal(secrets.redactText(text), expected, text);
        assert.equal(secrets.redactBytes(Buffer.from(text)).toString(), expected, text);
      }
      const clean = Buffer.from('no secret in here at all');
      assert.equal(secrets.redactBytes(clean), clean, 'the same buffer when nothing is cut');
    });

    it(`${name}: cuts secrets out of a parsed body's strings and keys, in place`, () => {
      const body = {
        token: TOKEN,
        list: ['ok', `x${OTHER}y`, { deep: [[TOKEN]] }],
        [TOKEN]: 'key',
        count: 7,
      };
      const redacted = secrets.redactValue(body);
      assert.equal(redacted, body);
      assert.deepEqual(body, {
        token: REDACTED,
        list: ['ok', `x${REDACTED}y`, { deep: [[REDACTED]] }],
        count: 7,
        [REDACTED]: 'key',
      });
      assert.equal(secrets.redactValue(`is ${TOKEN}`), `is ${REDACTED}`);
    });
  }

  it('finds a secret as senders spell it: percent-encoded, form-encoded, JSON-escaped', () => {
    const secret = 'p@ss w/rd+"quoted"';
    const secrets = SecretValues.of([secret]);
    const form = new URLSearchParams({ password: secret }).toString();
    assert.equal(secrets.redactText(form), `password=${REDACTED}`);
    assert.equal(secrets.redactText(`x=${encodeURIComponent(secret)}`), `x=${REDACTED}`);
    assert.equal(
      secrets.redactText(JSON.stringify({ password: secret })),
      `{"password":"${REDACTED}"}`,
    );
  });

  it('cuts the longer of two overlapping secrets, and a Standard Webhooks key without whsec_', () => {
    const secrets = SecretValues.of([
      'abcdefgh12345678',
      'abcdefgh',
      'whsec_c2VjcmV0LWtleS1ieXRlcw==',
    ]);
    assert.equal(secrets.redactText('[abcdefgh12345678]'), `[${REDACTED}]`);
    assert.equal(secrets.redactText('key c2VjcmV0LWtleS1ieXRlcw=='), `key ${REDACTED}`);
  });

  it(`leaves secrets shorter than ${MIN_REDACTED_VALUE_LENGTH} characters to redaction by name`, () => {
    const secrets = SecretValues.of(['1234567', '']);
    assert.equal(secrets.empty, true);
    assert.equal(secrets.redactText('order 1234567 shipped'), 'order 1234567 shipped');
  });

  it('redacts header and query entries, keeping the same object when nothing matches', () => {
    const secrets = SecretValues.of([TOKEN]);
    const clean = { a: '1', b: ['2', '3'] };
    assert.equal(redactEntries(clean, secrets), clean);
    const redacted = redactEntries(
      { a: '1', [TOKEN]: '', b: ['2', `x${TOKEN}`], c: TOKEN },
      secrets,
    );
    assert.deepEqual(Object.entries(redacted), [
      ['a', '1'],
      [REDACTED, ''],
      ['b', ['2', `x${REDACTED}`]],
      ['c', REDACTED],
    ]);
    assert.equal(redactEntries(clean, SecretValues.none), clean);
  });
});
