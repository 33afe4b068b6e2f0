// The Webhook Trigger's Customer & Chat tab (seed 001), as config: which payload fields
// find or create the customer, and which contact opens the chat. Browser-safe: the
// inspector, the node definition (publish problems) and the trigger's executor read it.
// Both toggles default off, so flows saved before this tab existed parse unchanged.
import { z } from 'zod';
import { CONTACT_TYPES, customerFieldSchema } from '../customers/customer';

const bodyPath = z.string().trim().max(300).default('');

export const customerBindingRowSchema = z.object({
  /** Stable row id for the list editor (React keys, field paths in problems). */
  id: z.string().min(1).max(64),
  /** Name, Email, Document, WhatsApp, Phone, Instagram, Telegram (seed: "customer field"). */
  field: customerFieldSchema,
  /** A path over the call, e.g. `body.customer.email`. */
  path: bodyPath,
  /** The seed's search icon 🔍: this field is used to find the customer (OR search). */
  search: z.boolean().default(false),
});
export type CustomerBindingRow = z.infer<typeof customerBindingRowSchema>;

export const customerBindingSchema = z.object({
  enabled: z.boolean().default(false),
  rows: z.array(customerBindingRowSchema).max(20).default([]),
});
export type CustomerBindingConfig = z.infer<typeof customerBindingSchema>;

/**
 * Channels a chat can be bound on. A registered channel (runtime/channels/registry.ts)
 * delivers; the others get their chat record, but a run cannot deliver to them until the
 * channel exists. The web widget's id is `widget` (its channel id); flows and chats saved
 * when it was listed as `web-widget` read as `widget`.
 */
export const CHAT_BINDING_CHANNELS = [
  'test-chat',
  'whatsapp',
  'telegram',
  'email',
  'instagram',
  'widget',
] as const;
export const chatBindingChannelSchema = z.union([
  z.enum(CHAT_BINDING_CHANNELS),
  z.literal('web-widget').transform((): 'widget' => 'widget'),
]);
export type ChatBindingChannel = z.infer<typeof chatBindingChannelSchema>;

/** A chat contact's type: the customer contact types (the test chat's session names among them). */
export const CHAT_CONTACT_TYPES = CONTACT_TYPES;
export const chatContactTypeSchema = z.enum(CHAT_CONTACT_TYPES);
export type ChatContactType = z.infer<typeof chatContactTypeSchema>;

export const chatBindingSchema = z.object({
  enabled: z.boolean().default(false),
  channel: chatBindingChannelSchema.default('test-chat'),
  /** Where the number, e-mail or handle is, e.g. `body.customer.phone`. */
  contactPath: bodyPath,
  contactType: chatContactTypeSchema.default('phone'),
});
export type ChatBindingConfig = z.infer<typeof chatBindingSchema>;

/** Seed 001's update-rules table, for the tab's hints (the store applies the rules). */
export const customerUpdateRuleHints: Record<z.infer<typeof customerFieldSchema>, string> = {
  name: 'Always updated',
  email: 'Updates the direct column if empty; otherwise adds to customer_contacts',
  phone: 'Updates the direct column if empty; otherwise adds to customer_contacts',
  document: 'Updated only if currently empty',
  whatsapp: 'Always added to customer_contacts (without overwriting)',
  instagram: 'Always added to customer_contacts (without overwriting)',
  telegram: 'Always added to customer_contacts (without overwriting)',
};
