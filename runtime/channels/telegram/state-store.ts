// What the transport must remember across restarts, in `telegram-state.json` in its data
// folder: the last update it fully handled (updates at or below it are dropped, so a mode
// switch or a restart never repeats one) and which chats have written to the bot (seed
// 004: a bot cannot write first). Both belong to one bot: another bot's token starts over.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { JsonDocument } from '../../store/json-document';
import type { StoreProblems } from '../../store/store-problems';

export const TELEGRAM_STATE_FILE = 'telegram-state.json';
/** Most recent chats kept; the oldest are forgotten first (they must press Start again). */
export const MAX_STARTED_CHATS = 10_000;

const stateSchema = z.object({
  botId: z.number().int().nullable(),
  lastUpdateId: z.number().int().nullable(),
  /** Oldest first; a chat that writes again moves to the end. */
  startedChats: z.array(z.string().max(32)).max(MAX_STARTED_CHATS),
});

type State = z.infer<typeof stateSchema>;

export class TelegramStateStore {
  /** In memory ahead of the file: a chat counts as started while its first update is handled. */
  readonly #started: Set<string>;

  private constructor(
    private readonly doc: JsonDocument<State>,
    readonly maxStartedChats: number,
  ) {
    this.#started = new Set(doc.data.startedChats);
  }

  static async open(
    dataDir: string,
    botId: number,
    problems: StoreProblems,
    maxStartedChats = MAX_STARTED_CHATS,
  ): Promise<TelegramStateStore> {
    await mkdir(dataDir, { recursive: true });
    const doc = await JsonDocument.open<State>({
      path: join(dataDir, TELEGRAM_STATE_FILE),
      schema: stateSchema,
      defaults: () => ({ botId, lastUpdateId: null, startedChats: [] }),
      problems,
    });
    const store = new TelegramStateStore(doc, maxStartedChats);
    if (doc.data.botId !== botId) await store.#reset(botId);
    return store;
  }

  get lastUpdateId(): number | null {
    return this.doc.data.lastUpdateId;
  }

  hasWrittenFirst(chatId: string): boolean {
    return this.#started.has(chatId);
  }

  /** Counts the chat as started now; it reaches the file with the update's offset. */
  noteWritten(chatId: string): void {
    this.#started.delete(chatId);
    this.#started.add(chatId);
    while (this.#started.size > this.maxStartedChats) {
      const oldest = this.#started.values().next().value;
      if (oldest === undefined) break;
      this.#started.delete(oldest);
    }
  }

  /** Records `updateId` as handled (never moving back), with the started chats, durably. */
  async markHandled(updateId: number): Promise<void> {
    await this.doc.update((state) => ({
      ...state,
      lastUpdateId: Math.max(updateId, state.lastUpdateId ?? updateId),
      startedChats: [...this.#started],
    }));
  }

  settled(): Promise<void> {
    return this.doc.settled();
  }

  async #reset(botId: number): Promise<void> {
    this.#started.clear();
    await this.doc.update(() => ({ botId, lastUpdateId: null, startedChats: [] }));
  }
}
