// Helpers for `{{variable}}` templates: inserting a variable at the caret and listing
// the variables a template uses.

export function variableToken(name: string): string {
  return `{{${name}}}`;
}

/** Replaces value[start, end) with `text`; returns the new value and the caret after it. */
export function insertAt(
  value: string,
  start: number,
  end: number,
  text: string,
): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}

/** The distinct variable names used as `{{ name }}` (paths like `{{order.id}}` included). */
export function templateVariables(template: string): string[] {
  const names = [...template.matchAll(/\{\{\s*([A-Za-z_][\w.[\]]*)\s*\}\}/g)].map(
    (match) => match[1] ?? '',
  );
  return [...new Set(names.filter(Boolean))];
}
