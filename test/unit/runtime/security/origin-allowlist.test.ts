import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkOrigin,
  normalizeOrigin,
  parseOriginAllowlist,
} from '../../../../runtime/security/origin-allowlist';

const KIWIFY = ['https://app.kiwify.com.br'];

function allowed(list: string[], origin?: string, referer?: string): boolean {
  return checkOrigin(list, { origin, referer }).ok;
}

describe('normalizeOrigin and parseOriginAllowlist', () => {
  it('lower-cases, drops the default port and a bare trailing slash', () => {
    assert.equal(normalizeOrigin(' HTTPS://App.Kiwify.com.br:443/ '), 'https://app.kiwify.com.br');
    assert.equal(normalizeOrigin('http://example.com:80'), 'http://example.com');
    assert.equal(normalizeOrigin('http://localhost:5173'), 'http://localhost:5173');
    assert.equal(normalizeOrigin('https://[2001:DB8::1]:8443'), 'https://[2001:db8::1]:8443');
  });

  it('reports entries that are not origins, saying what to change', () => {
    const entries = [
      'https://app.kiwify.com.br',
      'app.kiwify.com.br',
      'https://app.kiwify.com.br/webhooks',
      'https://*.kiwify.com.br',
      'ftp://files.example.com',
      'https://user:pw@example.com',
      'https://exa mple.com',
      '  ',
    ];
    const { origins, problems } = parseOriginAllowlist(entries);
    assert.deepEqual(origins, ['https://app.kiwify.com.br']);
    assert.deepEqual(
      problems.map((problem) => problem.index),
      [1, 2, 3, 4, 5, 6],
    );
    const messages = problems.map((problem) => problem.message);
    assert.match(messages[0] ?? '', /Add the scheme: https:\/\/app\.kiwify\.com\.br/);
    assert.match(messages[1] ?? '', /Remove the path.*https:\/\/app\.kiwify\.com\.br/);
    assert.match(messages[2] ?? '', /Wildcards are not supported/);
    assert.match(messages[3] ?? '', /https:\/\/ or http:\/\//);
  });
});

describe('checkOrigin', () => {
  it('an empty list accepts any call, with or without headers', () => {
    assert.equal(allowed([]), true);
    assert.equal(allowed(['', ' '], 'https://evil.example'), true);
  });

  it('exact match, case and default port normalized on both sides', () => {
    assert.equal(allowed(KIWIFY, 'https://app.kiwify.com.br'), true);
    assert.equal(allowed(KIWIFY, 'https://APP.kiwify.com.br:443'), true);
    assert.equal(allowed(['HTTPS://app.kiwify.com.br:443/'], 'https://app.kiwify.com.br'), true);
    assert.equal(allowed(KIWIFY, 'http://app.kiwify.com.br'), false);
    assert.equal(allowed(KIWIFY, 'https://app.kiwify.com.br:8443'), false);
    assert.equal(allowed(KIWIFY, 'https://kiwify.com.br'), false);
    assert.equal(allowed(KIWIFY, 'https://app.kiwify.com.br.evil.example'), false);
  });

  it('falls back to the origin of the Referer when there is no Origin', () => {
    assert.equal(allowed(KIWIFY, undefined, 'https://app.kiwify.com.br/checkout?x=1'), true);
    assert.equal(allowed(KIWIFY, undefined, 'https://other.example/page'), false);
    assert.equal(allowed(KIWIFY, undefined, 'not a url'), false);
  });

  it('the Origin header wins over the Referer', () => {
    assert.equal(allowed(KIWIFY, 'https://other.example', 'https://app.kiwify.com.br/'), false);
  });

  it('no header while a list is set: refused, with advice for server-to-server callers', () => {
    const outcome = checkOrigin(KIWIFY, { origin: undefined, referer: undefined });
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.equal(outcome.status, 403);
    assert.equal(outcome.code, 'origin_not_allowed');
    assert.match(outcome.message, /no Origin or Referer header/);
  });

  it('Origin: null matches nothing', () => {
    assert.equal(allowed(KIWIFY, 'null'), false);
    assert.equal(allowed(['null'], 'null'), false);
  });

  it('names the origin seen and what to do', () => {
    const outcome = checkOrigin(KIWIFY, { origin: 'https://Shop.Example:443', referer: undefined });
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.match(
      outcome.message,
      /Calls from origin https:\/\/shop\.example are not allowed: add it to the origin allowlist/,
    );
  });

  it('a list of only invalid entries accepts nobody', () => {
    assert.equal(allowed(['app.kiwify.com.br'], 'https://app.kiwify.com.br'), false);
  });
});
