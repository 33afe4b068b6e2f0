import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseQuery,
  redactHeaders,
  redactionFor,
  redactQuery,
} from '../../../../runtime/ingress/redact';
import { REDACTED } from '../../../../runtime/security/redacted';
import { providerPresets } from '../../../../runtime/shared/webhook-security';

describe('redaction', () => {
  it('always hides credentials and every provider signature header', () => {
    const redaction = redactionFor({ type: 'public' });
    const signatureHeaders = Object.values(providerPresets)
      .flatMap((preset) => preset.signatureHeaders)
      .filter((name) => /signature|hmac/i.test(name));
    const headers = Object.fromEntries(
      [...signatureHeaders, 'Authorization', 'Cookie', 'X-Hub-Signature'].map((name) => [
        name.toLowerCase(),
        'secret-value',
      ]),
    );
    const redacted = redactHeaders({ ...headers, 'content-type': 'application/json' }, redaction);
    for (const name of Object.keys(headers)) assert.equal(redacted[name], REDACTED, name);
    assert.equal(redacted['content-type'], 'application/json');
  });

  it('hides the token header or query parameter the trigger reads', () => {
    const header = redactionFor({ type: 'header', headerName: 'X-Token', tokenSecretId: 's_x' });
    assert.equal(redactHeaders({ 'x-token': 't', 'x-other': 'o' }, header)['x-token'], REDACTED);
    const query = redactionFor({ type: 'query', paramName: 'token', tokenSecretId: 's_x' });
    assert.deepEqual(redactQuery({ token: 't', a: 'b' }, query), { token: REDACTED, a: 'b' });
    const hmac = redactionFor({
      type: 'hmac',
      algorithm: 'sha1',
      source: 'query',
      paramName: 'signature',
      encoding: 'hex',
      prefix: '',
      secretIds: ['s_x'],
    });
    assert.deepEqual(redactQuery({ signature: ['a', 'b'] }, hmac), { signature: REDACTED });
  });

  it('parses repeated query parameters into lists and ignores __proto__', () => {
    const query = parseQuery('/x?name=John&surname=Whale&tag=a&tag=b&__proto__=bad&e=');
    assert.deepEqual(query, { name: 'John', surname: 'Whale', tag: ['a', 'b'], e: '' });
    assert.equal(Object.getPrototypeOf(query), Object.prototype);
    assert.deepEqual(parseQuery('/x'), {});
  });
});
