import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { httpRequestConfigSchema } from '../../../../../runtime/nodes/http-request/definition';
import {
  requestReads,
  sampleScope,
  samplesFrom,
  sampleText,
  sampleValue,
} from '../../../../../renderer/nodes/http-request/sample-values';

const config = (input: unknown) => httpRequestConfigSchema.parse(input);

describe('requestReads', () => {
  it('lists what the URL, query, headers and body read, first use first, each once', () => {
    const reads = requestReads(
      config({
        url: 'https://api.example.com/users/{{ user.id }}?ref=$REF',
        query: [
          { name: 'page', value: '{{page}}' },
          { name: 'user_id', value: '' },
          { name: '', value: '' },
        ],
        headers: [
          { name: 'Authorization', value: 'Bearer {{secret}}', secretId: 's_abcdefgh12' },
          { name: 'X-Trace', value: '{{body.trace}}' },
        ],
        body: { kind: 'json', text: '{"total": {{order.total}}, "id": "{{user.id}}"}' },
      }),
    );
    assert.deepEqual(reads, [
      'user.id',
      'REF',
      'page',
      'body.trace',
      'order.total',
      // seed 002: an empty query value reads the variable of the same name
      'user_id',
    ]);
  });

  it('reads the form rows of a form body, and no body text of a body that is not sent', () => {
    assert.deepEqual(
      requestReads(
        config({
          url: 'https://x.test',
          body: { kind: 'form', text: '{{unused}}', form: [{ name: 'email', value: '{{email}}' }] },
        }),
      ),
      ['email'],
    );
    assert.deepEqual(
      requestReads(config({ url: 'https://x.test', body: { kind: 'none', text: '{{unused}}' } })),
      [],
    );
  });
});

describe('sample values', () => {
  it('reads JSON when it parses, else keeps the text', () => {
    assert.equal(sampleValue('42'), 42);
    assert.equal(sampleValue('true'), true);
    assert.deepEqual(sampleValue('{"a": 1}'), { a: 1 });
    assert.equal(sampleValue('Ann'), 'Ann');
    assert.equal(sampleValue(''), '');
  });

  it('shows a string that would read back as JSON with its quotes', () => {
    assert.equal(sampleText('Ann'), 'Ann');
    assert.equal(sampleText('42'), '"42"');
    assert.equal(sampleText(42), '42');
    assert.equal(sampleText({ a: 1 }), '{"a":1}');
    assert.equal(sampleText(undefined), '');
    assert.equal(sampleValue(sampleText('42')), '42');
  });

  it('builds nested scope from paths, skipping empty samples and the prototype', () => {
    const scope = sampleScope({
      'order.total': '42',
      'body.items[0].id': 'x',
      email: 'ann@example.com',
      unset: '',
      '__proto__.polluted': 'yes',
    });
    assert.deepEqual(scope, {
      order: { total: 42 },
      body: { items: [{ id: 'x' }] },
      email: 'ann@example.com',
    });
    assert.equal(Object.hasOwn(scope, 'polluted'), false);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.hasOwn(scope, 'unset'), false);
  });

  it('takes samples from a run’s scope, only those found', () => {
    const found = samplesFrom(['body.email', 'order.total', 'missing', 'bad path!'], {
      body: { email: 'ann@example.com' },
      order: { total: 42 },
    });
    assert.deepEqual(found, { 'body.email': 'ann@example.com', 'order.total': '42' });
  });
});
