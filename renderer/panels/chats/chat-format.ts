// How chats read in the designer: channel names, a chat in one line, delivery. Pure.
import type { Chat } from '../../../runtime/shared/chats';
import type { ChatBindingChannel } from '../../../runtime/shared/customer-chat-binding';

export const CHANNEL_LABELS: Record<ChatBindingChannel, string> = {
  'test-chat': 'Test chat',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  email: 'Email',
  instagram: 'Instagram',
  widget: 'Web widget',
};

/** "WhatsApp · +5521988887777": the chat's channel and who is on the other end. */
export function chatTitle(chat: Pick<Chat, 'channel' | 'contact'>): string {
  return `${CHANNEL_LABELS[chat.channel]} · ${chat.contact.value}`;
}

export function connectionText(chat: Pick<Chat, 'channel' | 'connected'>): string {
  return chat.connected
    ? 'connected'
    : `not connected: messages to ${CHANNEL_LABELS[chat.channel]} are recorded, not delivered`;
}
