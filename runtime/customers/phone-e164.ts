// Phone and WhatsApp numbers to E.164 with libphonenumber-js (the issue names it: its
// per-country metadata knows trunk prefixes, lengths and which numbers exist). The `max`
// metadata is used so validity is checked per number type, not only by length. A national
// number needs the default country from settings; without one it does not normalise.
import { createRequire } from 'node:module';
import type * as PhoneLibModule from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

type PhoneLib = typeof PhoneLibModule;
let phoneLib: PhoneLib | undefined;
/**
 * Loaded on the first number, not at startup: its metadata is ~1.7 MB of heap that a runtime
 * binding no customers by phone never needs (a smaller heap is cheaper to collect on the
 * webhook hot path, `npm run bench:webhook`). Synchronous (require), as normalising is.
 */
function parsePhoneNumberFromString(
  ...args: Parameters<PhoneLib['parsePhoneNumberFromString']>
): ReturnType<PhoneLib['parsePhoneNumberFromString']> {
  phoneLib ??= createRequire(import.meta.url)('libphonenumber-js/max') as PhoneLib;
  return phoneLib.parsePhoneNumberFromString(...args);
}

// Results per (default country, raw text), bounded: one webhook with Customer and Chat
// binding normalises the same number up to three times (the Phone row, the chat contact
// registered as a WhatsApp contact, the chat's own contact), and a parse with the `max`
// metadata is one of the larger CPU and garbage costs of a bound call
// (`npm run bench:customers`). Oldest entries go first once it is full.
const CACHE_SIZE = 512;
const cache = new Map<string, string | null>();

/** The E.164 form (`+5511999998888`), or undefined when the text is not a valid number. */
export function toE164(raw: string, defaultCountry: string | undefined): string | undefined {
  const key = `${defaultCountry ?? ''}\n${raw}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const value = parseE164(raw, defaultCountry);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value ?? null);
  return value;
}

function parseE164(raw: string, defaultCountry: string | undefined): string | undefined {
  const text = raw.trim();
  // Spaces, dots, dashes, slashes and parentheses are formatting; anything else is not.
  if (!/^\+?[\d\s.\-/()]+$/.test(text)) return undefined;
  const options = defaultCountry
    ? { defaultCountry: defaultCountry.toUpperCase() as CountryCode }
    : undefined;
  const parsed = parsePhoneNumberFromString(text, options);
  if (parsed?.isValid()) return parsed.number;
  // `00` is the international prefix in most of the world (ITU E.164 recommends it), but
  // not in every default country's metadata (Brazil dials 00 + a carrier code): a number a
  // form received as `0055 11 …` is read as `+55 11 …` when it is not valid otherwise.
  if (text.startsWith('00')) {
    const international = parsePhoneNumberFromString(`+${text.slice(2)}`);
    if (international?.isValid()) return international.number;
  }
  return undefined;
}
