// Generations of a compacted JSON Lines log: the live state is rewritten into a fresh
// `log-<n>` folder and `current.json` (written atomically) then names it. A crash before
// the pointer moves leaves the old generation in charge; after, the new one; leftovers of
// either are removed on the next open. The chats store uses these; the customers store has
// the same scheme written inline (it came first).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import type { StoreProblems } from './store-problems';

const pointerSchema = z.object({ generation: z.number().int().min(1) });

export function generationDir(dir: string, generation: number): string {
  return join(dir, `log-${generation}`);
}

/** The generation `current.json` names (1 when there is none yet). Throws when it is damaged. */
export async function readGeneration(
  dir: string,
  what: string,
  problems?: StoreProblems,
): Promise<number> {
  const path = join(dir, 'current.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 1;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = pointerSchema.safeParse(json);
  if (parsed.success) return parsed.data.generation;
  // Written atomically, so this is damage from outside: report it and refuse to open
  // rather than guess a generation and delete the others.
  problems?.add({ path, keptAt: path, reason: `${path} is not a valid pointer` });
  throw new Error(`${path} is damaged; fix or remove it (${what} are in ${dir}/log-*)`);
}

/** Removes the generation folders a crashed compaction left besides `generation`. */
export async function removeOtherGenerations(dir: string, generation: number): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (/^log-\d+$/.test(entry) && entry !== `log-${generation}`) {
      await rm(join(dir, entry), { recursive: true, force: true });
    }
  }
}

/** Makes `generation` the one in charge. */
export function writeGeneration(dir: string, generation: number): Promise<void> {
  return writeFileAtomic(join(dir, 'current.json'), JSON.stringify({ generation }));
}
