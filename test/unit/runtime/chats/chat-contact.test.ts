import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chatKey, chatKeyParts } from '../../../../runtime/chats/chat-contact';

describe('chatKeyParts', () => {
  it('is chatKey split at its kind: the chats store finds a chat by it as by chatKey', () => {
    const contacts = [
      { type: 'whatsapp', value: '+5511999998888' },
      { type: 'phone', value: '+5511999998888' },
      { type: 'email', value: 'Ana@example.com' },
      { type: 'telegram', value: '123456' },
      { type: 'test-chat', value: 'Session:With:Colons' },
      { type: 'widget', value: 'wv_abc' },
    ] as const;
    for (const contact of contacts) {
      const { outer, inner } = chatKeyParts('whatsapp', contact);
      assert.equal(`${outer}:${inner}`, chatKey('whatsapp', contact));
    }
    // A WhatsApp number and the same number as a phone are one contact.
    assert.deepEqual(chatKeyParts('whatsapp', contacts[0]), chatKeyParts('whatsapp', contacts[1]));
  });
});
