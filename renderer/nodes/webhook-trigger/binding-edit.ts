// The Customer & Chat tab's edits as pure functions (seed 001): the field and channel
// names the tab shows, new rows, filling a row's path from Listen's Map, the inline
// checks shown as the user types, and which mode (full or headless) runs will get.
import type {
  ChatBindingChannel,
  ChatBindingConfig,
  ChatContactType,
  CustomerBindingConfig,
  CustomerBindingRow,
} from '../../../runtime/shared/customer-chat-binding';

export type CustomerField = CustomerBindingRow['field'];

/** The seed's customer fields, in its order (Name, Email, Document, WhatsApp…). */
export const CUSTOMER_FIELD_OPTIONS: readonly { value: CustomerField; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'email', label: 'Email' },
  { value: 'document', label: 'Document' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'phone', label: 'Phone' },
  { value: 'instagram', label: 'Instagram' },
  { value: 'telegram', label: 'Telegram' },
];

export function customerFieldLabel(field: CustomerField): string {
  return CUSTOMER_FIELD_OPTIONS.find((option) => option.value === field)?.label ?? field;
}

/** The test chat and Telegram (once set up in Channels) deliver; the others keep chats only. */
export const CHANNEL_OPTIONS: readonly { value: ChatBindingChannel; label: string }[] = [
  { value: 'test-chat', label: 'Test chat (built in)' },
  { value: 'whatsapp', label: 'WhatsApp (not connected yet)' },
  { value: 'telegram', label: 'Telegram (set up in Channels)' },
  { value: 'email', label: 'Email (not connected yet)' },
  { value: 'instagram', label: 'Instagram (not connected yet)' },
  { value: 'widget', label: 'Web widget' },
];

export const CONTACT_TYPE_OPTIONS: readonly { value: ChatContactType; label: string }[] = [
  { value: 'whatsapp', label: 'whatsapp' },
  { value: 'phone', label: 'phone' },
  { value: 'email', label: 'email' },
  { value: 'instagram', label: 'instagram' },
  { value: 'telegram', label: 'telegram' },
  { value: 'test-chat', label: 'test-chat (a test chat session name)' },
  { value: 'widget', label: 'widget (a web widget visitor session)' },
];

export function channelConnected(channel: ChatBindingChannel): boolean {
  return channel === 'test-chat' || channel === 'widget';
}

export const MAX_CUSTOMER_ROWS = 20;

/** A new row: the first field no row has yet (Name when all are taken), search off. */
export function newCustomerRow(
  rows: readonly CustomerBindingRow[],
  id: string,
  field?: CustomerField,
  path = '',
): CustomerBindingRow {
  const used = new Set(rows.map((row) => row.field));
  const free = CUSTOMER_FIELD_OPTIONS.find((option) => !used.has(option.value))?.value;
  return { id, field: field ?? free ?? 'name', path, search: false };
}

/**
 * Where Listen's Map can put a field's path besides a variable: an existing customer row,
 * a new customer row for a field, or the chat contact path.
 */
export type BindingTarget =
  | { kind: 'row'; rowId: string }
  | { kind: 'new-row'; field: CustomerField }
  | { kind: 'chat-contact' };

export interface BindingConfig {
  customer: CustomerBindingConfig;
  chat: ChatBindingConfig;
}

export interface BindingTargetOption {
  /** The option's value in the Map prompt's select (see targetKey). */
  key: string;
  label: string;
  group: 'Customer binding' | 'Chat binding';
}

export function targetKey(target: BindingTarget): string {
  if (target.kind === 'row') return `row:${target.rowId}`;
  if (target.kind === 'new-row') return `new:${target.field}`;
  return 'chat';
}

export function parseTargetKey(key: string): BindingTarget | undefined {
  if (key === 'chat') return { kind: 'chat-contact' };
  const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'row' && rest !== '') return { kind: 'row', rowId: rest };
  const field = CUSTOMER_FIELD_OPTIONS.find((option) => option.value === rest)?.value;
  if (kind === 'new' && field) return { kind: 'new-row', field };
  return undefined;
}

/** The targets offered for a field, in the order the prompt lists them. */
export function bindingTargets(config: BindingConfig): BindingTargetOption[] {
  const rows = config.customer.rows.map((row, index) => ({
    key: targetKey({ kind: 'row', rowId: row.id }),
    label: `Customer field ${index + 1}: ${customerFieldLabel(row.field)}${row.path ? ` (now ${row.path})` : ' (empty)'}`,
    group: 'Customer binding' as const,
  }));
  const fresh =
    config.customer.rows.length >= MAX_CUSTOMER_ROWS
      ? []
      : CUSTOMER_FIELD_OPTIONS.map((option) => ({
          key: targetKey({ kind: 'new-row', field: option.value }),
          label: `New customer field: ${option.label}`,
          group: 'Customer binding' as const,
        }));
  return [
    ...rows,
    ...fresh,
    {
      key: 'chat',
      label: `Chat contact path${config.chat.contactPath ? ` (now ${config.chat.contactPath})` : ''}`,
      group: 'Chat binding',
    },
  ];
}

export type FillResult =
  | { config: BindingConfig; said: string; turnedOn?: 'Customer binding' | 'Chat binding' }
  | { problem: string };

/**
 * The binding with `path` put where the user chose. The binding's toggle goes on (the user
 * asked for it to use this field); `said` is the confirmation the designer shows.
 */
export function fillBindingPath(
  config: BindingConfig,
  target: BindingTarget,
  path: string,
  newRowId: () => string,
): FillResult {
  if (target.kind === 'chat-contact') {
    return {
      config: { ...config, chat: { ...config.chat, enabled: true, contactPath: path } },
      said: `Chat contact path ← ${path}`,
      ...(config.chat.enabled ? {} : { turnedOn: 'Chat binding' as const }),
    };
  }
  const rows = config.customer.rows;
  let nextRows: CustomerBindingRow[];
  let said: string;
  if (target.kind === 'row') {
    const index = rows.findIndex((row) => row.id === target.rowId);
    const row = rows[index];
    if (!row) return { problem: 'That customer field was removed meanwhile: choose another' };
    nextRows = rows.map((current) => (current.id === row.id ? { ...current, path } : current));
    said = `Customer field ${index + 1} (${customerFieldLabel(row.field)}) ← ${path}`;
  } else {
    if (rows.length >= MAX_CUSTOMER_ROWS) {
      return {
        problem: `A trigger has at most ${MAX_CUSTOMER_ROWS} customer fields: remove one first`,
      };
    }
    nextRows = [...rows, newCustomerRow(rows, newRowId(), target.field, path)];
    said = `Customer field ${nextRows.length} (${customerFieldLabel(target.field)}) ← ${path}`;
  }
  return {
    config: { ...config, customer: { ...config.customer, enabled: true, rows: nextRows } },
    said,
    ...(config.customer.enabled ? {} : { turnedOn: 'Customer binding' as const }),
  };
}

/** Path → what of the binding reads it (for marking tree fields, like mapped ones). */
export function boundPaths(config: BindingConfig): Map<string, string> {
  const bound = new Map<string, string>();
  if (config.customer.enabled) {
    for (const row of config.customer.rows) {
      const path = row.path.trim();
      if (path !== '' && !bound.has(path))
        bound.set(path, `customer ${customerFieldLabel(row.field)}`);
    }
  }
  const contact = config.chat.contactPath.trim();
  if (config.chat.enabled && contact !== '' && !bound.has(contact))
    bound.set(contact, 'chat contact');
  return bound;
}

/** What the designer says before Publish does: where a row or the contact is missing. */
export function bindingProblems(config: BindingConfig): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const { customer, chat } = config;
  if (customer.enabled) {
    if (customer.rows.length === 0) {
      problems.push({
        path: 'customer.rows',
        message: 'Add a customer field (e.g. Email ← body.email) and turn its search on',
      });
    } else if (!customer.rows.some((row) => row.search)) {
      problems.push({
        path: 'customer.rows',
        message: 'Turn on search for at least one field: it is how an existing customer is found',
      });
    }
    customer.rows.forEach((row, index) => {
      if (row.path.trim() === '') {
        problems.push({
          path: `customer.rows[${index}].path`,
          message: `Enter where the ${customerFieldLabel(row.field)} is, e.g. body.${row.field}`,
        });
      }
    });
  }
  if (chat.enabled && chat.contactPath.trim() === '') {
    problems.push({
      path: 'chat.contactPath',
      message: 'Enter where the contact is, e.g. body.customer.phone',
    });
  }
  return problems;
}

export type RunMode =
  { mode: 'full' } | { mode: 'headless'; missing: ('Customer binding' | 'Chat binding')[] };

/** Full only when both bindings are on (and, at run time, both resolve). */
export function runMode(config: BindingConfig): RunMode {
  const missing: ('Customer binding' | 'Chat binding')[] = [];
  if (!config.customer.enabled) missing.push('Customer binding');
  if (!config.chat.enabled) missing.push('Chat binding');
  return missing.length === 0 ? { mode: 'full' } : { mode: 'headless', missing };
}

/** The contact type that goes with a channel when the user picks it (WhatsApp → whatsapp). */
export function contactTypeForChannel(
  channel: ChatBindingChannel,
  current: ChatContactType,
): ChatContactType {
  const named: Partial<Record<ChatBindingChannel, ChatContactType>> = {
    whatsapp: 'whatsapp',
    telegram: 'telegram',
    email: 'email',
    instagram: 'instagram',
    widget: 'widget',
  };
  return named[channel] ?? current;
}
