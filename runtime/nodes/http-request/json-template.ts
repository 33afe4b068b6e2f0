// A JSON body with `{{path}}` and `$NAME` in it, filled in so the result is still valid
// JSON: inside a string literal a value is written as escaped text (`"Hi {{name}}"` with a
// name holding a quote stays one string), and where a whole JSON value is expected it is
// written as JSON with its type (`{"total": {{order.total}}}` gives a number, an object
// stays an object, a missing value is null). Quotes decide: `"{{order.total}}"` is text.
import { parseTemplate, readPath, stringifyValue, type TemplatePart } from '../../paths';

export type JsonTemplateResult = { ok: true; text: string } | { ok: false; message: string };

export function fillJsonTemplate(
  template: string,
  scope: Readonly<Record<string, unknown>>,
): JsonTemplateResult {
  let text = '';
  let inString = false;
  let escaped = false;
  for (const part of parseTemplate(template).parts) {
    if (part.type === 'text') {
      for (const char of part.text) {
        if (escaped) escaped = false;
        else if (char === '\\' && inString) escaped = true;
        else if (char === '"') inString = !inString;
      }
      text += part.text;
      continue;
    }
    const found = valueOf(part, scope);
    if (!found.present && part.type === 'param') {
      text += `$${part.name}`; // not a variable: `$5`-like text, as typed
    } else if (inString) {
      text += JSON.stringify(stringifyValue(found.value)).slice(1, -1);
    } else {
      text += jsonOf(found.value);
    }
  }
  try {
    JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The JSON body is not valid JSON once filled in: ${reason}` };
  }
  return { ok: true, text };
}

function valueOf(
  part: Exclude<TemplatePart, { type: 'text' }>,
  scope: Readonly<Record<string, unknown>>,
): { present: boolean; value: unknown } {
  if (part.type === 'expression') return { present: true, value: readPath(scope, part.segments) };
  if (!Object.hasOwn(scope, part.name)) return { present: false, value: undefined };
  return { present: true, value: scope[part.name] };
}

function jsonOf(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return 'null';
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null'; // cycles and BigInts cannot be JSON; payload data never has them
  }
}
