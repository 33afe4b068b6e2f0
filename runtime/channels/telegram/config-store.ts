// What the Telegram channel is set to, in `<data>/telegram/channel.json`: the bot it was
// connected to (shown while reconnecting) and the flow a new conversation starts. The
// token itself is never here: it is in the secrets store, encrypted (TOKEN_SECRET_ID).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { JsonDocument } from '../../store/json-document';
import type { StoreProblems } from '../../store/store-problems';

/** The secrets store entry holding the bot token (a fixed id: one bot per Hookflow). */
export const TOKEN_SECRET_ID = 's_channel-telegram-token';
export const TOKEN_SECRET_PURPOSE = 'telegram-bot-token';
export const TELEGRAM_CONFIG_FILE = 'channel.json';

const configSchema = z.object({
  bot: z
    .object({ id: z.number().int(), username: z.string().max(64), name: z.string().max(256) })
    .nullable(),
  flowId: z.string().max(100).nullable(),
});
export type TelegramConfig = z.infer<typeof configSchema>;

export class TelegramConfigStore {
  private constructor(private readonly doc: JsonDocument<TelegramConfig>) {}

  static async open(dir: string, problems: StoreProblems): Promise<TelegramConfigStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const doc = await JsonDocument.open<TelegramConfig>({
      path: join(dir, TELEGRAM_CONFIG_FILE),
      schema: configSchema,
      problems,
      defaults: () => ({ bot: null, flowId: null }),
    });
    return new TelegramConfigStore(doc);
  }

  get(): TelegramConfig {
    return this.doc.data;
  }

  async update(change: Partial<TelegramConfig>): Promise<TelegramConfig> {
    return this.doc.update((config) => ({ ...config, ...change }));
  }

  settled(): Promise<void> {
    return this.doc.settled();
  }
}
