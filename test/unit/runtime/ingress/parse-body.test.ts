import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ApiError } from '../../../../runtime/api/api-error';
import { parseBody, type ParseOptions } from '../../../../runtime/ingress/parse-body';

async function refusal(
  raw: Buffer | string,
  contentType: string | undefined,
  options?: ParseOptions,
): Promise<ApiError> {
  try {
    await parseBody(Buffer.from(raw), contentType, options);
  } catch (error) {
    assert.ok(error instanceof ApiError, `an ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the body to be refused');
}

describe('parseBody', () => {
  it('parses JSON of every JSON media type', async () => {
    for (const type of [
      'application/json',
      'text/json',
      'application/vnd.api+json; charset=utf-8',
    ]) {
      const parsed = await parseBody(Buffer.from('{"user":{"name":"Ann"}}'), type);
      assert.equal(parsed.kind, 'json', type);
      assert.deepEqual(parsed.value, { user: { name: 'Ann' } });
      assert.deepEqual(parsed.files, []);
    }
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[1]')]);
    assert.deepEqual((await parseBody(bom, 'application/json')).value, [1], 'a BOM is dropped');
    assert.equal((await parseBody(Buffer.from('7'), 'application/json')).value, 7);
  });

  it('refuses malformed JSON with 400 invalid_json', async () => {
    const error = await refusal('{"a":1,}', 'application/json');
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_json');
    assert.match(error.message, /line 1, column 8/);
  });

  it('parses URL-encoded forms with URLSearchParams semantics and nesting', async () => {
    const parsed = await parseBody(
      Buffer.from('name=Ana+L%C3%BAcia&customer%5Bemail%5D=a%40x.io&tag=a&tag=b&empty='),
      'application/x-www-form-urlencoded; charset=UTF-8',
    );
    assert.equal(parsed.kind, 'form');
    assert.equal(parsed.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(parsed.value, {
      name: 'Ana Lúcia',
      customer: { email: 'a@x.io' },
      tag: ['a', 'b'],
      empty: '',
    });
  });

  it('limits the number of form fields', async () => {
    const form = 'a=1&b=2&c=3';
    assert.deepEqual(
      (await parseBody(Buffer.from(form), 'application/x-www-form-urlencoded', { maxFields: 3 }))
        .value,
      {
        a: '1',
        b: '2',
        c: '3',
      },
    );
    const error = await refusal(form, 'application/x-www-form-urlencoded', { maxFields: 2 });
    assert.equal(error.status, 413);
    assert.equal(error.code, 'too_many_fields');
    assert.match(error.message, /more than 2 fields/);
    const defaults = await refusal(
      Array.from({ length: 1001 }, (_, i) => `f${i}=x`).join('&'),
      'application/x-www-form-urlencoded',
    );
    assert.match(defaults.message, /more than 1000 fields/);
  });

  it('parses XML of every XML media type, honouring the declared encoding', async () => {
    for (const type of ['application/xml', 'text/xml', 'application/soap+xml; charset=utf-8']) {
      const parsed = await parseBody(Buffer.from('<note><to>Tove</to></note>'), type);
      assert.equal(parsed.kind, 'xml', type);
      assert.deepEqual(parsed.value, { note: { to: 'Tove' } });
    }
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><n><to>João</to></n>',
      'latin1',
    );
    assert.deepEqual((await parseBody(latin1, 'application/xml')).value, { n: { to: 'João' } });
    const error = await refusal('<note><to>x</note>', 'application/xml');
    assert.deepEqual([error.status, error.code], [400, 'invalid_xml']);
  });

  it('decodes text with its charset, UTF-8 by default', async () => {
    assert.equal((await parseBody(Buffer.from('olá ✓'), 'text/plain')).value, 'olá ✓');
    assert.equal(
      (await parseBody(Buffer.from('olá', 'latin1'), 'text/csv; charset=latin1')).value,
      'olá',
    );
    assert.equal(
      (await parseBody(Buffer.from('hi', 'utf16le'), 'text/plain; charset=utf-16le')).value,
      'hi',
    );
    const parsed = await parseBody(Buffer.from('<p>hi</p>'), 'text/html');
    assert.deepEqual([parsed.kind, parsed.value], ['text', '<p>hi</p>']);
    assert.equal(
      (await parseBody(Buffer.from([0x61, 0xff, 0x62]), 'text/plain')).value,
      'a\ufffdb',
      'invalid UTF-8 becomes U+FFFD, not an error',
    );
  });

  it('refuses an unknown charset with 415', async () => {
    for (const type of ['text/plain; charset=klingon', 'application/json; charset=nope']) {
      const error = await refusal('hi', type);
      assert.deepEqual([error.status, error.code], [415, 'unsupported_charset'], type);
      assert.match(error.message, /is not supported; send the body as UTF-8/);
    }
  });

  it('leaves other bodies binary with no value', async () => {
    for (const type of [
      'image/png',
      'application/octet-stream',
      'multipart/mixed; boundary=x',
      'nonsense',
      undefined,
    ]) {
      const parsed = await parseBody(Buffer.from([0x89, 0x50, 0x4e, 0x47]), type);
      assert.equal(parsed.kind, 'binary', type);
      assert.equal(parsed.value, undefined);
    }
  });

  it('calls an empty body empty whatever its type', async () => {
    for (const type of ['application/json', 'multipart/form-data', 'text/xml', undefined]) {
      const parsed = await parseBody(Buffer.alloc(0), type, { requireContentType: 'json' });
      assert.deepEqual(parsed, {
        kind: 'empty',
        contentType: parsed.contentType,
        value: undefined,
        files: [],
      });
    }
  });

  it('refuses a body of another kind when one is required', async () => {
    const cases: [ParseOptions['requireContentType'], string | undefined, string][] = [
      [
        'json',
        'text/plain',
        'This webhook expects JSON (Content-Type: application/json); it received text/plain',
      ],
      [
        'json',
        undefined,
        'This webhook expects JSON (Content-Type: application/json); it received a body without a Content-Type',
      ],
      [
        'form',
        'application/json',
        'This webhook expects a URL-encoded form (Content-Type: application/x-www-form-urlencoded); it received application/json',
      ],
      [
        'multipart',
        'application/x-www-form-urlencoded',
        'This webhook expects a multipart form (Content-Type: multipart/form-data); it received application/x-www-form-urlencoded',
      ],
      [
        'xml',
        'application/json',
        'This webhook expects XML (Content-Type: application/xml); it received application/json',
      ],
      [
        'text',
        'application/xml',
        'This webhook expects text (Content-Type: text/plain); it received application/xml',
      ],
    ];
    for (const [requireContentType, type, message] of cases) {
      const error = await refusal('x', type, { requireContentType });
      assert.deepEqual(
        [error.status, error.code, error.message],
        [415, 'unsupported_media_type', message],
      );
    }
    const accepted = await parseBody(Buffer.from('{"a":1}'), 'application/ld+json', {
      requireContentType: 'json',
    });
    assert.deepEqual(accepted.value, { a: 1 });
  });

  it('throws nothing but ApiError for arbitrary bytes and content types', async () => {
    const boundary = 'b0und';
    const contentType = fc.oneof(
      fc.constantFrom(
        undefined,
        'application/json',
        'application/json; charset=utf-16le',
        'application/problem+json',
        'application/x-www-form-urlencoded',
        `multipart/form-data; boundary=${boundary}`,
        'multipart/form-data',
        'multipart/form-data; boundary="unterminated',
        'application/xml',
        'text/xml; charset=latin1',
        'text/plain; charset=utf-8',
        'text/plain; charset=x-unknown',
        'image/png',
      ),
      fc.string(),
      fc.string().map((rest) => `multipart/form-data; ${rest}`),
      fc.string().map((rest) => `text/plain; charset=${rest}`),
    );
    const multipartish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            `--${boundary}\r\n`,
            `\r\n--${boundary}--\r\n`,
            'Content-Disposition: form-data; name="a[b][]"\r\n',
            'Content-Disposition: form-data; name="f"; filename="x.txt"\r\n',
            'Content-Type: application/octet-stream\r\n',
            '\r\n',
          ),
          fc.string(),
        ),
        { maxLength: 12 },
      )
      .map((parts) => Buffer.from(parts.join('')));
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
      fc.json().map((text) => Buffer.from(text)),
      fc.string().map((text) => Buffer.from(text)),
      fc
        .array(fc.tuple(fc.string(), fc.string()), { maxLength: 20 })
        .map((pairs) => Buffer.from(new URLSearchParams(pairs).toString())),
      fc
        .array(
          fc.constantFrom(
            '<a>',
            '</a>',
            '<b x="1">',
            '</b>',
            '&amp;',
            '&lol;',
            '<!DOCTYPE a [<!ENTITY lol "x">]>',
            'text',
            '<![CDATA[',
            ']]>',
          ),
          { maxLength: 12 },
        )
        .map((parts) => Buffer.from(parts.join(''))),
      multipartish,
    );
    const options = fc.record(
      {
        requireContentType: fc.constantFrom('json', 'form', 'multipart', 'xml', 'text' as const),
        fileContentLimitBytes: fc.nat(64),
        maxFields: fc.nat(5),
        maxFiles: fc.nat(3),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, contentType, options, async (raw, type, parseOptions) => {
        try {
          const parsed = await parseBody(raw, type, parseOptions);
          assert.ok(
            ['json', 'form', 'multipart', 'xml', 'text', 'binary', 'empty'].includes(parsed.kind),
          );
        } catch (error) {
          assert.ok(error instanceof ApiError, `only ApiError escapes: ${String(error)}`);
          assert.ok([400, 413, 415].includes(error.status), `status ${error.status}`);
        }
      }),
      { numRuns: 2000 },
    );
    assert.equal(Reflect.get({}, 'polluted'), undefined);
  });
});
