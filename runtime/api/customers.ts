// The customers admin API (issue 13): list/search paged by any contact value, get, edit,
// delete, import and export. Deleting a customer keeps the runs that named it; they show
// an unknown customer id from then on (run records are never rewritten). Its chats are
// kept too, without the link.
import {
  compareAge,
  prepareRows,
  type BindingField,
  type BindingRow,
  type ValueFlag,
} from '../customers/binding';
import { CsvError, parseCsv, toCsv } from '../customers/csv';
import {
  CONTACT_TYPES,
  CUSTOMER_ID_PATTERN,
  type Contact,
  type Customer,
  type CustomerField,
} from '../customers/customer';
import { normaliseValue, searchKey } from '../customers/normalize';
import {
  customerEditSchema,
  customerImportSchema,
  customerListQuerySchema,
  MAX_IMPORT_ROWS,
  type CustomerEditResult,
  type CustomerImportResult,
  type CustomerImportRow,
  type CustomerPage,
} from '../shared/customers';
import type { ChatService } from '../chats/chat-service';
import type { CustomersStore } from '../store/customers-store';
import { ApiError, notFound, parseInput } from './api-error';

// The shapes live in runtime/shared (the designer reads them too); named here as well for
// callers of this module.
export type { CustomerPage, CustomerImportResult as ImportResult } from '../shared/customers';

export interface CustomersContext {
  customers: CustomersStore;
  defaultCountry: () => string | undefined;
  /** A deleted customer's chats are kept and unlinked (runtime/chats/chat-service.ts). */
  chats: Pick<ChatService, 'unlinkCustomer' | 'chatIdsOf'>;
}

/** Newest first. `q`: an exact contact value in any spelling, or part of a name or value. */
export function listCustomers(ctx: CustomersContext, query: unknown): CustomerPage {
  const { q, limit, after } = parseInput(customerListQuerySchema, query);
  const all = ctx.customers.all().reverse();
  const matches = q && q.trim() !== '' ? search(ctx, all, q.trim()) : all;
  let start = 0;
  if (after !== undefined) {
    const at = matches.findIndex((customer) => customer.id === after);
    if (at === -1) throw new ApiError(400, 'invalid_cursor', `"${after}" is not on this list`);
    start = at + 1;
  }
  const items = matches.slice(start, start + limit).map((customer) => withChats(ctx, customer));
  const last = items.at(-1);
  return {
    items,
    total: matches.length,
    ...(last && start + limit < matches.length ? { next: last.id } : {}),
  };
}

function search(ctx: CustomersContext, all: Customer[], q: string): Customer[] {
  // Exact: the query normalised as each kind of value, through the index.
  const exact = new Map<string, Customer>();
  const fields: (CustomerField | Contact['type'])[] = ['name', 'document', ...CONTACT_TYPES];
  for (const field of fields) {
    const { value } = normaliseValue(field, q, { defaultCountry: ctx.defaultCountry() });
    for (const customer of ctx.customers.byKey(searchKey(field, value))) {
      exact.set(customer.id, customer);
    }
  }
  // Partial: any column or contact containing the text, case-insensitively.
  const needle = q.toLowerCase();
  const partial = all.filter(
    (customer) =>
      !exact.has(customer.id) &&
      [customer.name, customer.email, customer.phone, customer.document]
        .concat(customer.contacts.map((contact) => contact.value))
        .some((value) => value?.toLowerCase().includes(needle)),
  );
  return [...[...exact.values()].sort(compareAge).reverse(), ...partial];
}

export function getCustomer(ctx: CustomersContext, id: string): Customer {
  const customer = CUSTOMER_ID_PATTERN.test(id) ? ctx.customers.get(id) : undefined;
  if (!customer) throw notFound('customer', id);
  return withChats(ctx, customer);
}

/** The customer as the API answers it: its chats are those that name it. */
function withChats(ctx: CustomersContext, customer: Customer): Customer {
  return { ...customer, chatIds: ctx.chats.chatIdsOf(customer.id) };
}

/** Edited values are normalised like bound ones; those that do not are kept and flagged. */
export async function editCustomer(
  ctx: CustomersContext,
  id: string,
  input: unknown,
): Promise<CustomerEditResult> {
  getCustomer(ctx, id);
  const edit = parseInput(customerEditSchema, input);
  const flags: ValueFlag[] = [];
  const column = (field: CustomerField, value: string | null | undefined, current?: string) => {
    if (value === undefined) return current;
    if (value === null || value === '') return undefined;
    return normalised(ctx, field, value, flags);
  };
  const customer = await ctx.customers.replace(id, (current) => {
    const next: Customer = { ...current };
    for (const field of ['name', 'email', 'phone', 'document'] as const) {
      const value = column(field, edit[field], current[field]);
      if (value === undefined) delete next[field];
      else next[field] = value;
    }
    if (edit.contacts) next.contacts = normaliseContacts(ctx, edit.contacts, flags);
    return next;
  });
  if (!customer) throw notFound('customer', id);
  return { customer: withChats(ctx, customer), flags };
}

export async function deleteCustomer(ctx: CustomersContext, id: string): Promise<void> {
  getCustomer(ctx, id);
  if (!(await ctx.customers.delete(id))) throw notFound('customer', id);
  await ctx.chats.unlinkCustomer(id);
}

function normalised(ctx: CustomersContext, field: BindingField, raw: string, flags: ValueFlag[]) {
  const { rows, flags: found } = prepareRows([{ field, value: raw, search: false }], {
    defaultCountry: ctx.defaultCountry(),
  });
  flags.push(...found);
  return rows[0]?.value;
}

function normaliseContacts(
  ctx: CustomersContext,
  contacts: Contact[],
  flags: ValueFlag[],
): Contact[] {
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const contact of contacts) {
    const value = normalised(ctx, contact.type, contact.value, flags);
    if (value === undefined) continue;
    const key = searchKey(contact.type, value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: contact.type, value });
  }
  return out;
}

// --- import / export -------------------------------------------------------------------

const CSV_COLUMNS = [
  'id',
  'name',
  'email',
  'phone',
  'document',
  'contacts',
  'createdAt',
  'updatedAt',
];

export function exportCustomers(
  ctx: CustomersContext,
  format: unknown,
): { type: string; body: string } {
  const customers = ctx.customers.all().map((customer) => withChats(ctx, customer));
  if (format === undefined || format === 'json') {
    return { type: 'application/json', body: JSON.stringify({ customers }) };
  }
  if (format !== 'csv') throw new ApiError(400, 'invalid_input', 'format: use "json" or "csv"');
  const rows = customers.map((c) => [
    c.id,
    c.name ?? '',
    c.email ?? '',
    c.phone ?? '',
    c.document ?? '',
    // One cell: "type:value" pairs separated by "; " (values hold neither ";" nor newlines
    // in practice; a value that does is still quoted by toCsv but would split on import).
    c.contacts.map((contact) => `${contact.type}:${contact.value}`).join('; '),
    c.createdAt,
    c.updatedAt,
  ]);
  return { type: 'text/csv; charset=utf-8', body: toCsv([CSV_COLUMNS, ...rows]) };
}

/**
 * Each row is bound like a webhook would be, searching by every value it has except the
 * name, so importing the same sheet twice does not duplicate anyone.
 */
export async function importCustomers(
  ctx: CustomersContext,
  input: unknown,
): Promise<CustomerImportResult> {
  const parsed = parseInput(customerImportSchema, input);
  const rows = parsed.format === 'json' ? parsed.customers : csvRows(parsed.csv);
  const result: CustomerImportResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: [],
    flags: [],
  };
  for (const [i, row] of rows.entries()) {
    const number = i + 1;
    const binding = bindingRows(row);
    const bound = await ctx.customers.bind(binding);
    result.flags.push(...bound.flags.map((flag) => ({ ...flag, row: number })));
    if (bound.status === 'unbound') {
      result.skipped.push({
        row: number,
        message: 'no email, phone, document or contact to import',
      });
    } else result[bound.status] += 1;
  }
  return result;
}

function bindingRows(row: CustomerImportRow): BindingRow[] {
  const rows: BindingRow[] = [{ field: 'name', value: row.name, search: false }];
  for (const field of ['email', 'phone', 'document'] as const) {
    rows.push({ field, value: row[field], search: true });
  }
  for (const contact of row.contacts ?? []) {
    rows.push({ field: contact.type, value: contact.value, search: true });
  }
  return rows;
}

function csvRows(text: string): CustomerImportRow[] {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new ApiError(400, 'invalid_csv', error.message);
    throw error;
  }
  const [header, ...body] = table;
  if (!header) throw new ApiError(400, 'invalid_csv', 'The CSV is empty');
  if (body.length > MAX_IMPORT_ROWS) {
    throw new ApiError(400, 'invalid_csv', `At most ${MAX_IMPORT_ROWS} rows per import`);
  }
  const names = header.map((name) => name.trim().toLowerCase());
  const known = new Set([
    'id',
    'name',
    'email',
    'phone',
    'document',
    'contacts',
    'createdat',
    'updatedat',
    ...CONTACT_TYPES,
  ]);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ApiError(400, 'invalid_csv', `Unknown column(s): ${unknown.join(', ')}`);
  }
  return body.map((cells) => {
    const cell = (name: string) => {
      const at = names.indexOf(name);
      const value = at === -1 ? undefined : cells[at]?.trim();
      return value === '' ? undefined : value;
    };
    const contacts: Contact[] = [];
    for (const pair of (cell('contacts') ?? '').split(';')) {
      const at = pair.indexOf(':');
      const type = pair.slice(0, at).trim() as Contact['type'];
      const value = pair.slice(at + 1).trim();
      if (at > 0 && value !== '' && (CONTACT_TYPES as readonly string[]).includes(type)) {
        contacts.push({ type, value });
      }
    }
    // Spreadsheet columns named after a contact type (a "whatsapp" column).
    for (const type of CONTACT_TYPES) {
      if (type === 'email' || type === 'phone') continue;
      const value = cell(type);
      if (value) contacts.push({ type, value });
    }
    const row: CustomerImportRow = { contacts };
    for (const field of ['name', 'email', 'phone', 'document'] as const) {
      const value = cell(field);
      if (value) row[field] = value;
    }
    return row;
  });
}
