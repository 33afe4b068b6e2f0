// The Webhook Trigger's Customer & Chat binding at run time (seed 001 "Tab: Customer &
// Chat", "Behavior in the flow"). The customer is found or created from the call's fields
// (the store applies the seed's search and update rules, durably), the chat contact is
// registered in its customer_contacts, and the chat on the channel is found or created.
// Both resolved: the run is linked to the chat and is full from the next step on.
// Anything missing: the run stays headless, and the step says why.
//
// Running this twice for one call (a run recovered after a crash starts again from its
// recorded call) changes nothing the first time did not: find-or-create finds, the
// contact is there, the chat is found. Hence `sideEffects: 'none'` on the definition.
import type { BindingField, BindingRow } from '../../customers/binding';
import type { Customer } from '../../customers/customer';
import type { ExecContext } from '../../engine/executor';
import type { PathSegment } from '../../paths';
import type { RunBinding } from '../../shared/run-binding';
import type { WebhookTriggerConfig } from './definition';

/** A path as written and parsed (undefined when it does not parse: publish refuses that). */
export interface CompiledPath {
  text: string;
  path: PathSegment[] | undefined;
}

export interface CompiledBinding {
  rows: { field: BindingRow['field']; search: boolean; at: CompiledPath }[];
  contact: CompiledPath | undefined;
}

/** What the flow reads as `customer` (`{{customer.name}}`). */
export interface CustomerVariable {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  document: string | null;
  contacts: { type: string; value: string }[];
}

export interface BindingOutcome {
  /** Whether the step must fail: the customer could not be saved. */
  error?: string;
  warnings: string[];
  binding: RunBinding;
}

type Read = (at: CompiledPath) => unknown;

/** How many of the other matching customers a step names. */
export const MAX_OTHER_MATCHES = 10;

export async function bindCustomerAndChat(
  ctx: ExecContext,
  config: Pick<WebhookTriggerConfig, 'customer' | 'chat'>,
  plan: CompiledBinding,
  read: Read,
): Promise<BindingOutcome> {
  const warnings: string[] = [];
  const binding: RunBinding = {};
  const headless = (reason: string): BindingOutcome => {
    binding.headless = reason;
    warnings.push(`Headless run: ${reason}`);
    return { warnings, binding };
  };
  const { customers, chats } = ctx.services;

  // The chat contact, read and normalised once: registered with the customer, then the chat.
  let contact: { type: BindingField; value: string } | undefined;
  let contactMiss: string | undefined;
  if (config.chat.enabled && plan.contact) {
    const raw = textOf(read(plan.contact));
    if (raw === undefined) contactMiss = `the chat contact path ${plan.contact.text} found nothing`;
    else contact = { type: config.chat.contactType, value: raw };
  }

  let customer: Customer | undefined;
  if (config.customer.enabled) {
    const rows: BindingRow[] = plan.rows.map((row) => ({
      field: row.field,
      value: textOf(read(row.at)),
      search: row.search,
    }));
    // Seed 001: "The contact is also registered in customer_contacts if it doesn't exist
    // yet" — in the same atomic, durable write as the customer's own fields.
    if (contact) rows.push({ field: contact.type, value: contact.value, search: false });
    let result;
    try {
      result = await customers.bind(rows, ctx.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { error: `Could not save the customer: ${message}`, warnings, binding };
    }
    for (const flag of result.flags) {
      warnings.push(`${fieldLabel(flag.field)}: "${flag.value}" is ${flag.reason}`);
    }
    // Bounded: a value many customers share (a company's phone) must not grow every step.
    const others = result.otherMatches.slice(0, MAX_OTHER_MATCHES);
    if (others.length > 0 && result.customer) {
      const more = result.otherMatches.length - others.length;
      warnings.push(
        `Customer ${result.customer.id} (the oldest match) was used; also matched: ` +
          others.join(', ') +
          (more > 0 ? ` and ${more} more` : ''),
      );
    }
    binding.customer = {
      status: result.status,
      ...(result.customer ? { id: result.customer.id } : {}),
      ...(others.length > 0 ? { alsoMatched: others } : {}),
      ...(result.flags.length > 0 ? { flags: result.flags } : {}),
    };
    customer = result.customer;
    if (customer) {
      ctx.variables.set('customer', customerVariable(customer));
      ctx.bindRun({ customerId: customer.id });
    }
  }

  if (!config.chat.enabled) {
    return config.customer.enabled
      ? headless('Chat binding is off, so there is no chat to talk to')
      : { warnings, binding };
  }
  if (!config.customer.enabled) {
    return headless('Customer binding is off; a chat is bound only with its customer');
  }
  if (!customer) {
    const searched = plan.rows.filter((row) => row.search).map((row) => row.at.text);
    return headless(
      `no field with the search icon had a value in this call (${searched.join(', ')}), ` +
        'so no customer and no chat',
    );
  }
  if (!contact) return headless(contactMiss ?? 'the chat contact path is not set');

  let bound;
  try {
    bound = await chats.bind({
      channel: config.chat.channel,
      contact: { type: config.chat.contactType, value: contact.value },
      customerId: customer.id,
      runId: ctx.runId,
      flowId: ctx.flowId,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return headless(`the chat could not be bound: ${message}`);
  }
  const { chat } = bound;
  binding.chat = {
    status: bound.status,
    id: chat.id,
    channel: chat.channel,
    connected: chat.connected,
  };
  ctx.variables.set('chat', { id: chat.id, channel: chat.channel });
  ctx.bindRun({ chat: { id: chat.id, binding: bound.binding } });
  if (!chat.connected) {
    warnings.push(
      `The ${chat.channel} channel is not connected: messages to this chat are recorded as not delivered`,
    );
  }
  return { warnings, binding };
}

/** A value a row can bind: text, or a number/boolean as text; anything else is nothing. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function customerVariable(customer: Customer): CustomerVariable {
  return {
    id: customer.id,
    name: customer.name ?? null,
    email: customer.email ?? null,
    phone: customer.phone ?? null,
    document: customer.document ?? null,
    contacts: customer.contacts.map((item) => ({ type: item.type, value: item.value })),
  };
}

const FIELD_NAMES: Record<BindingField, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  document: 'Document',
  whatsapp: 'WhatsApp',
  instagram: 'Instagram',
  telegram: 'Telegram',
  'test-chat': 'Test chat',
  widget: 'Web widget',
};

function fieldLabel(field: BindingField): string {
  return FIELD_NAMES[field];
}
