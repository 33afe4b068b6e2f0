// The customer record (seed 001 "Tab: Customer & Chat"): the direct columns Name, Email,
// Phone, Document, a list of customer_contacts (type + value), created/updated times and
// the chats linked to it. Browser-safe shapes and zod schemas; the store and binding logic
// live beside this file.
import { z } from 'zod';

/** The contact kinds a binding row can map; `email` and `phone` mirror the columns. */
export const CUSTOMER_CONTACT_FIELDS = [
  'email',
  'phone',
  'whatsapp',
  'instagram',
  'telegram',
] as const;

/**
 * Contact types a customer_contacts row may have: those, plus `test-chat` — a test chat
 * session a chat binding registered (seed 001: "The contact is also registered in
 * customer_contacts") — and `widget`, a web widget visitor's session. No webhook field maps
 * to them, so they are not binding fields.
 */
export const CONTACT_TYPES = [...CUSTOMER_CONTACT_FIELDS, 'test-chat', 'widget'] as const;

/** Contact types whose value is a session key: compared as given, never normalised. */
export const SESSION_CONTACT_TYPES: readonly ContactType[] = ['test-chat', 'widget'];
export const contactTypeSchema = z.enum(CONTACT_TYPES);
export type ContactType = z.infer<typeof contactTypeSchema>;

/** The fields a binding row can map (the seed's "customer field"). */
export const CUSTOMER_FIELDS = ['name', 'document', ...CUSTOMER_CONTACT_FIELDS] as const;
export const customerFieldSchema = z.enum(CUSTOMER_FIELDS);
export type CustomerField = z.infer<typeof customerFieldSchema>;

// Bounds so one hostile webhook cannot grow a customer without limit.
export const MAX_VALUE_LENGTH = 320;
export const MAX_CONTACTS = 200;
export const MAX_CHATS = 200;

export const contactSchema = z.object({
  type: contactTypeSchema,
  value: z.string().min(1).max(MAX_VALUE_LENGTH),
});
export type Contact = z.infer<typeof contactSchema>;

export const CUSTOMER_ID_PATTERN = /^cus_[0-9a-z]{8,40}$/;

const optionalValue = z.string().min(1).max(MAX_VALUE_LENGTH).optional();

export const customerSchema = z.object({
  id: z.string().regex(CUSTOMER_ID_PATTERN),
  name: optionalValue,
  email: optionalValue,
  phone: optionalValue,
  document: optionalValue,
  contacts: z.array(contactSchema).max(MAX_CONTACTS),
  // What the API answers is the chats that name this customer (ChatsStore.chatIdsOf): the
  // link lives on the chat. Stored customers may still hold the ids linked by an earlier
  // version here; the store no longer writes them, the API never reads them.
  chatIds: z.array(z.string().min(1).max(200)).max(MAX_CHATS),
  /** ISO times. */
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

/** The direct columns a field writes to, if any. */
export type DirectColumn = 'name' | 'email' | 'phone' | 'document';
