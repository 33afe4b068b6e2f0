// Turns form fields (name, value) into the object `body.…` paths read, the way PHP, Rails
// and qs-style senders (Shopify, Hotmart, Kiwify…) expect:
//   customer[name]=Ann            → { customer: { name: 'Ann' } }
//   items[0][sku]=A1&items[1][sku]=B2 → { items: [{ sku: 'A1' }, { sku: 'B2' }] }
//   tags[]=a&tags[]=b             → { tags: ['a', 'b'] }
//   items[][sku]=A&items[][qty]=1 → { items: [{ sku: 'A', qty: '1' }] } (Rails: a new element
//                                   starts when the last one already has that key)
//   a=1&a=2                       → { a: ['1', '2'] }   (a repeated name keeps every value)
// Indexed groups become arrays in index order with gaps closed (`x[3]=a` → ['a']); a group
// with any other key is an object. Safety: a field naming `__proto__`, `constructor` or
// `prototype` anywhere in its path is dropped; a name nested deeper than 20 levels (or with
// malformed brackets) is kept whole as a plain key. Values are always strings.

import { ApiError } from '../api/api-error';

export const MAX_FIELD_DEPTH = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const INDEX = /^(?:0|[1-9]\d{0,8})$/;
const BRACKET = /\[([^[\]]*)\]/y;

interface Leaf {
  kind: 'leaf';
  value: string;
}
interface Group {
  kind: 'group';
  entries: Map<string, Node>;
  /** Every key so far is an array index (or a `[]` append). */
  indexed: boolean;
  nextIndex: number;
}
interface Repeated {
  kind: 'repeated';
  items: (Leaf | Group)[];
}
type Node = Leaf | Group | Repeated;

export function nestFields(fields: Iterable<readonly [string, string]>): Record<string, unknown> {
  const root = newGroup();
  for (const [name, value] of fields) {
    const path = splitName(name);
    if (path.some((key) => FORBIDDEN_KEYS.has(key))) continue;
    assign(root, path, value);
  }
  return toObject(root);
}

/** `a[b][]` → ['a', 'b', '']; anything that is not `name[..][..]` stays one key. */
function splitName(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0) return [name];
  const path = [name.slice(0, open)];
  let position = open;
  while (position < name.length) {
    BRACKET.lastIndex = position;
    const match = BRACKET.exec(name);
    if (!match) return [name];
    path.push(match[1] ?? '');
    position = BRACKET.lastIndex;
  }
  return path.length - 1 > MAX_FIELD_DEPTH ? [name] : path;
}

function assign(root: Group, path: string[], value: string): void {
  let group = root;
  for (let depth = 0; depth < path.length; depth += 1) {
    const key = keyIn(group, path, depth);
    const existing = group.entries.get(key);
    if (depth === path.length - 1) {
      const leaf: Leaf = { kind: 'leaf', value };
      if (!existing) group.entries.set(key, leaf);
      else if (existing.kind === 'repeated') existing.items.push(leaf);
      else group.entries.set(key, { kind: 'repeated', items: [existing, leaf] });
      return;
    }
    group = childGroup(group, key, existing);
  }
}

/** The key `path[depth]` names in `group`, resolving `[]` appends. */
function keyIn(group: Group, path: string[], depth: number): string {
  let key = path[depth] ?? '';
  if (key === '') {
    const last = group.entries.get(String(group.nextIndex - 1));
    const rest = path.slice(depth + 1);
    const reuseLast = rest.length > 0 && last?.kind === 'group' && !hasPath(last, rest);
    key = String(reuseLast ? group.nextIndex - 1 : group.nextIndex);
  }
  if (INDEX.test(key)) group.nextIndex = Math.max(group.nextIndex, Number(key) + 1);
  else group.indexed = false;
  return key;
}

/** Whether assigning `path` under `group` would land on something already there. */
function hasPath(group: Group, path: string[]): boolean {
  let node: Node | undefined = group;
  for (const key of path) {
    if (node === undefined) return false;
    // A value already sits on the way: the field belongs to a new element.
    if (node.kind !== 'group') return true;
    if (key === '') return false;
    node = node.entries.get(key);
  }
  return node !== undefined;
}

/** The group under `key`; a name used both as a value and as a group keeps both. */
function childGroup(parent: Group, key: string, existing: Node | undefined): Group {
  if (existing?.kind === 'group') return existing;
  if (existing?.kind === 'repeated') {
    const tail = existing.items.at(-1);
    if (tail?.kind === 'group') return tail;
  }
  const group = newGroup();
  if (!existing) parent.entries.set(key, group);
  else if (existing.kind === 'repeated') existing.items.push(group);
  else parent.entries.set(key, { kind: 'repeated', items: [existing, group] });
  return group;
}

function newGroup(): Group {
  return { kind: 'group', entries: new Map(), indexed: true, nextIndex: 0 };
}

function toValue(node: Node): unknown {
  if (node.kind === 'leaf') return node.value;
  if (node.kind === 'repeated') return node.items.map(toValue);
  if (!node.indexed) return toObject(node);
  return [...node.entries]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => toValue(child));
}

function toObject(group: Group): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  // Safe to assign: FORBIDDEN_KEYS never reach here, so no key is a prototype setter.
  for (const [key, child] of group.entries) result[key] = toValue(child);
  return result;
}

/** Forms (URL-encoded or multipart) with more fields than the trigger accepts. */
export function tooManyFields(maxFields: number): ApiError {
  return new ApiError(
    413,
    'too_many_fields',
    `The form has more than ${maxFields} fields, the most this webhook accepts`,
  );
}
