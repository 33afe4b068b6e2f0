import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  curlExample,
  needsSignature,
  SAMPLE_BODY,
  TOKEN_PLACEHOLDER,
} from '../../../../../renderer/panels/listen/curl-example';

const URL = 'http://127.0.0.1:4811/webhooks/flow/wh_abc';

describe('curlExample', () => {
  it('posts the sample JSON to a public trigger', () => {
    assert.equal(
      curlExample(URL, 'POST', { type: 'public' }),
      [`curl -X POST '${URL}'`, `-H 'content-type: application/json'`, `-d '${SAMPLE_BODY}'`].join(
        ' \\\n  ',
      ),
    );
  });

  it('puts a placeholder where the token goes, never a token', () => {
    assert.match(
      curlExample(URL, 'POST', { type: 'bearer', tokenSecretId: 's_1' }),
      new RegExp(`-H 'Authorization: Bearer ${TOKEN_PLACEHOLDER}'`),
    );
    assert.match(
      curlExample(URL, 'PUT', { type: 'header', headerName: 'X-Key', tokenSecretId: 's_1' }),
      /-X PUT .*-H 'X-Key: YOUR_TOKEN'/s,
    );
    assert.match(
      curlExample(URL, 'POST', { type: 'query', paramName: 'key', tokenSecretId: 's_1' }),
      /\?key=YOUR_TOKEN'/,
    );
  });

  it('a GET sends its sample in the query string, without a body', () => {
    const command = curlExample(URL, 'GET', { type: 'public' });
    assert.equal(command, `curl '${URL}?event=test'`);
  });

  it('quotes single quotes for the shell', () => {
    assert.match(
      curlExample(URL, 'POST', { type: 'header', headerName: "X-It's", tokenSecretId: 's' }),
      /-H 'X-It'\\''s: YOUR_TOKEN'/,
    );
  });
});

describe('needsSignature', () => {
  it('is true for HMAC and the providers, false for tokens and public', () => {
    assert.equal(needsSignature({ type: 'public' }), false);
    assert.equal(needsSignature({ type: 'bearer', tokenSecretId: 's' }), false);
    assert.equal(needsSignature({ type: 'stripe', secretIds: ['s'], toleranceSeconds: 300 }), true);
    assert.equal(
      needsSignature({
        type: 'hmac',
        algorithm: 'sha256',
        source: 'header',
        paramName: 'X-Sig',
        encoding: 'hex',
        prefix: '',
        secretIds: ['s'],
      }),
      true,
    );
  });
});
