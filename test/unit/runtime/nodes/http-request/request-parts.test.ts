import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fillRequest,
  type RequestParts,
} from '../../../../../runtime/nodes/http-request/request-parts';

const scope = { ORDER_ID: 'ord 1', EMAIL: 'ana@example.com', body: { total: 12.5 } };
const secrets = (id: string) =>
  id === 'sec_1' ? { value: 's3cr3t', name: 'CRM token' } : undefined;

function parts(overrides: Partial<RequestParts>): RequestParts {
  return {
    url: 'https://api.example.com/orders',
    headers: [],
    query: [],
    body: { kind: 'none', text: '', form: [] },
    ...overrides,
  };
}

test('URL and query rows interpolate; an empty query value is read from the same-named variable', () => {
  const result = fillRequest(
    parts({
      url: 'https://api.example.com/orders/$ORDER_ID',
      query: [
        { name: 'EMAIL', value: '' },
        { name: 'total', value: '{{body.total}}' },
        { name: '', value: 'ignored' },
      ],
    }),
    scope,
    secrets,
  );
  assert.ok(result.ok);
  assert.equal(
    result.request.url,
    'https://api.example.com/orders/ord%201?EMAIL=ana%40example.com&total=12.5',
  );
});

test('a secret header gets its value, shown as the secret’s name; a placeholder keeps a prefix', () => {
  const result = fillRequest(
    parts({
      headers: [
        { name: 'Authorization', value: 'Bearer {{secret}}', secretId: 'sec_1' },
        { name: 'X-Api-Key', value: '', secretId: 'sec_1' },
        { name: 'X-Order', value: '$ORDER_ID' },
      ],
    }),
    scope,
    secrets,
  );
  assert.ok(result.ok);
  assert.deepEqual(result.request.headers, {
    Authorization: 'Bearer s3cr3t',
    'X-Api-Key': 's3cr3t',
    'X-Order': 'ord 1',
  });
  assert.deepEqual(result.request.shownHeaders, {
    Authorization: 'Bearer [secret CRM token]',
    'X-Api-Key': '[secret CRM token]',
    'X-Order': 'ord 1',
  });
  assert.ok(!JSON.stringify(result.request.shownHeaders).includes('s3cr3t'));
});

test('a secret that is not stored stops the request with a clear reason', () => {
  const result = fillRequest(
    parts({ headers: [{ name: 'Authorization', value: '', secretId: 'sec_gone' }] }),
    scope,
    secrets,
  );
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.message, /secret for the Authorization header/);
});

test('the body kind sets the content type unless a header says otherwise', () => {
  const json = fillRequest(
    parts({ body: { kind: 'json', text: '{"total": {{body.total}}}', form: [] } }),
    scope,
    secrets,
  );
  assert.ok(json.ok);
  assert.equal(json.request.body, '{"total": 12.5}');
  assert.equal(json.request.headers['Content-Type'], 'application/json');
  const form = fillRequest(
    parts({
      headers: [
        { name: 'content-type', value: 'application/x-www-form-urlencoded; charset=utf-8' },
      ],
      body: { kind: 'form', text: '', form: [{ name: 'email', value: '$EMAIL' }] },
    }),
    scope,
    secrets,
  );
  assert.ok(form.ok);
  assert.equal(form.request.body, 'email=ana%40example.com');
  assert.deepEqual(Object.keys(form.request.headers), ['content-type']);
  const xml = fillRequest(
    parts({ body: { kind: 'xml', text: '<id>$ORDER_ID</id>', form: [] } }),
    scope,
    secrets,
  );
  assert.ok(xml.ok);
  assert.equal(xml.request.body, '<id>ord 1</id>');
  assert.equal(xml.request.headers['Content-Type'], 'application/xml');
});

test('a URL that is not valid once filled in is refused', () => {
  const result = fillRequest(parts({ url: '{{body.missing}}/orders' }), scope, secrets);
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.message, /URL is not valid/);
});
