// Filling a template from a scope (variables, the trigger payload …). Never throws: a
// template with problems interpolates with those parts left exactly as typed.
import { readPath } from './read-path';
import { parseTemplate, type TemplatePart } from './template';

/**
 * A template that is exactly one expression (`{{order.total}}` or `$TOTAL`, nothing
 * around it) gives the value itself with its type, so a number stays a number and an
 * object can be passed on whole. Anything else gives text.
 */
export function interpolate(template: string, scope: Record<string, unknown>): unknown {
  const { parts } = parseTemplate(template);
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && only.type !== 'text') {
    return resolve(only, scope);
  }
  return joinParts(parts, scope);
}

/** Like `interpolate`, but always text (for headers, URLs, messages). */
export function interpolateText(template: string, scope: Record<string, unknown>): string {
  return joinParts(parseTemplate(template).parts, scope);
}

/**
 * How a value appears inside text: strings as they are, numbers and booleans as written,
 * null and undefined as nothing, objects and arrays as JSON.
 */
export function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      // Cycles and BigInts cannot be JSON; payload data never has them.
      return '';
    }
  }
  if (typeof value === 'function') return '';
  return String(value);
}

function joinParts(parts: readonly TemplatePart[], scope: Record<string, unknown>): string {
  let text = '';
  for (const part of parts) {
    text += part.type === 'text' ? part.text : stringifyValue(resolve(part, scope));
  }
  return text;
}

/**
 * `$NAME` counts only when the scope has that key, so "costs $5" or "USD $TOTAL" without
 * a TOTAL read as typed. `{{ path }}` always counts: a missing value is just empty.
 */
function resolve(part: Exclude<TemplatePart, { type: 'text' }>, scope: Record<string, unknown>) {
  if (part.type === 'expression') return readPath(scope, part.segments);
  const isObject = typeof scope === 'object' && scope !== null;
  if (isObject && Object.hasOwn(scope, part.name)) {
    return readPath(scope, [{ type: 'key', key: part.name }]);
  }
  return `$${part.name}`;
}
