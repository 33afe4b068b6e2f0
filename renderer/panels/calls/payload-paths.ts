// Pure helpers behind the payload tree of Listen and Logs: what a value's children are,
// the path text of a field (`body.data[0].name`, in the path language mappings use) and
// the variable name offered when a field is mapped.
import { childPath, printPath, type PathSegment } from '../../../runtime/paths/path-syntax';
import { VARIABLE_NAME_PATTERN } from '../../../runtime/shared/variable-name';

export interface TreeChild {
  /** The segments from the root (`body`) to this child. */
  segments: PathSegment[];
  /** What the row shows: the key, or `[0]` for an array item. */
  label: string;
  value: unknown;
}

/** Arrays and plain objects have children; everything else is a leaf. */
export function isBranch(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** The children of a branch, in order (array items by index, object keys as written). */
export function childrenOf(parent: readonly PathSegment[], value: unknown): TreeChild[] {
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => ({
      segments: childPath(parent, index),
      label: `[${index}]`,
      value: item,
    }));
  }
  if (!isBranch(value)) return [];
  return Object.entries(value).map(([key, item]) => ({
    segments: childPath(parent, key),
    label: key,
    value: item,
  }));
}

/** The path a mapping reads: `body.data[0].name`, `headers.x-event`, `query.ref`. */
export function pathText(segments: readonly PathSegment[]): string {
  return printPath(segments);
}

const PREVIEW_CHARS = 60;

/** A one-line preview: strings quoted and cut, `{3 keys}`, `[2 items]`. */
export function previewValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`;
  if (isBranch(value)) {
    const count = Object.keys(value).length;
    return `{${count} ${count === 1 ? 'key' : 'keys'}}`;
  }
  if (typeof value === 'string') {
    const shown = value.length > PREVIEW_CHARS ? `${value.slice(0, PREVIEW_CHARS)}…` : value;
    return JSON.stringify(shown);
  }
  if (value === undefined) return '(none)';
  return String(value);
}

/** Names a run sees as the call itself: a variable with one of them could not be read. */
const CALL_FIELDS = new Set(['body', 'query', 'headers', 'params', 'ip', 'method', 'trigger']);
const MAX_NAME = 64;

/** `firstName`, `First Name`, `x-event`, `preço` → `first_name`, `first_name`, `x_event`, `preco`. */
export function toVariableName(text: string): string {
  const snake = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  const named = snake === '' ? 'value' : /^[0-9]/.test(snake) ? `field_${snake}` : snake;
  return named.slice(0, MAX_NAME).replace(/_+$/, '');
}

function keysOf(segments: readonly PathSegment[]): string[] {
  return segments.flatMap((segment) => (segment.type === 'key' ? [segment.key] : []));
}

/**
 * The name offered for a mapping of this field: its last key (`body.data[0].name` →
 * `name`); when that is taken, the parent key joins it (`customer_name`), then a number.
 * The whole body is `payload`; call field names get `_value` (they would be shadowed).
 */
export function suggestVariableName(
  segments: readonly PathSegment[],
  taken: ReadonlySet<string> = new Set(),
): string {
  const keys = keysOf(segments);
  const last = keys.at(-1);
  let base: string;
  if (keys.length <= 1) base = last === 'body' ? 'payload' : toVariableName(last ?? 'value');
  else base = toVariableName(last ?? 'value');
  if (CALL_FIELDS.has(base)) base = `${base}_value`;
  const parent = keys.length > 2 ? keys.at(-2) : undefined;
  const candidates = [
    base,
    ...(parent ? [toVariableName(`${toVariableName(parent)}_${base}`)] : []),
  ];
  for (const candidate of candidates) {
    if (!taken.has(candidate) && VARIABLE_NAME_PATTERN.test(candidate)) return candidate;
  }
  const stem = (candidates.at(-1) ?? base).slice(0, MAX_NAME - 4);
  for (let n = 2; ; n += 1) {
    const numbered = `${stem}_${n}`;
    if (!taken.has(numbered)) return numbered;
  }
}

/**
 * The paths of a payload's leaf fields, depth first (`body.name`, `body.items[0].id`), at
 * most `limit`: what a path field offers as suggestions from a real call.
 */
export function leafPaths(root: readonly PathSegment[], value: unknown, limit = 200): string[] {
  const found: string[] = [];
  const walk = (segments: readonly PathSegment[], current: unknown) => {
    if (found.length >= limit) return;
    if (!isBranch(current)) {
      found.push(pathText(segments));
      return;
    }
    for (const child of childrenOf(segments, current)) walk(child.segments, child.value);
  };
  walk(root, value);
  return found;
}
