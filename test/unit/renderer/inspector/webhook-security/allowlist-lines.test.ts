import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hasEntry,
  ipAllowlistProblems,
  ipEntryProblem,
  listLines,
  originAllowlistProblems,
  originEntryProblem,
  withEntry,
} from '../../../../../renderer/inspector/webhook-security/allowlist-lines';
import { parseIpAllowlist } from '../../../../../runtime/security/ip-allowlist';
import { parseOriginAllowlist } from '../../../../../runtime/security/origin-allowlist';

// What the runtime's parsers (ipaddr.js, Node) say about each entry: the designer's twin
// must agree, or a line shown as fine would never match (or the other way round).
const IP_SAMPLES = [
  '203.0.113.7',
  '203.0.113.0/24',
  '10.0.0.0/8',
  '0.0.0.0/0',
  '255.255.255.255',
  '256.1.1.1',
  '1.2.3',
  '127.1',
  '0x7f.0.0.1',
  '01.2.3.4',
  '1.2.3.4/33',
  '1.2.3.4/-1',
  '1.2.3.4/ 8',
  '1.2.3.4/',
  '2001:db8::/32',
  '2001:db8::1',
  '::1',
  '::',
  '[::1]',
  'fe80::1%eth0',
  '::ffff:1.2.3.4',
  '::ffff:10.0.0.0/104',
  '::ffff:10.0.0.0/64',
  '2001:db8::/129',
  '2001:db8:::1',
  '2001:db8::g',
  '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9',
  'localhost',
  'example.com',
  '1.2.3.4 5.6.7.8',
  '*',
];

const ORIGIN_SAMPLES = [
  'https://app.kiwify.com.br',
  'http://localhost:3000',
  'https://app.example.com:443',
  'https://*.example.com',
  'app.example.com',
  '//app.example.com',
  'ftp://files.example.com',
  'https://user:pw@example.com',
  'https://example.com/path',
  'https://example.com/?a=1',
  'https://example.com#x',
  'https://',
  'HTTPS://EXAMPLE.COM',
  'https://exa mple.com',
];

describe('allowlist lines', () => {
  it('splits text into trimmed, non-blank entries', () => {
    assert.deepEqual(listLines(' 1.2.3.4 \n\n  \r\n10.0.0.0/8\n'), ['1.2.3.4', '10.0.0.0/8']);
    assert.deepEqual(listLines(''), []);
  });

  it('agrees with the runtime on every IP entry', () => {
    for (const entry of IP_SAMPLES) {
      const server = parseIpAllowlist([entry]).problems[0]?.message;
      assert.equal(ipEntryProblem(entry.trim()), server, `entry ${JSON.stringify(entry)}`);
    }
  });

  it('agrees with the runtime on every origin entry', () => {
    for (const entry of ORIGIN_SAMPLES) {
      const server = parseOriginAllowlist([entry]).problems[0]?.message;
      assert.equal(originEntryProblem(entry.trim()), server, `entry ${JSON.stringify(entry)}`);
    }
  });

  it('reports problems by the line they are on', () => {
    assert.deepEqual(ipAllowlistProblems('1.2.3.4\n\nnope\n10.0.0.0/8'), [
      {
        line: 3,
        entry: 'nope',
        message:
          'Not an IP address or CIDR range: write e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32',
      },
    ]);
    assert.deepEqual(
      originAllowlistProblems('https://a.example\nb.example').map((p) => [p.line, p.message]),
      [[2, 'Add the scheme: https://b.example']],
    );
  });

  it('adds an entry once, whatever its case', () => {
    assert.deepEqual(withEntry(['1.2.3.4'], '5.6.7.8'), ['1.2.3.4', '5.6.7.8']);
    assert.deepEqual(withEntry(['https://A.example'], 'https://a.example'), ['https://A.example']);
    assert.equal(hasEntry([' 1.2.3.4 '], '1.2.3.4'), true);
    assert.equal(hasEntry([], '1.2.3.4'), false);
  });
});
