// The palette's content: node types grouped by category in a fixed order, filtered by
// a search over name and description. Pure, so the order arrow keys walk is testable.
import type { NodeCategory } from '../../runtime/shared/node-definition';

export const CATEGORY_ORDER: readonly NodeCategory[] = [
  'trigger',
  'messaging',
  'logic',
  'data',
  'integration',
  'flow',
];

export const CATEGORY_LABELS: Record<NodeCategory, string> = {
  trigger: 'Triggers',
  messaging: 'Messaging',
  logic: 'Logic',
  data: 'Data',
  integration: 'Integrations',
  flow: 'Flow',
};

export interface PaletteEntry {
  type: string;
  label: string;
  description: string;
  category: NodeCategory;
}

export interface PaletteGroup<Entry extends PaletteEntry> {
  category: NodeCategory;
  label: string;
  entries: Entry[];
}

/**
 * Groups in CATEGORY_ORDER, empty groups left out. Every word of the query must appear
 * in the label or description; labels starting with the query come first within a group,
 * and groups with such a label come first.
 */
export function paletteGroups<Entry extends PaletteEntry>(
  entries: readonly Entry[],
  query: string,
): PaletteGroup<Entry>[] {
  const needle = query.trim().toLowerCase();
  const words = needle.split(/\s+/).filter(Boolean);
  const matches = (entry: Entry) => {
    const text = `${entry.label} ${entry.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  const rank = (entry: Entry) => (needle && entry.label.toLowerCase().startsWith(needle) ? 0 : 1);
  const groups = CATEGORY_ORDER.flatMap((category) => {
    const inGroup = entries
      .filter((entry) => entry.category === category && matches(entry))
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index)
      .map(({ entry }) => entry);
    return inGroup.length > 0
      ? [{ category, label: CATEGORY_LABELS[category], entries: inGroup }]
      : [];
  });
  // A group holding a label that starts with the query comes first, so typing "end"
  // offers End before "Send message" (whose group comes earlier).
  const best = (group: PaletteGroup<Entry>) => Math.min(...group.entries.map(rank));
  return groups
    .map((group, index) => ({ group, index }))
    .sort((a, b) => best(a.group) - best(b.group) || a.index - b.index)
    .map(({ group }) => group);
}

/** The entries in the order the palette shows them (what the arrow keys walk). */
export function flattenGroups<Entry extends PaletteEntry>(
  groups: readonly PaletteGroup<Entry>[],
): Entry[] {
  return groups.flatMap((group) => group.entries);
}
