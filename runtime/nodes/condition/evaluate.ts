// The Condition node's rule semantics, separate from the executor so every operator can
// be tested on plain values.
import { stringifyValue } from '../../paths';
import { compileRulePattern, type ConditionOperator } from './definition';

// Decimal numbers as people and payloads write them; no hex, no empty string, no spaces.
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Regexes run on untrusted text: a cap bounds the cost of an unlucky pattern. */
export const MAX_REGEX_SUBJECT = 100_000;

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
  return undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function equal(left: unknown, right: unknown): boolean {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) return a === b;
  return stringifyValue(left) === stringifyValue(right);
}

/** -1, 0, 1; numbers numerically, other text as text (ISO dates order correctly). */
function compare(left: unknown, right: unknown): number | undefined {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) return Math.sign(a - b);
  if (typeof left === 'string' && typeof right === 'string' && left !== '' && right !== '') {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return undefined;
}

export type RuleResult = { ok: true; value: boolean } | { ok: false; error: string };

export function evaluateRule(
  left: unknown,
  operator: ConditionOperator,
  right: unknown,
): RuleResult {
  switch (operator) {
    case 'equals':
      return { ok: true, value: equal(left, right) };
    case 'not_equals':
      return { ok: true, value: !equal(left, right) };
    case 'contains':
      return {
        ok: true,
        value: Array.isArray(left)
          ? left.some((item) => equal(item, right))
          : stringifyValue(left).includes(stringifyValue(right)),
      };
    case 'starts_with':
      return { ok: true, value: stringifyValue(left).startsWith(stringifyValue(right)) };
    case 'exists':
      return { ok: true, value: left !== undefined && left !== null };
    case 'is_empty':
      return { ok: true, value: isEmpty(left) };
    case 'greater_than':
      return { ok: true, value: compare(left, right) === 1 };
    case 'less_than':
      return { ok: true, value: compare(left, right) === -1 };
    case 'regex': {
      const pattern = compileRulePattern(stringifyValue(right));
      if (!(pattern instanceof RegExp)) return { ok: false, error: pattern.problem };
      return { ok: true, value: pattern.test(stringifyValue(left).slice(0, MAX_REGEX_SUBJECT)) };
    }
  }
}
