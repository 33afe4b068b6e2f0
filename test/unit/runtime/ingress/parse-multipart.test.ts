import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../../runtime/api/api-error';
import { parseBody, type ParseOptions } from '../../../../runtime/ingress/parse-body';

async function refusal(
  raw: Buffer | string,
  contentType: string,
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

/** A multipart body encoded by the platform's own FormData serializer. */
async function encodeForm(form: FormData): Promise<{ raw: Buffer; contentType: string }> {
  const response = new Response(form);
  return {
    raw: Buffer.from(await response.arrayBuffer()),
    contentType: response.headers.get('content-type') ?? '',
  };
}

describe('parseBody: multipart/form-data', () => {
  it('parses multipart fields with nesting and lists files', async () => {
    const form = new FormData();
    form.append('items[0][sku]', 'A1');
    form.append('items[1][sku]', 'B2');
    form.append('note', 'olá');
    form.append('doc', new Blob(['hello'], { type: 'text/plain' }), 'relatório.txt');
    form.append('big', new Blob([Buffer.alloc(300 * 1024, 1)]), 'big.bin');
    const { raw, contentType } = await encodeForm(form);
    const parsed = await parseBody(raw, contentType);
    assert.equal(parsed.kind, 'multipart');
    assert.equal(parsed.contentType, 'multipart/form-data');
    assert.deepEqual(parsed.value, { items: [{ sku: 'A1' }, { sku: 'B2' }], note: 'olá' });
    const [doc, big] = parsed.files;
    assert.deepEqual(doc, {
      field: 'doc',
      filename: 'relatório.txt',
      mimeType: 'text/plain',
      size: 5,
      content: Buffer.from('hello'),
      truncated: false,
    });
    assert.deepEqual(big, {
      field: 'big',
      filename: 'big.bin',
      mimeType: 'application/octet-stream',
      size: 300 * 1024,
      truncated: true,
    });
  });

  it('keeps file content up to exactly the limit', async () => {
    const form = new FormData();
    form.append('at', new Blob([Buffer.alloc(10, 1)]), 'at.bin');
    form.append('over', new Blob([Buffer.alloc(11, 1)]), 'over.bin');
    const { raw, contentType } = await encodeForm(form);
    const parsed = await parseBody(raw, contentType, { fileContentLimitBytes: 10 });
    assert.deepEqual(
      parsed.files.map((file) => [file.size, file.truncated, file.content?.length]),
      [
        [10, false, 10],
        [11, true, undefined],
      ],
    );
  });

  it('strips directories from filenames and records nameless octet-stream parts', async () => {
    const boundary = 'XyZ';
    const raw = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="upload"; filename="C:\\Users\\ann\\photo.jpg"',
        'Content-Type: image/jpeg',
        '',
        'JPEGDATA',
        `--${boundary}`,
        'Content-Disposition: form-data; name="blob"',
        'Content-Type: application/octet-stream',
        '',
        'BYTES',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const parsed = await parseBody(raw, `multipart/form-data; boundary=${boundary}`);
    assert.deepEqual(
      parsed.files.map(({ field, filename, mimeType, size }) => ({
        field,
        filename,
        mimeType,
        size,
      })),
      [
        { field: 'upload', filename: 'photo.jpg', mimeType: 'image/jpeg', size: 8 },
        { field: 'blob', filename: '', mimeType: 'application/octet-stream', size: 5 },
      ],
    );
    assert.deepEqual(parsed.value, {});
  });

  it('limits multipart fields and files with 413', async () => {
    const form = new FormData();
    for (let i = 0; i < 3; i += 1) form.append(`f${i}`, 'x');
    for (let i = 0; i < 3; i += 1) form.append(`file${i}`, new Blob(['x']), `${i}.txt`);
    const { raw, contentType } = await encodeForm(form);
    const fields = await refusal(raw, contentType, { maxFields: 2 });
    assert.deepEqual([fields.status, fields.code], [413, 'too_many_fields']);
    assert.match(fields.message, /more than 2 fields/);
    const files = await refusal(raw, contentType, { maxFiles: 2 });
    assert.deepEqual([files.status, files.code], [413, 'too_many_files']);
    assert.match(files.message, /more than 2 files/);
  });

  it('refuses malformed multipart with 400 invalid_multipart', async () => {
    const cases: [string, string][] = [
      ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue', 'multipart/form-data'],
      [
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue',
        'multipart/form-data; boundary=',
      ],
      ['no boundary anywhere in here', 'multipart/form-data; boundary=abc'],
      [
        '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue never ends',
        'multipart/form-data; boundary=abc',
      ],
    ];
    for (const [body, contentType] of cases) {
      const error = await refusal(body, contentType);
      assert.deepEqual(
        [error.status, error.code],
        [400, 'invalid_multipart'],
        `${contentType} ${body}`,
      );
      assert.match(error.message, /not a valid multipart\/form-data message: \S/);
    }
  });
});
