// Turns a chat reply into the value Collect input stores, or says it does not fit.
import type { InputValidation } from './definition';

export type ParsedAnswer = { ok: true; value: string | number } | { ok: false };

// Linear patterns only: replies are untrusted text.
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE_SEPARATORS = /[\s().-]/g;
const PHONE = /^\+?\d{6,15}$/;

export function parseAnswer(validation: InputValidation, reply: string): ParsedAnswer {
  const text = reply.trim();
  if (text === '') return { ok: false };
  switch (validation) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      // "3,5" is how half the world writes 3.5.
      if (!NUMBER.test(text)) return { ok: false };
      const value = Number(text.replace(',', '.'));
      return Number.isFinite(value) ? { ok: true, value } : { ok: false };
    }
    case 'email':
      return text.length <= 254 && EMAIL.test(text) ? { ok: true, value: text } : { ok: false };
    case 'phone': {
      // Stored without separators, so "+55 (11) 99999-0000" and "+5511999990000" match.
      const compact = text.replace(PHONE_SEPARATORS, '');
      return PHONE.test(compact) ? { ok: true, value: compact } : { ok: false };
    }
  }
}
