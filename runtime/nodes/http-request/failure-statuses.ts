// Which response statuses send an HTTP Request node down `failed` (issue 12). Empty means
// the default, anything outside 2xx; otherwise a list the user types, codes and ranges:
// `404, 500-599`. Browser-safe: the inspector checks the text with the same parser the
// executor uses.

export type StatusList = { ok: true; ranges: [number, number][] } | { ok: false; message: string };

const ITEM = /^(\d{3})(?:\s*-\s*(\d{3}))?$/;

export function parseStatusList(text: string): StatusList {
  const ranges: [number, number][] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const match = ITEM.exec(item);
    if (!match?.[1]) {
      return {
        ok: false,
        message: `"${item.slice(0, 20)}" is not a status code or a range like 500-599`,
      };
    }
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 100 || to > 599 || from > to) {
      return { ok: false, message: `${item} is not a range of status codes (100 to 599)` };
    }
    ranges.push([from, to]);
  }
  return { ok: true, ranges };
}

/** The default when the list is empty (or, defensively, does not parse): outside 2xx. */
export function isFailureStatus(status: number, list: string): boolean {
  const parsed = parseStatusList(list);
  if (!parsed.ok || parsed.ranges.length === 0) return status < 200 || status > 299;
  return parsed.ranges.some(([from, to]) => status >= from && status <= to);
}
