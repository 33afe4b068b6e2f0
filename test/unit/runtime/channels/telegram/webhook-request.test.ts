// The webhook call check: secret header and body. Plain data; no Bot API involved (neither
// the real Telegram service nor the emulator).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWebhookRequest } from '../../../../../runtime/channels/telegram/webhook-request';

const body = { update_id: 1 };

test('the secret header is matched whatever its case, and must be the exact secret', () => {
  assert.ok(
    'update' in
      checkWebhookRequest({ 'X-Telegram-Bot-Api-Secret-Token': 's3cret' }, body, 's3cret'),
  );
  assert.ok(
    'update' in
      checkWebhookRequest({ 'x-telegram-bot-api-secret-token': 's3cret' }, body, 's3cret'),
  );
  for (const given of ['s3cre', 's3cret ', 'S3CRET', '']) {
    const checked = checkWebhookRequest(
      { 'x-telegram-bot-api-secret-token': given },
      body,
      's3cret',
    );
    assert.ok('refused' in checked && checked.refused.status === 401, given);
  }
  const repeated = checkWebhookRequest(
    { 'x-telegram-bot-api-secret-token': ['s3cret', 's3cret'] },
    body,
    's3cret',
  );
  assert.ok('refused' in repeated && repeated.refused.status === 401);
});

test('no secret set means webhook mode is off', () => {
  const checked = checkWebhookRequest({ 'x-telegram-bot-api-secret-token': 'x' }, body, undefined);
  assert.ok('refused' in checked && checked.refused.status === 404);
});

test('a raw body is parsed; a broken one is a 400 JSON error', () => {
  const headers = { 'x-telegram-bot-api-secret-token': 'k' };
  assert.ok('update' in checkWebhookRequest(headers, Buffer.from('{"update_id":2}'), 'k'));
  assert.ok('update' in checkWebhookRequest(headers, '{"update_id":2}', 'k'));
  const broken = checkWebhookRequest(headers, '{', 'k');
  assert.ok('refused' in broken);
  assert.deepEqual(broken.refused.status, 400);
  assert.equal((broken.refused.body as { error: { code: string } }).error.code, 'invalid_json');
});
