import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkIpAllowlist,
  clientAddress,
  normalizeIpAddress,
  parseIpAllowlist,
} from '../../../../runtime/security/ip-allowlist';

function allows(entries: string[], address: string): boolean {
  return parseIpAllowlist(entries).matcher.allows(address);
}

describe('parseIpAllowlist', () => {
  it('an empty list (or only blank lines) accepts any address', () => {
    for (const entries of [[], ['', '   ']]) {
      const { matcher, problems } = parseIpAllowlist(entries);
      assert.deepEqual(problems, []);
      assert.equal(matcher.allows('203.0.113.9'), true);
      assert.equal(matcher.allows('2001:db8::1'), true);
      assert.equal(matcher.allows('garbage'), true);
    }
  });

  it('single IPv4 and IPv6 addresses match exactly', () => {
    const list = ['203.0.113.7', '2001:db8::42'];
    assert.equal(allows(list, '203.0.113.7'), true);
    assert.equal(allows(list, '203.0.113.8'), false);
    assert.equal(allows(list, '2001:db8::42'), true);
    assert.equal(allows(list, '2001:db8:0:0:0:0:0:42'), true);
    assert.equal(allows(list, '2001:db8::43'), false);
  });

  it('CIDR ranges, IPv4 and IPv6, including /0 and host bits set in the entry', () => {
    assert.equal(allows(['10.0.0.0/8'], '10.255.1.2'), true);
    assert.equal(allows(['10.0.0.0/8'], '11.0.0.1'), false);
    assert.equal(allows(['192.168.1.77/24'], '192.168.1.1'), true);
    assert.equal(allows(['2001:db8::/32'], '2001:db8:ffff::1'), true);
    assert.equal(allows(['2001:db8::/32'], '2001:db9::1'), false);
    assert.equal(allows(['0.0.0.0/0'], '8.8.8.8'), true);
    assert.equal(allows(['0.0.0.0/0'], '2001:db8::1'), false);
  });

  it('IPv4-mapped IPv6 matches IPv4 entries, both ways', () => {
    assert.equal(allows(['1.2.3.4/32'], '::ffff:1.2.3.4'), true);
    assert.equal(allows(['1.2.3.4'], '::ffff:102:304'), true);
    assert.equal(allows(['::ffff:1.2.3.4'], '1.2.3.4'), true);
    assert.equal(allows(['::ffff:10.0.0.0/104'], '10.9.8.7'), true);
    assert.equal(allows(['::ffff:10.0.0.0/104'], '11.0.0.1'), false);
    assert.equal(allows(['127.0.0.1'], '::ffff:127.0.0.1'), true);
  });

  it('ignores surrounding whitespace, brackets and zone ids', () => {
    assert.equal(allows(['  203.0.113.7  '], ' 203.0.113.7\t'), true);
    assert.equal(allows(['fe80::1'], 'fe80::1%eth0'), true);
    assert.equal(allows(['fe80::/10'], '[fe80::abcd%en0]'), true);
    assert.equal(allows(['fe80::1%lo0'], 'fe80::1'), true);
    assert.equal(allows(['::1'], '[::1]:4811'), true);
  });

  it('refuses an address that is not one', () => {
    for (const address of ['', 'localhost', '1.2.3', '1.2.3.4.5', '::g', '0x7f.0.0.1']) {
      assert.equal(allows(['0.0.0.0/0', '::/0'], address), false, address);
    }
  });

  it('reports invalid entries with their index and a clear message', () => {
    const entries = [
      '203.0.113.7',
      'example.com',
      '10.0.0.0/33',
      '2001:db8::/129',
      '1.2.3.4/abc',
      '127.1',
      '',
      '::ffff:10.0.0.0/8',
    ];
    const { problems } = parseIpAllowlist(entries);
    assert.deepEqual(
      problems.map((problem) => [problem.index, problem.entry]),
      [
        [1, 'example.com'],
        [2, '10.0.0.0/33'],
        [3, '2001:db8::/129'],
        [4, '1.2.3.4/abc'],
        [5, '127.1'],
        [7, '::ffff:10.0.0.0/8'],
      ],
    );
    assert.match(problems[0]?.message ?? '', /Not an IP address or CIDR range: write e\.g\./);
    assert.match(problems[1]?.message ?? '', /0 to 32 for an IPv4/);
    assert.match(problems[2]?.message ?? '', /0 to 128 for an IPv6/);
  });

  it('a list of only invalid entries accepts nobody (a typo must not open the webhook)', () => {
    const { matcher, problems } = parseIpAllowlist(['not-an-ip']);
    assert.equal(problems.length, 1);
    assert.equal(matcher.allows('203.0.113.7'), false);
  });
});

describe('checkIpAllowlist', () => {
  it('403 ip_not_allowed naming the normalized address and what to do', () => {
    const { matcher } = parseIpAllowlist(['203.0.113.0/24']);
    assert.deepEqual(checkIpAllowlist(matcher, '203.0.113.5'), { ok: true });
    const outcome = checkIpAllowlist(matcher, '::ffff:198.51.100.2');
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.equal(outcome.status, 403);
    assert.equal(outcome.code, 'ip_not_allowed');
    assert.match(
      outcome.message,
      /Calls from 198\.51\.100\.2 are not allowed: add .* IP allowlist/,
    );
    const unknown = checkIpAllowlist(matcher, '');
    assert.match(unknown.ok ? '' : unknown.message, /could not be determined/);
  });
});

describe('clientAddress', () => {
  it('a direct call is the socket peer; X-Forwarded-For is ignored (anyone can send it)', () => {
    assert.equal(
      clientAddress({
        socketAddress: '::ffff:198.51.100.9',
        forwardedFor: '203.0.113.7',
        viaTunnel: false,
      }),
      '198.51.100.9',
    );
    assert.equal(
      clientAddress({ socketAddress: undefined, forwardedFor: undefined, viaTunnel: false }),
      '',
    );
  });

  it('through the tunnel, the entry ngrok appended (right-most) is the caller', () => {
    assert.equal(
      clientAddress({ socketAddress: '127.0.0.1', forwardedFor: '198.51.100.23', viaTunnel: true }),
      '198.51.100.23',
    );
    assert.equal(
      clientAddress({ socketAddress: '::1', forwardedFor: ' 2001:db8::5 ', viaTunnel: true }),
      '2001:db8::5',
    );
  });

  it('through the tunnel, a spoofed X-Forwarded-For sent by the caller does not help it', () => {
    // The caller sent "X-Forwarded-For: 203.0.113.7" (an allowed address); ngrok appended
    // the address it really saw. Trusting the left-most entry would let the caller in.
    const { matcher } = parseIpAllowlist(['203.0.113.7']);
    const address = clientAddress({
      socketAddress: '127.0.0.1',
      forwardedFor: '203.0.113.7, 198.51.100.66',
      viaTunnel: true,
    });
    assert.equal(address, '198.51.100.66');
    assert.equal(matcher.allows(address), false);
    // The same header split over two lines (Node may hand over an array).
    assert.equal(
      clientAddress({
        socketAddress: '127.0.0.1',
        forwardedFor: ['203.0.113.7', '198.51.100.66'],
        viaTunnel: true,
      }),
      '198.51.100.66',
    );
  });

  it('through the tunnel, no usable entry gives "" so a non-empty allowlist refuses', () => {
    const { matcher } = parseIpAllowlist(['127.0.0.1']);
    for (const forwardedFor of [undefined, '', '203.0.113.7, garbage', 'unknown']) {
      const address = clientAddress({ socketAddress: '127.0.0.1', forwardedFor, viaTunnel: true });
      assert.equal(address, '', String(forwardedFor));
      assert.equal(matcher.allows(address), false);
    }
    assert.equal(
      clientAddress({
        socketAddress: '127.0.0.1',
        forwardedFor: '198.51.100.1:5555',
        viaTunnel: true,
      }),
      '198.51.100.1',
    );
  });
});

describe('normalizeIpAddress', () => {
  it('gives the canonical form, or undefined', () => {
    assert.equal(normalizeIpAddress('::ffff:1.2.3.4'), '1.2.3.4');
    assert.equal(normalizeIpAddress('2001:DB8:0:0::1'), '2001:db8::1');
    assert.equal(normalizeIpAddress('fe80::1%eth0'), 'fe80::1');
    assert.equal(normalizeIpAddress('nope'), undefined);
  });
});
