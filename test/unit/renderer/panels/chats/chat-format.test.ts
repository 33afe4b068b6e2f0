import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chatTitle, connectionText } from '../../../../../renderer/panels/chats/chat-format';

describe('chat-format', () => {
  it('titles a chat by channel and contact', () => {
    assert.equal(
      chatTitle({ channel: 'whatsapp', contact: { type: 'whatsapp', value: '+5521988887777' } }),
      'WhatsApp · +5521988887777',
    );
    assert.equal(
      chatTitle({ channel: 'test-chat', contact: { type: 'test-chat', value: 's_1' } }),
      'Test chat · s_1',
    );
  });
  it('says what a channel that is not connected does with messages', () => {
    assert.equal(connectionText({ channel: 'test-chat', connected: true }), 'connected');
    assert.equal(
      connectionText({ channel: 'telegram', connected: false }),
      'not connected: messages to Telegram are recorded, not delivered',
    );
  });
});
