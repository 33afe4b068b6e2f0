// A chat's contact, normalised like a customer's (runtime/customers/normalize.ts): emails
// with the domain lower-cased, phone and WhatsApp numbers in E.164 with the default
// country from settings, handles without "@". A test chat or web widget contact is a
// session key and is kept as given (trimmed). A value that does not normalise is kept as given and flagged.
import { MAX_VALUE_LENGTH, SESSION_CONTACT_TYPES } from '../customers/customer';
import { compareValue, keyKind, normaliseValue, searchKey } from '../customers/normalize';
import type { ChatBindingChannel, ChatContactType } from '../shared/customer-chat-binding';

export interface ChatContact {
  type: ChatContactType;
  value: string;
}

export interface NormalisedContact {
  contact: ChatContact;
  /** False: the value did not normalise and is kept as given. */
  normalised: boolean;
}

export function normaliseChatContact(
  contact: ChatContact,
  defaultCountry: string | undefined,
): NormalisedContact {
  const raw = contact.value.trim().slice(0, MAX_VALUE_LENGTH);
  if (SESSION_CONTACT_TYPES.includes(contact.type)) {
    return { contact: { type: contact.type, value: raw }, normalised: raw !== '' };
  }
  const { value, normalised } = normaliseValue(contact.type, raw, { defaultCountry });
  return { contact: { type: contact.type, value }, normalised };
}

/**
 * What makes two chats the same: the channel and the normalised contact, compared the way
 * customers are (a WhatsApp number and the same number as a phone are one contact).
 */
export function chatKey(channel: ChatBindingChannel, contact: ChatContact): string {
  const key = SESSION_CONTACT_TYPES.includes(contact.type)
    ? `${contact.type}:${contact.value}`
    : searchKey(contact.type, contact.value);
  return `${channel}\n${key}`;
}

/**
 * chatKey() in two parts, `channel\nkind` and the compared value, for an index that keys
 * its inner maps by the chats' own strings (the chats store).
 */
export function chatKeyParts(
  channel: ChatBindingChannel,
  contact: ChatContact,
): { outer: string; inner: string } {
  return {
    outer: `${channel}\n${keyKind(contact.type)}`,
    inner: compareValue(contact.type, contact.value),
  };
}
