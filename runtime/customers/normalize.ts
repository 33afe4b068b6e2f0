// Values are normalised before they are compared or stored (issue 13): emails trimmed with
// the domain lower-cased, phone and WhatsApp numbers in E.164, handles without "@" and
// lower-cased, documents without punctuation. A value that does not normalise is kept as
// given (trimmed) and flagged, so the run's step can say so.
import type { ContactType, CustomerField } from './customer';
import { toE164 } from './phone-e164';

export interface NormalisedValue {
  value: string;
  /** False: the value did not normalise and is kept as given. */
  normalised: boolean;
}

export interface NormaliseOptions {
  /** ISO 3166 alpha-2, for national phone numbers. */
  defaultCountry?: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HANDLE = /^[a-z0-9._]{1,64}$/;

export function normaliseValue(
  field: CustomerField | ContactType,
  raw: string,
  options: NormaliseOptions = {},
): NormalisedValue {
  const text = raw.trim();
  const kept = { value: text, normalised: false };
  switch (field) {
    case 'name': {
      const value = text.replace(/\s+/g, ' ');
      return { value, normalised: value.length > 0 };
    }
    case 'email': {
      if (!EMAIL.test(text)) return kept;
      const at = text.lastIndexOf('@');
      return { value: text.slice(0, at + 1) + text.slice(at + 1).toLowerCase(), normalised: true };
    }
    case 'phone':
    case 'whatsapp': {
      const value = toE164(text, options.defaultCountry);
      return value ? { value, normalised: true } : kept;
    }
    case 'instagram':
    case 'telegram': {
      const value = text.replace(/^@/, '').toLowerCase();
      return HANDLE.test(value) ? { value, normalised: true } : kept;
    }
    case 'test-chat':
    case 'widget':
      // A session key: compared as given.
      return { value: text, normalised: text.length > 0 };
    case 'document': {
      const value = text.replace(/[\s.\-/]/g, '').toUpperCase();
      return /^[0-9A-Z]{1,64}$/.test(value) ? { value, normalised: true } : kept;
    }
  }
}

/**
 * The key a value is found by. Phone and WhatsApp share one key space: a WhatsApp number
 * finds the customer whose Phone column holds it. Emails compare case-insensitively (the
 * local part is kept as given in storage, but mailboxes are not case-sensitive in practice).
 */
export function searchKey(field: CustomerField | ContactType, value: string): string {
  return `${keyKind(field)}:${compareValue(field, value)}`;
}

/** The key space a field's values are found in (the part of searchKey before the `:`). */
export function keyKind(field: CustomerField | ContactType): string {
  return field === 'whatsapp' ? 'phone' : field;
}

/**
 * The value as it is compared within its key space (the part of searchKey after the `:`):
 * the value itself where it compares exactly, so an index keyed by it holds the customer's
 * own string rather than a new one.
 */
export function compareValue(field: CustomerField | ContactType, value: string): string {
  return field === 'email' || field === 'name' ? value.toLowerCase() : value;
}
