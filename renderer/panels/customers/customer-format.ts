// Pure helpers of the Customers view: what to call a customer, the edit form's draft and
// the edit it sends, the server's objections by field, and import files and summaries.
import type { FieldProblem } from '../../../runtime/shared/api-error';
import {
  CONTACT_TYPES,
  type ContactType,
  type Customer,
  type CustomerEdit,
  type CustomerImportResult,
} from '../../../runtime/shared/customers';
import type { CustomerImportInput } from '../../api/customers';

export const CONTACT_TYPE_LABELS: Record<ContactType, string> = {
  email: 'Email',
  phone: 'Phone',
  whatsapp: 'WhatsApp',
  instagram: 'Instagram',
  telegram: 'Telegram',
  'test-chat': 'Test chat',
  widget: 'Web widget',
};

export function isContactType(value: string): value is ContactType {
  return (CONTACT_TYPES as readonly string[]).includes(value);
}

/** A customer in a list or a heading: the name, else the first value it has, else its id. */
export function customerLabel(customer: Customer): string {
  return (
    customer.name ??
    customer.email ??
    customer.phone ??
    customer.document ??
    customer.contacts[0]?.value ??
    customer.id
  );
}

/** The values under the label in the list: what the customer can be reached by. */
export function customerSubtitle(customer: Customer): string {
  const values = [customer.email, customer.phone, customer.document]
    .concat(customer.contacts.map((contact) => contact.value))
    .filter((value): value is string => value !== undefined && value !== customerLabel(customer));
  return [...new Set(values)].slice(0, 3).join(' · ');
}

export interface EditDraft {
  name: string;
  email: string;
  phone: string;
  document: string;
  /** `key` keeps React rows stable while contacts are added and removed. */
  contacts: { key: number; type: ContactType; value: string }[];
}

export function draftOf(customer: Customer): EditDraft {
  return {
    name: customer.name ?? '',
    email: customer.email ?? '',
    phone: customer.phone ?? '',
    document: customer.document ?? '',
    contacts: customer.contacts.map((contact, index) => ({ key: index, ...contact })),
  };
}

/** What the form sends: every column (an emptied one as null) and the contacts left filled. */
export function editOf(draft: EditDraft): CustomerEdit {
  const column = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    name: column(draft.name),
    email: column(draft.email),
    phone: column(draft.phone),
    document: column(draft.document),
    contacts: draft.contacts
      .filter((contact) => contact.value.trim() !== '')
      .map((contact) => ({ type: contact.type, value: contact.value.trim() })),
  };
}

/** The index a contacts row has in the sent edit (empty rows are not sent). */
function sentIndexes(draft: EditDraft): Map<number, number> {
  const map = new Map<number, number>();
  let sent = 0;
  for (const contact of draft.contacts) {
    if (contact.value.trim() === '') continue;
    map.set(sent++, contact.key);
  }
  return map;
}

/**
 * The server's objections keyed by the form field they belong to: `name`, `email`, …,
 * `contact-<key>` for a contacts row, and `form` for what belongs to no field.
 */
export function fieldErrors(draft: EditDraft, details: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  const problems = Array.isArray(details) ? (details as (Partial<FieldProblem> | null)[]) : [];
  const rows = sentIndexes(draft);
  for (const problem of problems) {
    if (typeof problem !== 'object' || problem === null) continue;
    if (typeof problem.message !== 'string') continue;
    const path = typeof problem.path === 'string' ? problem.path : '';
    const contact = /^contacts\[(\d+)\]/.exec(path);
    const key = contact ? rows.get(Number(contact[1])) : undefined;
    const field =
      key !== undefined
        ? `contact-${key}`
        : ['name', 'email', 'phone', 'document'].includes(path)
          ? path
          : 'form';
    const text = field === 'form' && path ? `${path}: ${problem.message}` : problem.message;
    errors[field] = errors[field] ? `${errors[field]}; ${text}` : text;
  }
  return errors;
}

/** What a chosen file holds, read before anything is sent: the request, or why not. */
export type ImportFile =
  { ok: true; input: CustomerImportInput; summary: string } | { ok: false; message: string };

export function readImportFile(fileName: string, text: string): ImportFile {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length === 0) return { ok: false, message: 'The file is empty.' };
    const header = (lines[0] ?? '').split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    const rows = lines.length - 1;
    return {
      ok: true,
      input: { format: 'csv', csv: text },
      // Counted by lines: a quoted value spanning lines makes this an estimate.
      summary: `about ${plural(rows, 'row')}, columns: ${header.join(', ')}`,
    };
  }
  if (lower.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, message: 'This is not valid JSON. Export customers to see the shape.' };
    }
    const customers = Array.isArray(parsed)
      ? parsed
      : typeof parsed === 'object' && parsed !== null && 'customers' in parsed
        ? parsed.customers
        : undefined;
    if (!Array.isArray(customers)) {
      return {
        ok: false,
        message:
          'Expected { "customers": [ … ] } (what Export JSON writes) or a list of customers.',
      };
    }
    return {
      ok: true,
      input: { format: 'json', customers },
      summary: plural(customers.length, 'customer'),
    };
  }
  return { ok: false, message: 'Choose a .csv or a .json file.' };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The import's outcome in one line, as the runtime counted it. */
export function importSummary(result: CustomerImportResult): string {
  const parts = [
    `${result.created} created`,
    `${result.updated} updated`,
    `${result.unchanged} unchanged`,
  ];
  if (result.skipped.length > 0) parts.push(`${result.skipped.length} skipped`);
  return parts.join(', ');
}
