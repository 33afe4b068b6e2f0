// Customer binding (seed 001 "Customer Binding"), as pure functions: the store runs them
// inside its synchronous find-or-create, so they never await.
//
// Search logic (OR): a customer matching at least one flagged field, over the direct
// columns and customer_contacts. More than one match: the oldest wins and the others are
// reported (no silent merge). Update rules when found, the seed's table word for word:
//   Name                           Always updated
//   Email / Phone                  Updates the direct column if empty; otherwise adds to
//                                  customer_contacts
//   Document                       Updated only if currently empty
//   WhatsApp, Instagram, Telegram  Always added to customer_contacts (without overwriting)
// Not found: created with the mapped data — the same rules applied to an empty customer.
import {
  MAX_CONTACTS,
  MAX_VALUE_LENGTH,
  type Contact,
  type ContactType,
  type Customer,
  type CustomerField,
} from './customer';
import { normaliseValue, searchKey, type NormaliseOptions } from './normalize';

/**
 * What a row writes: a customer field, or `test-chat` — the contact a chat binding
 * registers (seed 001: "The contact is also registered in customer_contacts").
 */
export type BindingField = CustomerField | ContactType;

export interface BindingRow {
  field: BindingField;
  /** The value read from the body; missing or empty rows are skipped. */
  value: string | undefined;
  /** The seed's search icon. */
  search: boolean;
}

/** A value that did not normalise: kept as given, reported in the run's step. */
export interface ValueFlag {
  field: BindingField;
  value: string;
  reason: string;
}

export interface PreparedRow {
  field: BindingField;
  value: string;
  search: boolean;
  key: string;
}

export function prepareRows(
  rows: readonly BindingRow[],
  options: NormaliseOptions,
): { rows: PreparedRow[]; flags: ValueFlag[] } {
  const prepared: PreparedRow[] = [];
  const flags: ValueFlag[] = [];
  for (const row of rows) {
    if (row.value === undefined || row.value.trim() === '') continue;
    const raw = row.value.trim().slice(0, MAX_VALUE_LENGTH);
    const { value, normalised } = normaliseValue(row.field, raw, options);
    if (!normalised) {
      flags.push({
        field: row.field,
        value,
        reason: `not a valid ${row.field} value; kept as given`,
      });
    }
    prepared.push({
      field: row.field,
      value,
      search: row.search,
      key: searchKey(row.field, value),
    });
  }
  return { rows: prepared, flags };
}

/** Every key a customer is found by: its direct columns and its contacts. */
export function keysOf(customer: Customer): string[] {
  const keys: string[] = [];
  if (customer.name) keys.push(searchKey('name', customer.name));
  if (customer.email) keys.push(searchKey('email', customer.email));
  if (customer.phone) keys.push(searchKey('phone', customer.phone));
  if (customer.document) keys.push(searchKey('document', customer.document));
  for (const contact of customer.contacts) keys.push(searchKey(contact.type, contact.value));
  return [...new Set(keys)];
}

/** Oldest first: created time, then id (ids are time-ordered). */
export function compareAge(a: Customer, b: Customer): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface SearchResult {
  match: Customer | undefined;
  /** The other customers that matched, oldest first. */
  others: Customer[];
}

/** OR over the flagged rows' keys. */
export function searchCustomers(
  rows: readonly PreparedRow[],
  lookup: (key: string) => Iterable<Customer>,
): SearchResult {
  const found = new Map<string, Customer>();
  for (const row of rows) {
    if (!row.search) continue;
    for (const customer of lookup(row.key)) found.set(customer.id, customer);
  }
  const sorted = [...found.values()].sort(compareAge);
  return { match: sorted[0], others: sorted.slice(1) };
}

function hasContact(contacts: readonly Contact[], field: BindingField, value: string): boolean {
  const key = searchKey(field, value);
  return contacts.some(
    (contact) => contact.type === field && searchKey(contact.type, contact.value) === key,
  );
}

function addContact(contacts: Contact[], type: Contact['type'], value: string): void {
  if (contacts.length >= MAX_CONTACTS || hasContact(contacts, type, value)) return;
  contacts.push({ type, value });
}

/**
 * The customer after the update rules, as a new object (the input is not changed). Returns
 * the same object when nothing changed.
 */
export function applyUpdateRules(
  customer: Customer,
  rows: readonly PreparedRow[],
  now: string,
): Customer {
  const next: Customer = { ...customer, contacts: [...customer.contacts] };
  for (const { field, value } of rows) {
    switch (field) {
      case 'name':
        next.name = value;
        break;
      case 'email':
      case 'phone': {
        const column = next[field];
        if (column === undefined) next[field] = value;
        else if (searchKey(field, column) !== searchKey(field, value)) {
          addContact(next.contacts, field, value);
        }
        break;
      }
      case 'document':
        next.document ??= value;
        break;
      case 'whatsapp':
      case 'instagram':
      case 'telegram':
      case 'test-chat':
      case 'widget':
        addContact(next.contacts, field, value);
        break;
    }
  }
  const changed =
    next.name !== customer.name ||
    next.email !== customer.email ||
    next.phone !== customer.phone ||
    next.document !== customer.document ||
    next.contacts.length !== customer.contacts.length;
  if (!changed) return customer;
  next.updatedAt = now;
  return next;
}

export function emptyCustomer(id: string, now: string): Customer {
  return { id, contacts: [], chatIds: [], createdAt: now, updatedAt: now };
}
