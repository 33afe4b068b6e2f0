// Admin API shapes for customers (issue 13), browser-safe so the designer can use them.
import { z } from 'zod';
import {
  contactSchema,
  MAX_CONTACTS,
  MAX_VALUE_LENGTH,
  type ContactType,
  type Customer,
  type CustomerField,
} from '../customers/customer';

const editValue = z.string().trim().max(MAX_VALUE_LENGTH).nullable().optional();

/** An edit: each given column replaces the stored one (null or "" clears it). */
export const customerEditSchema = z.strictObject({
  name: editValue,
  email: editValue,
  phone: editValue,
  document: editValue,
  contacts: z.array(contactSchema.strict()).max(MAX_CONTACTS).optional(),
});
export type CustomerEdit = z.infer<typeof customerEditSchema>;

export const customerListQuerySchema = z.object({
  q: z.string().max(MAX_VALUE_LENGTH).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The `next` of a previous page. */
  after: z.string().max(100).optional(),
});

const importRowSchema = z.strictObject({
  name: z.string().max(MAX_VALUE_LENGTH).optional(),
  email: z.string().max(MAX_VALUE_LENGTH).optional(),
  phone: z.string().max(MAX_VALUE_LENGTH).optional(),
  document: z.string().max(MAX_VALUE_LENGTH).optional(),
  contacts: z.array(contactSchema).max(MAX_CONTACTS).optional(),
  // Exports carry these; on import they are ignored (ids are the store's).
  id: z.string().optional(),
  chatIds: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type CustomerImportRow = z.infer<typeof importRowSchema>;

export const MAX_IMPORT_ROWS = 100_000;

export const customerImportSchema = z.discriminatedUnion('format', [
  z.strictObject({
    format: z.literal('json'),
    customers: z.array(importRowSchema).max(MAX_IMPORT_ROWS),
  }),
  z.strictObject({ format: z.literal('csv'), csv: z.string().max(10_000_000) }),
]);

export {
  CONTACT_TYPES,
  type Contact,
  type ContactType,
  type Customer,
} from '../customers/customer';

/** `GET /api/customers`: newest first. */
export interface CustomerPage {
  items: Customer[];
  /** Pass as `after` for the next page; absent on the last one. */
  next?: string;
  total: number;
}

/** A value kept as given because it did not normalise (an edit's or an import row's). */
export interface CustomerValueFlag {
  field: CustomerField | ContactType;
  value: string;
  reason: string;
}

/** `PUT /api/customers/:id`. */
export interface CustomerEditResult {
  customer: Customer;
  flags: CustomerValueFlag[];
}

/** `POST /api/customers/import`: what happened to each row (rows count from 1). */
export interface CustomerImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: { row: number; message: string }[];
  flags: (CustomerValueFlag & { row: number })[];
}
