// bindChat: what a call_node URL `…/{channel}/{chatId}` answers (seed 000 with real
// channels): 404 for a channel Hookflow does not have, 409 for one that is not connected,
// the channel's own refusal (seed 004), 404 for a chat it does not know; each naming the
// channels that can take a run now.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../../runtime/api/api-error';
import { bindChat, type IngressChannel } from '../../../../runtime/ingress/run-dispatch';

const channels: IngressChannel<string>[] = [
  { name: 'test-chat', bind: (key) => (key.startsWith('tc_') ? `test-chat:${key}` : undefined) },
  {
    name: 'telegram',
    bind: (key) => `telegram:${key}`,
    unavailable: () => undefined,
    refuse: (key) =>
      key === '1'
        ? { status: 409, code: 'not_written_first', message: 'Telegram: has not written' }
        : undefined,
  },
  {
    name: 'widget',
    bind: () => 'widget',
    unavailable: () => ({ message: 'Not set up', action: 'Pick a flow in Channels' }),
  },
];

function refusal(channel: string, chatId: string): ApiError {
  try {
    bindChat(channels, channel, chatId);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('bound');
}

describe('bindChat', () => {
  it('binds a chat on a connected channel', () => {
    assert.equal(bindChat(channels, 'test-chat', 'tc_1'), 'test-chat:tc_1');
    assert.equal(bindChat(channels, 'telegram', '2'), 'telegram:2');
  });

  it('names the available channels when it refuses', () => {
    const unknown = refusal('viber', '1');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.code, 'unknown_channel');
    assert.equal(
      unknown.message,
      'There is no channel "viber". Available channels: test-chat, telegram.',
    );
    assert.deepEqual(unknown.details, { channels: ['test-chat', 'telegram'] });

    const down = refusal('widget', 'x');
    assert.equal(down.status, 409);
    assert.equal(down.code, 'channel_not_connected');
    assert.equal(
      down.message,
      'The widget channel is not connected (Not set up. Pick a flow in Channels). ' +
        'Available channels: test-chat, telegram.',
    );

    const first = refusal('telegram', '1');
    assert.deepEqual(
      [first.status, first.code, first.message],
      [409, 'not_written_first', 'Telegram: has not written'],
    );

    const missing = refusal('test-chat', 'nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.code, 'chat_not_found');
  });
});
