// Shared by the JsonlLog tests and the child process of the SIGKILL test.
import { readdir } from 'node:fs/promises';
import { z } from 'zod';
import { JsonlLog, type JsonlLogOptions } from '../../../../runtime/store/jsonl-log';

export const eventSchema = z.object({
  id: z.string(),
  at: z.string(),
  status: z.string().min(1),
  payload: z.string().optional(),
});
export type Event = z.infer<typeof eventSchema>;

export function event(id: string, status = 'received', at = new Date().toISOString()): Event {
  return { id, at, status };
}

export function openLog(
  dir: string,
  options: Partial<JsonlLogOptions<Event>> = {},
): Promise<JsonlLog<Event>> {
  return JsonlLog.open({ dir, schema: eventSchema, ...options });
}

/** Every record, newest first, following the cursors. */
export async function allPages(log: JsonlLog<Event>, limit = 1000): Promise<Event[]> {
  const items: Event[] = [];
  let before: string | undefined;
  do {
    const page = await log.page({ limit, before });
    items.push(...page.items);
    before = page.next;
  } while (before !== undefined);
  return items;
}

export async function segmentNames(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^\d+\.jsonl$/.test(name)).sort();
}
