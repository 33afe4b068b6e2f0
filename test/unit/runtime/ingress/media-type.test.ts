import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyKind, parseContentType } from '../../../../runtime/ingress/media-type';

describe('parseContentType', () => {
  it('lowercases the media type and reads the charset', () => {
    assert.deepEqual(parseContentType('Application/JSON; Charset="UTF-8"'), {
      mediaType: 'application/json',
      charset: 'utf-8',
    });
    assert.deepEqual(parseContentType('text/plain;charset=ISO-8859-1;format=flowed'), {
      mediaType: 'text/plain',
      charset: 'iso-8859-1',
    });
    assert.deepEqual(parseContentType('multipart/form-data; boundary=abc'), {
      mediaType: 'multipart/form-data',
      charset: undefined,
    });
    assert.deepEqual(parseContentType(undefined), { mediaType: undefined, charset: undefined });
    assert.deepEqual(parseContentType(' ; charset='), { mediaType: undefined, charset: undefined });
  });
});

describe('bodyKind', () => {
  it('picks the parser from the media type', () => {
    const cases: [string | undefined, string][] = [
      ['application/json', 'json'],
      ['text/json', 'json'],
      ['application/vnd.api+json', 'json'],
      ['application/ld+json', 'json'],
      ['application/x-www-form-urlencoded', 'form'],
      ['multipart/form-data', 'multipart'],
      ['multipart/mixed', 'binary'],
      ['application/xml', 'xml'],
      ['text/xml', 'xml'],
      ['application/soap+xml', 'xml'],
      ['text/plain', 'text'],
      ['text/csv', 'text'],
      ['text/html', 'text'],
      ['image/png', 'binary'],
      ['application/octet-stream', 'binary'],
      ['image/svg+xml', 'binary'],
      ['garbage', 'binary'],
      ['/json', 'binary'],
      [undefined, 'binary'],
    ];
    for (const [mediaType, kind] of cases) assert.equal(bodyKind(mediaType), kind, mediaType);
  });
});
