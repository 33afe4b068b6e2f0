// Config fields named the way the inspector names them (browser-safe). Problems carry a
// config path (`rules[1].left`, for the designer to find the control); what people read
// is the field's label ("Rule 2 value"), never the key.
//
// Node definitions declare `fieldLabels`: config path patterns, with `[]` for any list
// index, mapped to labels in which each `#` is replaced by that index counted from 1:
// `{ 'rules[].left': 'Rule # value' }`.

export type FieldLabels = Readonly<Record<string, string>>;

/** `events.cases[1].value` → pattern `events.cases[].value` and its indices [1]. */
function splitPath(path: string): { pattern: string; indices: number[] } {
  const indices: number[] = [];
  const pattern = path.replace(/\[(\d+)\]/g, (_, index: string) => {
    indices.push(Number(index));
    return '[]';
  });
  return { pattern, indices };
}

function fill(label: string, indices: readonly number[]): string {
  let next = 0;
  return label.replace(/#/g, () => String((indices[next++] ?? 0) + 1));
}

/** `retryMessage` → "Retry message": the last resort, so a key never reaches a person. */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The label of the field at `path`: its own, else (a list item without one) its list's
 * label and position ("Methods 2"), else its key in words.
 */
export function fieldLabel(labels: FieldLabels | undefined, path: string): string {
  const { pattern, indices } = splitPath(path);
  const own = labels?.[pattern];
  if (own !== undefined) return fill(own, indices);
  if (pattern.endsWith('[]')) {
    const list = labels?.[pattern.slice(0, -2)];
    if (list !== undefined) return `${fill(list, indices)} ${(indices.at(-1) ?? 0) + 1}`;
  }
  const last = /([^.[\]]+)(\[\])*$/.exec(pattern)?.[1] ?? pattern;
  return humanize(last);
}

/** A problem with a field, as people read it: "Message: Write the message". */
export function fieldProblemText(
  labels: FieldLabels | undefined,
  field: string | undefined,
  message: string,
): string {
  return field ? `${fieldLabel(labels, field)}: ${message}` : message;
}
