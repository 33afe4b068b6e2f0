// Pure list operations behind ListEditor and KeyValueList.

/** A copy with the item at `from` moved to `to` (clamped); the same list if nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(to, list.length - 1));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceItem<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, i) => (i === index ? item : current));
}

/**
 * Stable React keys for rows that have no id: kept in step with our own edits, and
 * trimmed or extended when the list changes from outside (undo).
 */
export function resizeKeys(keys: readonly string[], length: number, make: () => string): string[] {
  if (keys.length === length) return [...keys];
  if (keys.length > length) return keys.slice(0, length);
  return [...keys, ...Array.from({ length: length - keys.length }, make)];
}
