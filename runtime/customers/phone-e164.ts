// Phone and WhatsApp numbers to E.164. The issue names libphonenumber-js for this, and it
// is not installed yet; until it is, this interim rule does the part that needs no
// per-country metadata: an explicit international number (+ or 00 prefix) and a national
// number in the default country (trunk 0 dropped). It does not check number lengths per
// country. Everything else calls `toE164` only, so swapping in libphonenumber-js
// (`parsePhoneNumberFromString(raw, country)?.number`) is a change to this file alone.

// Calling codes of the countries a default can name. Short on purpose; an unknown country
// means national numbers do not normalise (they are kept and flagged).
const CALLING_CODES: Record<string, string> = {
  AR: '54',
  AU: '61',
  BR: '55',
  CA: '1',
  CL: '56',
  CO: '57',
  DE: '49',
  ES: '34',
  FR: '33',
  GB: '44',
  IE: '353',
  IN: '91',
  IT: '39',
  JP: '81',
  MX: '52',
  NL: '31',
  PE: '51',
  PT: '351',
  US: '1',
  UY: '598',
};

export const PHONE_COUNTRIES = Object.keys(CALLING_CODES);

/** The E.164 form (`+5511999998888`), or undefined when the text is not a phone number. */
export function toE164(raw: string, defaultCountry: string | undefined): string | undefined {
  const text = raw.trim();
  // Spaces, dots, dashes, slashes and parentheses are formatting; anything else is not.
  if (!/^\+?[\d\s.\-/()]+$/.test(text)) return undefined;
  let digits = text.replace(/\D/g, '');
  let international = text.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (!international) {
    const code = defaultCountry ? CALLING_CODES[defaultCountry.toUpperCase()] : undefined;
    if (!code) return undefined;
    const national = digits.replace(/^0+/, '');
    // Already carrying the country code (5511…, typed without +): keep it once.
    digits = national.startsWith(code) && national.length > 10 ? national : code + national;
  }
  // E.164: a non-zero country code digit and at most 15 digits; 8 is a practical minimum.
  if (!/^[1-9]\d{7,14}$/.test(digits)) return undefined;
  return `+${digits}`;
}
